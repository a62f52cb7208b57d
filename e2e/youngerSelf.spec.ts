import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { callHost } from './fixtures/hostClient';
import { sidebar } from './fixtures/library';
import { expect, sendMessage, test } from './fixtures/test';

// Talk with a younger self through the real host and the loopback test server: the server records
// exactly what left the machine. The journal is saved through the contract (the import UI has its
// own spec); the conversation is asked and read in the UI.

const SHOTS = '/tmp/shots-self';
const TESTDATA = fileURLToPath(new URL('../../shared/testdata/journals/', import.meta.url));
const PEPYS = join(TESTDATA, 'derived-pepys-1660-q1/pepys_1660_jan-mar.md');
const LUXUN = join(TESTDATA, 'derived-luxun-1912-1914/luxun_diary_1912-1914_book-layout.txt');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

async function saveJournal(hostUrl: string, name: string, bytes: Buffer, owner: string, birthYear: number) {
  const upload = await callHost(hostUrl, 'journal.upload', {
    files: [{ path: name, base64: bytes.toString('base64') }],
  });
  const preview = await callHost(hostUrl, 'journal.preview', { uploadId: upload.uploadId });
  const saved = await callHost(hostUrl, 'journal.save', {
    token: preview.token,
    name,
    ownerName: owner,
    birthYear,
  });
  return saved.journal;
}

test.describe('talk with my younger self', () => {
  test("Pepys, 1660: the New Year's Day entry is sent and listed under the answer", async ({
    ready,
    server,
  }) => {
    const { page, host } = ready;
    const journal = await saveJournal(host.url, 'pepys.md', readFileSync(PEPYS), 'Samuel Pepys', 1633);
    const conversation = await callHost(host.url, 'youngerSelf.start', { journalId: journal.id, age: 27 });
    await page.reload();
    await sidebar(page).getByRole('button', { name: conversation.title, exact: true }).click();
    server.reset();
    await sendMessage(page, "What happened on New Year's Day?");

    const sources = page.getByRole('list', { name: 'Sources' });
    await expect(sources).toBeVisible({ timeout: 20_000 });
    await expect(sources.getByRole('button', { name: 'Open the entry of 1660-01-01' })).toBeVisible();
    const sent = JSON.stringify(
      server.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body,
    );
    expect(sent).toContain('This morning (we living lately in the garret,) I rose');
    expect(sent).toContain('today is 1660-12-31');
    await shoot(page, 'answer-sources-en');
  });

  test('鲁迅日记 in GBK: the 五月五日 entry is sent and listed', async ({ ready, server }) => {
    const { page, host } = ready;
    const gbk = iconv.encode(readFileSync(LUXUN, 'utf8'), 'gbk');
    const journal = await saveJournal(host.url, 'luxun-gbk.txt', gbk, '鲁迅', 1881);
    const conversation = await callHost(host.url, 'youngerSelf.start', {
      journalId: journal.id,
      from: '1912-05-01',
      to: '1912-12-31',
    });
    await page.reload();
    await sidebar(page).getByRole('button', { name: conversation.title, exact: true }).click();
    server.reset();
    await sendMessage(page, '五月五日那天你到了哪里？');
    const sources = page.getByRole('list', { name: 'Sources' });
    await expect(sources).toBeVisible({ timeout: 20_000 });
    await expect(sources.getByRole('button', { name: 'Open the entry of 1912-05-05' })).toBeVisible();
    const sent = JSON.stringify(
      server.requests.filter((r) => r.path === '/v1/chat/completions').at(-1)?.body,
    );
    expect(sent).toContain('舟抵天津');
    expect(sent).toContain('今天是1912-12-31');
  });
});
