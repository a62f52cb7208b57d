import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';
import { arrange } from './fixtures/hostClient';
import { conversationButton } from './fixtures/library';
import { expect, sendMessage, test } from './fixtures/test';

/** The most characters core keeps of one message. */
const LIMIT = 2_000_000;
const SHOTS = process.env.PENPAL_SHOTS_DIR ?? 'test-results/screens';

/** `size` characters of numbered words in one paragraph, without a single line break. */
function oneParagraph(size: number): string {
  const words: string[] = [];
  for (let index = 0, length = 0; length < size; index++) {
    const word = `word${index} `;
    words.push(word);
    length += word.length;
  }
  return words.join('').slice(0, size);
}

/** About `size` characters of markdown: headings, paragraphs and a code block, ~50,000 lines. */
function markdownLines(size: number): string {
  const parts: string[] = [];
  for (let index = 0, length = 0; length < size; index++) {
    const part =
      index % 10 === 0
        ? `## Section ${index / 10}\n\n`
        : index % 10 === 5
          ? '```ts\nconst total = items.reduce((sum, item) => sum + item.price, 0);\n```\n\n'
          : `Line ${index}: the diary goes on, day after day, with **notes** and \`code\`.\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

/**
 * How long (ms) the page takes to answer a round trip: long while its main thread is busy. The
 * limit the tests use (2 s) leaves room for a loaded shared machine.
 */
async function roundTrip(page: Page): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - start;
}

/** The page's clipboard, as far as these tests use it (the e2e code is typed without the DOM). */
interface ClipboardPage {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}

/** What the page's clipboard holds (Chromium lets the page read it once permission is granted). */
function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as ClipboardPage).navigator.clipboard.readText());
}

async function switchLanguage(page: Page, language: 'en' | 'zh-CN', save: string): Promise<void> {
  await page.getByRole('button', { name: language === 'en' ? '设置' : 'Settings' }).click();
  await page.getByLabel(language === 'en' ? '语言' : 'Language').selectOption(language);
  await page.getByRole('button', { name: save }).click();
}

test('a conversation holding two 2,000,000-character messages opens, shows "Show more" and stays responsive', async ({
  ready,
}) => {
  test.setTimeout(120_000);
  const { page, host } = ready;
  const paste = oneParagraph(LIMIT);
  const answer = markdownLines(LIMIT);
  await arrange(host.url, (session) =>
    session.importConversation('Huge messages', [
      [paste, answer],
      ['And in short?', 'In short: **it opens**.'],
    ]),
  );
  // What core cut of a longer message is recorded on its row (core's part); the UI shows it.
  const db = new DatabaseSync(join(host.dataDir, 'penpal.sqlite'));
  db.prepare('UPDATE messages SET truncated_chars = ? WHERE content = ?').run(1_234_567, paste);
  db.close();
  await page.reload();

  await conversationButton(page, 'Huge messages').click();
  await expect(page.getByText('In short: it opens.')).toBeVisible();
  const user = page.locator('article.msg-user').first();
  const assistant = page.locator('article.msg-assistant').first();
  await expect(user.getByRole('button', { name: 'Show more' })).toBeVisible();
  await expect(assistant.getByRole('button', { name: 'Show more' })).toBeVisible();
  await expect(assistant.locator('h2').first()).toHaveText('Section 0');
  // Only a part of each is in the page: far from 2,000,000 characters each.
  const shown = await page.locator('.message-pane').evaluate((pane) => pane.textContent?.length ?? 0);
  expect(shown).toBeLessThan(200_000);
  await expect(user.getByRole('note')).toHaveText(
    'Truncated: 1,234,567 characters were cut (Penpal keeps at most 2,000,000 per message)',
  );

  // "Show more" reveals the next part and the page still answers at once.
  const before = (await assistant.locator('.msg-body').textContent())?.length ?? 0;
  await assistant.getByRole('button', { name: 'Show more' }).click();
  await expect
    .poll(async () => (await assistant.locator('.msg-body').textContent())?.length ?? 0)
    .toBeGreaterThan(before + 10_000);
  expect(await roundTrip(page)).toBeLessThan(2000);

  // The page carried only the head of each; Copy reads the rest and copies all of it. (The
  // "Copied" note lasts 1.5 s, so the clipboard itself is what is checked.)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => (globalThis as unknown as ClipboardPage).navigator.clipboard.writeText(''));
  await user.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(async () => (await clipboardText(page)).length, { timeout: 30_000 }).toBe(LIMIT);
  expect((await clipboardText(page)) === paste).toBe(true);

  // Typing in the composer still works.
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.click();
  await box.pressSequentially('still typing', { delay: 10 });
  await expect(box).toHaveValue('still typing');

  mkdirSync(SHOTS, { recursive: true });
  await user.scrollIntoViewIfNeeded();
  await user.getByRole('note').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/long-message-en.png`, animations: 'disabled' });

  // The conversation stays open across the language switch.
  await switchLanguage(page, 'zh-CN', 'Save');
  await expect(page.getByRole('button', { name: '显示更多' }).first()).toBeVisible();
  const note = page.locator('article.msg-user').first().getByRole('note');
  await note.scrollIntoViewIfNeeded();
  await expect(note).toHaveText(
    '已截断：删去了 1,234,567 个字符（Penpal 每条消息最多保留 2,000,000 个字符）',
  );
  await page.screenshot({ path: `${SHOTS}/long-message-zh.png`, animations: 'disabled' });
});

test('a streamed answer of 2,000,000 characters keeps the page responsive and ends behind "Show more"', async ({
  ready,
  server,
}) => {
  test.setTimeout(120_000);
  const { page } = ready;
  const reply = markdownLines(LIMIT);
  server.script([{ reply, chunkSize: 8_000, delayMs: 4 }]);
  await sendMessage(page, 'Write me a very long answer');
  const answer = page.locator('article.msg-assistant').last();
  // While it streams past the first part, the part shown stays and the composer still types.
  await expect(answer.getByRole('button', { name: 'Show more' })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.pressSequentially('next question', { delay: 10 });
  await expect(box).toHaveValue('next question');
  expect(await roundTrip(page)).toBeLessThan(2000);
  await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(answer.getByText(/ of 2,000,000 characters shown/)).toBeVisible();
  const shown = (await answer.locator('.msg-body').textContent())?.length ?? 0;
  expect(shown).toBeLessThan(100_000);
  mkdirSync(SHOTS, { recursive: true });
  await answer.getByRole('button', { name: 'Show more' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/long-answer-streamed-en.png`, animations: 'disabled' });
});
