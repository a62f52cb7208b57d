import { readFileSync } from 'node:fs';
import { callHost } from './fixtures/hostClient';
import { chooseGbkLuxunInChinese, dropFile, PEPYS_FULL as PEPYS, shoot } from './fixtures/journals';
import { expect, test } from './fixtures/test';

test.describe('journals', () => {
  test('drop the Pepys diary: preview, save with the owner, open January 1660 on the timeline', async ({
    ready,
  }) => {
    const { page } = ready;
    await page.getByRole('button', { name: 'Journals', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Import journal' })).toBeVisible();
    await dropFile(page, 'pg3331.txt', readFileSync(PEPYS));

    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText(/^[\d,]+ entries$/)).toBeVisible({ timeout: 30_000 });
    const count = Number((await preview.getByText(/^[\d,]+ entries$/).textContent())?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(1900);
    await expect(preview.getByText(/January 1, 1660 – .* 1669/)).toBeVisible();
    await expect(preview.getByRole('img', { name: 'Entries per month' })).toBeVisible();
    await preview.getByRole('textbox', { name: 'Owner name' }).fill('Samuel Pepys');
    await preview.getByRole('textbox', { name: 'Birth year' }).fill('1633');
    await shoot(page, 'preview-en');
    await preview.getByRole('button', { name: 'Save journal' }).click();

    const journal = page.getByRole('region', { name: 'pg3331' });
    await expect(journal.getByText('Written by Samuel Pepys')).toBeVisible({ timeout: 20_000 });
    await journal.getByRole('button', { name: /^January 1660:/ }).click();
    const first = journal.getByRole('article', { name: /January 1, 1660/ });
    await expect(first).toBeVisible();
    await expect(first.getByText('age 27')).toBeVisible();
    await expect(first.getByText(/Went to Mr\. Gunning/)).toBeVisible();
    await shoot(page, 'journal-timeline-en');

    await journal.getByRole('searchbox', { name: 'Search entries' }).fill('Whitehall');
    await expect(journal.getByText(/entries found$/)).toBeVisible();
    await expect(journal.locator('mark').first()).toHaveText(/Whitehall/i);
    await shoot(page, 'search-en');

    const listed = await callHost(ready.host.url, 'journal.list', {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ ownerName: 'Samuel Pepys', birthYear: 1633, entryCount: count });

    // Delete, then Undo brings it back whole.
    await journal.getByRole('button', { name: 'Delete journal' }).click();
    await expect(page.getByRole('status').getByText('Journal deleted.')).toBeVisible();
    expect(await callHost(ready.host.url, 'journal.list', {})).toHaveLength(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(journal.getByText('Written by Samuel Pepys')).toBeVisible();
    expect((await callHost(ready.host.url, 'journal.list', {}))[0].entryCount).toBe(count);
  });

  test('a Chinese diary in GBK, imported with the file chooser, in 简体中文', async ({ ready }) => {
    const { page, host } = ready;
    const { preview, cleanup } = await chooseGbkLuxunInChinese(page, host.url);
    try {
      await shoot(page, 'preview-zh');
      // The import notes are in Chinese too (from the warnings' reason codes).
      await preview.getByText('导入说明').click();
      await expect(
        preview.getByRole('listitem').filter({ hasText: /此文件不是 UTF-8；已按 GB18030 读取。$/ }),
      ).toBeVisible();
      await shoot(page, 'preview-notes-zh');
      await preview.getByRole('button', { name: '保存日记' }).click();

      const journal = page.getByRole('region', { name: '鲁迅日记' });
      await expect(journal.getByText('作者：鲁迅')).toBeVisible({ timeout: 20_000 });
      await journal.getByRole('button', { name: /^1912年5月：/ }).click();
      const may5 = journal.getByRole('article', { name: /1912年5月5日/ });
      await expect(may5).toBeVisible();
      await expect(may5.getByText('31 岁')).toBeVisible();
      await shoot(page, 'journal-timeline-zh');

      await journal.getByRole('searchbox', { name: '搜索日记' }).fill('教育部');
      await expect(journal.getByText(/^找到 \d+ 篇$/)).toBeVisible();
      await expect(journal.locator('mark').first()).toHaveText('教育部');
      await shoot(page, 'search-zh');
    } finally {
      cleanup();
    }
  });
});
