import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { OpenAITestServer } from './fixtures/openaiTestServer';
import { callHost } from './fixtures/hostClient';
import { chooseGbkLuxunInChinese, dropFile, JOURNAL_TESTDATA, PEPYS_FULL, shoot } from './fixtures/journals';
import { expect, sendMessage, test } from './fixtures/test';

// Talk with a younger self the way a person does it: drop (or choose) the diary, check the
// preview, save, open the timeline, fill in "Talk with my younger self", make the period summary
// and ask. The loopback test server records exactly what left the machine.

/** The body of the last chat request the server received, as text. */
function lastChatBody(server: OpenAITestServer): string {
  return JSON.stringify(server.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body);
}

/** The answer's Sources list (named by `name`), once the answer is in. */
async function sourcesOfAnswer(page: Page, name: string): Promise<Locator> {
  const sources = page.getByRole('list', { name }).last();
  await expect(sources).toBeVisible({ timeout: 20_000 });
  return sources;
}

test.describe('talk with my younger self, through the forms', () => {
  test("Pepys: drop, preview, save, timeline, 1660, the summary, and New Year's Day in the request and Sources", async ({
    ready,
    server,
  }) => {
    test.setTimeout(120_000);
    const { page } = ready;
    await page.getByRole('button', { name: 'Journals', exact: true }).click();
    await dropFile(page, 'pg3331.txt', readFileSync(PEPYS_FULL));

    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText(/^[\d,]+ entries$/)).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByText(/January 1, 1660 – .* 1669/)).toBeVisible();
    await preview.getByRole('textbox', { name: 'Owner name' }).fill('Samuel Pepys');
    await preview.getByRole('textbox', { name: 'Birth year' }).fill('1633');
    await preview.getByRole('button', { name: 'Save journal' }).click();

    const journal = page.getByRole('region', { name: 'pg3331' });
    await expect(journal.getByText('Written by Samuel Pepys')).toBeVisible({ timeout: 20_000 });
    await journal.getByRole('button', { name: /^January 1660:/ }).click();
    await expect(journal.getByRole('article', { name: /January 1, 1660/ })).toBeVisible();

    await journal.getByRole('button', { name: 'Talk with my younger self' }).click();
    const form = page.getByRole('form', { name: 'Talk with my younger self' });
    const notice = form.getByRole('note');
    await expect(notice).toContainText('nothing leaves the machine');
    await expect(form.getByRole('button', { name: 'Start' })).toBeDisabled();
    await form.getByLabel('From', { exact: true }).fill('1660-01-01');
    await form.getByLabel('To', { exact: true }).fill('1660-12-31');
    await shoot(page, 'younger-self-notice-en');
    await notice.getByRole('button', { name: 'I understand' }).click();
    await expect(notice).toBeHidden();
    await shoot(page, 'younger-self-form-en');
    await form.getByRole('button', { name: 'Start' }).click();

    // The period summary: made on request, a month at a time, then combined.
    const card = page.getByRole('region', { name: 'Period summary' });
    await expect(card.getByText('No summary yet.', { exact: false })).toBeVisible({ timeout: 20_000 });
    // Stopped part way, nothing is saved.
    server.script([{ delayMs: 5_000 }]);
    await card.getByRole('button', { name: 'Make summary' }).click();
    await card.getByRole('button', { name: 'Stop' }).click();
    await expect(card.getByRole('button', { name: 'Make summary' })).toBeEnabled();
    await expect(card.getByText('No summary yet.', { exact: false })).toBeVisible();
    await expect(card.getByRole('alert')).toHaveCount(0);

    server.reset();
    await card.getByRole('button', { name: 'Make summary' }).click();
    await expect(card.getByText(/^Overview of 12 months, 1660-01 to 1660-12\./)).toBeVisible({
      timeout: 30_000,
    });
    const summaryRequests = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(summaryRequests).toHaveLength(13);
    expect(JSON.stringify(summaryRequests.map((r) => r.body))).not.toContain('1661-');
    await expect(card.getByRole('button', { name: 'Make again' })).toBeVisible();
    await expect(
      card.getByText(/The last one was made on .* from [\d,]+ entries sent to http:\/\/127\.0\.0\.1:\d+\./),
    ).toBeVisible();

    // The start form's choice, shown and changeable on the card.
    await expect(
      card.getByRole('checkbox', { name: 'Send the whole period when it fits' }),
    ).not.toBeChecked();
    // Embeddings are off until asked for; on, the period's entries and the message are embedded.
    const embeddings = card.getByRole('checkbox', { name: 'Better recall with embeddings' });
    await expect(embeddings).not.toBeChecked();
    await embeddings.click();
    await expect(embeddings).toBeChecked();
    await expect(card.getByRole('textbox', { name: 'Embedding model' })).toHaveValue(
      'text-embedding-3-small',
    );

    server.reset();
    await sendMessage(page, "What happened on New Year's Day?");
    const sources = await sourcesOfAnswer(page, 'Sources');
    const embedded = server.requests
      .filter((r) => r.path === '/v1/embeddings')
      .flatMap((r) => (r.body as { input: string[] }).input);
    expect(embedded.at(-1)).toBe("What happened on New Year's Day?");
    expect(embedded.some((text) => /This morning \(we living lately in\s+the garret/.test(text))).toBe(true);
    expect(embedded.some((text) => /^JAN\. 1, 1660-61|^JANUARY 1, 1660-61/.test(text))).toBe(false);
    await expect(
      card.getByText(`${embedded.length - 1} entries of this period have been embedded so far.`, {
        exact: false,
      }),
    ).toBeVisible();
    await expect(sources.getByRole('button', { name: 'Open the entry of 1660-01-01' })).toBeVisible();
    const sent = lastChatBody(server);
    expect(sent).toContain('This morning (we living lately in the garret,) I rose');
    expect(sent).toContain('Summary of the period, month by month:');
    expect(sent).toContain('today is 1660-12-31');
    expect(sent).not.toMatch(/Diary entry of 16(59|6[1-9])-/);
    await shoot(page, 'younger-self-chat-en');

    // Edited by hand, the summary is what the next turn sends.
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByRole('textbox', { name: 'Period summary text' }).fill('A year of new beginnings.');
    await card.getByRole('button', { name: 'Save summary' }).click();
    await expect(card.getByText('A year of new beginnings.')).toBeVisible();
    await expect(card.getByText('edited')).toBeVisible();
    server.reset();
    await sendMessage(page, 'And what about the turkey pie?');
    await expect(page.getByText('Echo: And what about the turkey pie?')).toBeVisible({ timeout: 20_000 });
    expect(lastChatBody(server)).toContain('A year of new beginnings.');

    // Folded, the card keeps one line of the summary and gives the messages the room.
    await card.getByRole('button', { name: 'Hide' }).click();
    await expect(card.getByText('A year of new beginnings.')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Make again' })).toBeHidden();
    await shoot(page, 'younger-self-chat-folded-en');

    // A source of the first answer opens its entry in the journal.
    await page
      .getByRole('list', { name: 'Sources' })
      .first()
      .getByRole('button', { name: 'Open the entry of 1660-01-01' })
      .click();
    await expect(page.getByRole('article', { name: /January 1, 1660/ })).toBeVisible();
  });

  test('鲁迅日记 in GBK, chosen with the file picker in 简体中文: 元旦 of 1914 in the request and 来源', async ({
    ready,
    server,
  }) => {
    test.setTimeout(120_000);
    const { page, host } = ready;
    const { preview, cleanup } = await chooseGbkLuxunInChinese(page, host.url);
    try {
      await preview.getByRole('button', { name: '保存日记' }).click();

      const journal = page.getByRole('region', { name: '鲁迅日记' });
      await expect(journal.getByText('作者：鲁迅')).toBeVisible({ timeout: 20_000 });
      await journal.getByRole('button', { name: /^1914年1月：/ }).click();
      await expect(journal.getByRole('article', { name: /1914年1月1日/ }).first()).toBeVisible();

      await journal.getByRole('button', { name: '和过去的自己聊聊' }).click();
      const form = page.getByRole('form', { name: '和过去的自己聊聊' });
      await expect(form.getByRole('note')).toContainText('没有任何内容离开本机');
      await form.getByRole('radio', { name: '年龄' }).check();
      await form.getByRole('spinbutton', { name: '年龄' }).fill('33');
      await shoot(page, 'younger-self-notice-zh');
      await form.getByRole('button', { name: '我知道了' }).click();
      await shoot(page, 'younger-self-form-zh');
      await form.getByRole('button', { name: '开始' }).click();

      const card = page.getByRole('region', { name: '时期概要' });
      server.reset();
      await card.getByRole('button', { name: '生成概要' }).click();
      await expect(card.getByText(/^Overview of 12 months, 1914-01 to 1914-12\./)).toBeVisible({
        timeout: 30_000,
      });
      await expect(card.getByRole('button', { name: '重新生成' })).toBeVisible();

      server.reset();
      const box = page.getByRole('textbox', { name: '消息', exact: true });
      await box.fill('元旦那天你做了什么？');
      await box.press('Enter');
      const sources = await sourcesOfAnswer(page, '来源');
      await expect(sources.getByRole('button', { name: '打开 1914-01-01 的日记' }).first()).toBeVisible();
      const sent = lastChatBody(server);
      expect(sent).toContain('下午晴，大風。例假。');
      expect(sent).toContain('今天是1914-12-31');
      expect(sent).toContain('这段时间的概要（按月）');
      expect(sent).not.toMatch(/日记 191[23]-/);
      await shoot(page, 'younger-self-chat-zh');
    } finally {
      cleanup();
    }
  });

  test('with an endpoint on the internet, the notice names it and says only excerpts are sent', async ({
    ready,
  }) => {
    const { page, host } = ready;
    const bytes = readFileSync(join(JOURNAL_TESTDATA, 'derived-pepys-1660-q1/pepys_1660_jan-mar.md'));
    const upload = await callHost(host.url, 'journal.upload', {
      files: [{ path: 'pepys.md', base64: bytes.toString('base64') }],
    });
    const preview = await callHost(host.url, 'journal.preview', { uploadId: upload.uploadId });
    await callHost(host.url, 'journal.save', {
      token: preview.token,
      name: 'Pepys 1660',
      ownerName: 'Samuel Pepys',
      birthYear: 1633,
    });
    // Only the address changes: nothing is sent in this test.
    await callHost(host.url, 'settings.update', { baseURL: 'https://api.openai.com/v1' });
    const languages = [
      {
        language: 'en' as const,
        journals: 'Journals',
        list: 'Your journals',
        talk: 'Talk with my younger self',
        says: [
          'Penpal sends api.openai.com the diary entries',
          'never the whole journal',
          'Entries outside the period and entries you excluded are never sent.',
        ],
      },
      {
        language: 'zh-CN' as const,
        journals: '日记',
        list: '你的日记',
        talk: '和过去的自己聊聊',
        says: ['发送给 api.openai.com', '绝不是整本日记', '时期以外的日记和你排除的日记永远不会发送'],
      },
    ];
    for (const ui of languages) {
      await callHost(host.url, 'settings.update', { language: ui.language });
      await page.reload();
      await page.getByRole('button', { name: ui.journals, exact: true }).click();
      await page
        .getByRole('list', { name: ui.list })
        .getByRole('button', { name: /Pepys 1660/ })
        .click();
      await page.getByRole('button', { name: ui.talk }).click();
      const notice = page.getByRole('form', { name: ui.talk }).getByRole('note');
      for (const words of ui.says) await expect(notice).toContainText(words);
      await shoot(page, `younger-self-notice-remote-${ui.language === 'en' ? 'en' : 'zh'}`);
    }
  });
});
