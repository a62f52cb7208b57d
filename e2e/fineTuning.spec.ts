import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { personaFields } from '../src/core/personas/testing';
import { arrange, callHost, configureHost } from './fixtures/hostClient';
import { startOpenAITestServer } from './fixtures/openaiTestServer';
import { expect, sendMessage, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';

const SHOTS = '/work/shots-ft';

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

// Three support conversations, and a CSV of a support team's replies: one answer far over the
// model's 65,536-token limit, one question never answered.
const CONVERSATIONS: [string, [string, string][]][] = [
  [
    'Router keeps blinking',
    [['My router blinks orange.', 'Unplug it for ten seconds, then plug it back in.']],
  ],
  ['Refund for order 1042', [['Can I get a refund?', 'Yes: refunds take three to five working days.']]],
  ['Parcel is late', [['Where is my parcel?', 'It left the depot this morning and arrives tomorrow.']]],
];
const LONG_ANSWER = 'Please follow every step of the manual. '.repeat(9000);
const CSV =
  'question,answer\n' +
  '"How do I reset my password?","Open Settings, then ""Account"", then Reset."\n' +
  '"Do you ship abroad?","Yes, to 30 countries.\nSee the shipping page."\n' +
  'What are your opening hours?,From 9 to 5 on weekdays.\n' +
  'Can I change my order?,Within an hour of ordering.\n' +
  'Is there a warranty?,Two years on every device.\n' +
  'Do you have a shop?,Only online.\n' +
  `Tell me everything about setup,"${LONG_ANSWER}"\n` +
  'Why was I charged twice?,\n' +
  'How do I contact you?,Write to help@example.com.\n';

test('fine-tuning: pick conversations and a CSV, check, export, train, and chat with the new model', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  // Tall enough for the report and the job list in the screenshots.
  await page.setViewportSize({ width: 1280, height: 1150 });
  const dataDir = freshDataDir();
  const host = await startHost(dataDir, { PENPAL_FT_POLL_MS: '250' });
  try {
    await configureHost(host.url, server.baseURL);
    await arrange(host.url, async (session) => {
      for (const [title, pairs] of CONVERSATIONS) await session.importConversation(title, pairs);
      await session.call(
        'persona.create',
        personaFields({
          name: 'Support bot',
          systemPrompt: 'You answer customers of a small electronics shop.',
          examples: [],
          openingMessage: '',
        }),
      );
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Training data' }).click();
    await expect(page.getByRole('heading', { name: 'Training data', level: 1 })).toBeVisible();

    // Three conversations from the library.
    await page.getByRole('button', { name: 'Add conversations' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add conversations' });
    // A word of an answer finds its conversation through the library's search.
    await dialog.getByRole('searchbox', { name: 'Filter conversations' }).fill('depot');
    await expect(dialog.getByRole('checkbox')).toHaveCount(1);
    await expect(dialog.getByRole('checkbox', { name: 'Parcel is late' })).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Filter conversations' }).fill('');
    await expect(dialog.getByRole('checkbox')).toHaveCount(3);
    for (const [title] of CONVERSATIONS) await dialog.getByRole('checkbox', { name: title }).check();
    await dialog.getByRole('button', { name: 'Add 3 conversations' }).click();
    await expect(dialog).toHaveCount(0);

    // And the CSV of pairs.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import pairs' }).click();
    await (await chooser).setFiles({ name: 'support.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(page.getByText('Added 9 examples.')).toBeVisible();
    await expect(page.getByText('12 examples', { exact: true })).toBeVisible();

    await page.getByLabel('Model name suffix').fill('support');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const report = page.getByRole('region', { name: 'Data check' });
    await expect(report.getByText('Fix the errors before training.')).toBeVisible();
    // The over-long answer starts on line 9 (the two quoted lines before it span three lines).
    await expect(
      report.getByRole('listitem').filter({ hasText: 'over the limit of 65,536 tokens' }),
    ).toContainText(/support\.csv:9 \(\d{2},\d{3} tokens\)/);
    await expect(
      report.getByRole('listitem').filter({ hasText: 'no assistant answer to learn from' }),
    ).toContainText('support.csv:10');
    await expect(report.getByText(/Estimated cost: \$\d/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled();
    await shoot(page, 'training-data-report-en');

    // The refund answer is kept as context but not trained on; the router question is left out.
    const examples = page.locator('.tr-example');
    await examples.filter({ hasText: 'Refund for order 1042' }).locator('summary').click();
    await examples
      .filter({ hasText: 'Refund for order 1042' })
      .getByRole('checkbox', { name: 'Train on this answer' })
      .uncheck();
    await examples.filter({ hasText: 'Router keeps blinking' }).locator('summary').click();
    await examples
      .filter({ hasText: 'Router keeps blinking' })
      .getByRole('checkbox', { name: 'Include' })
      .first()
      .uncheck();
    await expect(page.getByText('The set changed since this check')).toBeVisible();

    // Export: one chat-format line per example, UTF-8.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSONL' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('penpal-training.jsonl');
    const lines = readFileSync((await file.path()) as string, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(12);
    // The conversations come in the library's order (newest first), then the pairs in file order.
    const parsed = lines.map((line) => JSON.parse(line) as unknown);
    expect(parsed).toContainEqual({
      messages: [
        { role: 'user', content: 'Can I get a refund?' },
        { role: 'assistant', content: 'Yes: refunds take three to five working days.', weight: 0 },
      ],
    });
    expect(parsed).toContainEqual({
      messages: [{ role: 'assistant', content: 'Unplug it for ten seconds, then plug it back in.' }],
    });
    expect(JSON.parse(lines[3])).toEqual({
      messages: [
        { role: 'user', content: 'How do I reset my password?' },
        { role: 'assistant', content: 'Open Settings, then "Account", then Reset.' },
      ],
    });

    // Put both back as they were, and take the two flagged examples out; the check is then
    // clean but for "few examples".
    await examples
      .filter({ hasText: 'Refund for order 1042' })
      .getByRole('checkbox', { name: 'Train on this answer' })
      .check();
    await examples
      .filter({ hasText: 'Router keeps blinking' })
      .getByRole('checkbox', { name: 'Include' })
      .first()
      .check();
    await page.getByRole('button', { name: 'Remove support.csv:9' }).click();
    await page.getByRole('button', { name: 'Remove support.csv:10' }).click();
    await expect(page.getByText('10 examples', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(report.getByText('Training may start once you accept the warnings.')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Start despite the warnings' }).check();
    await page.getByRole('button', { name: 'Start training' }).click();

    const jobs = page.getByRole('list', { name: 'Training jobs' });
    const job = jobs.getByRole('listitem', { name: 'gpt-4o-mini · support' });
    await expect(job.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
    await expect(job.getByRole('img', { name: /Training loss, 4 steps/ })).toBeVisible();
    const modelText = (await job.getByText(/^Model: ft:/).innerText()).replace('Model: ', '');
    expect(modelText).toMatch(/^ft:gpt-4o-mini:penpal:support:/);
    expect(server.fineTuning.files[0].content.trimEnd().split('\n')).toHaveLength(10);
    await shoot(page, 'training-data-en');

    // One click sets it on the persona; a chat with that persona talks to the new model.
    await job.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Support bot' });
    await job.getByRole('button', { name: 'Use on persona' }).click();
    await expect(job.getByText('Now used by Support bot.')).toBeVisible();
    await page.getByRole('button', { name: 'Personas', exact: true }).click();
    const personas = page.getByRole('dialog', { name: 'Personas' });
    await personas.getByRole('button', { name: 'Support bot' }).click();
    await personas.getByRole('button', { name: 'New chat with this persona' }).click();
    await expect(personas).toHaveCount(0);
    await sendMessage(page, 'My router blinks again.');
    await expect(page.getByText('Echo: My router blinks again.')).toBeVisible();
    const chat = server.requests.find(
      (request) => request.path === '/v1/chat/completions' && (request.body as { stream?: boolean }).stream,
    );
    expect(chat?.body).toMatchObject({ model: modelText });

    // The same screen in 简体中文, with a report and the job.
    await callHost(host.url, 'settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.getByRole('button', { name: '训练数据' }).click();
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await expect(
      page.getByRole('region', { name: '数据检查' }).getByText('接受警告后即可开始训练。'),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: '训练任务' }).getByText('已完成')).toBeVisible();
    await shoot(page, 'training-data-zh-CN');
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});

test('a provider without fine-tuning endpoints is told so in words', async ({ page, host }) => {
  const plain = await startOpenAITestServer({ fineTuning: false });
  try {
    await configureHost(host.url, plain.baseURL);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Training data' }).click();
    const rows = Array.from({ length: 10 }, (_, index) => `Question ${index}?,Answer ${index}.`).join('\n');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import pairs' }).click();
    await (await chooser).setFiles({ name: 'pairs.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
    await expect(page.getByText('10 examples', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Start despite the warnings' }).check();
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByRole('alert')).toContainText('This provider does not offer fine-tuning');
    await expect(page.getByRole('list', { name: 'Training jobs' }).getByText('Failed')).toBeVisible();
  } finally {
    await plain.close();
  }
});

test('a job under way keeps being followed after Penpal is killed and started again', async ({
  page,
  server,
}) => {
  test.setTimeout(90_000);
  const dataDir = freshDataDir();
  let host = await startHost(dataDir, { PENPAL_FT_POLL_MS: '250' });
  try {
    await configureHost(host.url, server.baseURL);
    const rows = Array.from({ length: 10 }, (_, index) => `Question ${index}?,Answer ${index}.`).join('\n');
    await callHost(host.url, 'training.importFile', {
      name: 'pairs.csv',
      base64: Buffer.from(rows).toString('base64'),
    });
    // Long enough to still be running when the host is killed.
    server.fineTuning.script([{ steps: 40 }]);
    await callHost(host.url, 'training.start', {
      model: 'gpt-4o-mini',
      epochs: 1,
      suffix: 'restart',
      validationPercent: 0,
      acceptWarnings: true,
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Training data' }).click();
    const job = page.getByRole('list', { name: 'Training jobs' }).getByRole('listitem');
    await expect(job.getByText('Running')).toBeVisible();

    await host.stop('SIGKILL');
    host = await startHost(dataDir, { PENPAL_FT_POLL_MS: '250' });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Training data' }).click();
    await expect(job.getByText('Succeeded')).toBeVisible({ timeout: 60_000 });
    await expect(job.getByRole('img', { name: /Training loss, 40 steps/ })).toBeVisible();
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});
