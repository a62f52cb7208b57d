import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { arrange, callHost, configureHost } from './fixtures/hostClient';
import {
  conversationButton,
  footerButton,
  reportStat,
  openRowMenu,
  screenshot,
  sidebarTitles,
} from './fixtures/library';
import { expect, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';
import { syntheticExport } from '../bench/importBench';

test.describe.configure({ mode: 'parallel' });

// The shared test data sits beside the repository (`../shared`), wherever it is cloned: resolved
// from this file, as src/core/importers/testSamples.ts does, not from the working directory.
const FIXTURES = fileURLToPath(
  new URL('../../shared/testdata/chat-exports/librechat-import-fixtures/', import.meta.url),
);

test.describe('export and import', () => {
  test('export one conversation and the whole library, then re-import the backup into a fresh host', async ({
    ready,
    server,
  }, testInfo) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      await s.seedConversation('Recipes', ['How long do I boil an egg?', 'And a soft one?']);
      await s.seedConversation('Travel', ['Best time to visit Lisbon?']);
    });
    await expect(conversationButton(page, 'Travel')).toBeVisible();

    // One conversation, as JSON, from its row menu.
    const menu = await openRowMenu(page, 'Recipes');
    await menu.getByRole('button', { name: 'Export' }).click();
    const oneDownload = page.waitForEvent('download');
    await menu.getByRole('button', { name: 'JSON (.json)' }).click();
    const one = await oneDownload;
    expect(one.suggestedFilename()).toMatch(/\.json$/);
    const onePath = testInfo.outputPath(one.suggestedFilename());
    await one.saveAs(onePath);
    const oneText = readFileSync(onePath, 'utf8');
    expect(() => JSON.parse(oneText)).not.toThrow();
    expect(oneText).toContain('Recipes');
    expect(oneText).toContain('How long do I boil an egg?');
    expect(oneText).toContain('Echo: And a soft one?');
    expect(oneText).not.toContain('Lisbon');

    // The whole library, from the footer.
    const allDownload = page.waitForEvent('download');
    await footerButton(page, 'Export').click();
    const all = await allDownload;
    const backupPath = testInfo.outputPath(all.suggestedFilename());
    await all.saveAs(backupPath);
    const backupText = readFileSync(backupPath, 'utf8');
    expect(backupText).toContain('Lisbon');
    expect(backupText).toContain('boil an egg');

    // A second, fresh host: import the backup through the dialog.
    const freshDir = freshDataDir();
    const fresh = await startHost(freshDir);
    try {
      await configureHost(fresh.url, server.baseURL);
      await page.goto(fresh.url);
      await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
      await expect(conversationButton(page, 'Recipes')).toHaveCount(0);

      await footerButton(page, 'Import').click();
      const dialog = page.getByRole('dialog', { name: 'Import conversations' });
      // First the one-conversation export: it is importable on its own.
      await dialog.locator('input[type="file"]').setInputFiles(onePath);
      await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
      await expect(dialog.getByText('From a Penpal backup')).toBeVisible();
      await expect(reportStat(page, 'Conversations added')).toHaveText('1');
      await expect(reportStat(page, 'Messages added')).toHaveText('4');
      await expect(conversationButton(page, 'Recipes')).toBeVisible();

      // Then the whole backup: the one already here is recognised, the other added.
      await dialog.getByRole('button', { name: 'Import more' }).click();
      await dialog.locator('input[type="file"]').setInputFiles(backupPath);
      await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
      await expect(reportStat(page, 'Conversations added')).toHaveText('1');
      await expect(reportStat(page, 'Messages added')).toHaveText('2');
      await expect(reportStat(page, 'Already here (skipped)')).toHaveText('1');
      await expect(dialog.locator('.lib-report-list').first()).toHaveText('Travel');
      await screenshot(page, 'import-backup-report');

      // Importing the same file again adds nothing.
      await dialog.getByRole('button', { name: 'Import more' }).click();
      await dialog.locator('input[type="file"]').setInputFiles(backupPath);
      await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
      await expect(reportStat(page, 'Conversations added')).toHaveText('0');
      await expect(reportStat(page, 'Already here (skipped)')).toHaveText('2');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toHaveCount(0);

      await expect.poll(() => sidebarTitles(page).then((t) => t.sort())).toEqual(['Recipes', 'Travel']);
      await conversationButton(page, 'Recipes').click();
      await expect(page.getByText('Echo: And a soft one?')).toBeVisible();
      await expect(page.getByText('How long do I boil an egg?', { exact: true })).toBeVisible();
    } finally {
      await fresh.stop();
      removeDataDir(freshDir);
    }
  });

  test('a ChatGPT export (JSON and zip) imports through the dialog, without duplicates on re-import', async ({
    ready,
  }, testInfo) => {
    const { page } = ready;
    const jsonPath = join(FIXTURES, 'chatgpt-export.json');
    const zipPath = testInfo.outputPath('chatgpt-modern.zip');
    writeFileSync(
      zipPath,
      zipSync({
        'conversations.json': new Uint8Array(readFileSync(join(FIXTURES, 'chatgpt-modern-export.json'))),
        'chat.html': strToU8('<html></html>'),
      }),
    );

    await footerButton(page, 'Import').click();
    const dialog = page.getByRole('dialog', { name: 'Import conversations' });
    await dialog.locator('input[type="file"]').setInputFiles(jsonPath);
    await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(dialog.getByText('From a ChatGPT export')).toBeVisible();
    await expect(reportStat(page, 'Conversations added')).toHaveText('2');
    const added = dialog.locator('section', { has: page.getByRole('heading', { name: 'Added' }) });
    await expect(added.getByRole('listitem')).toHaveText(['Conversation 1. Web Search', 'Conversation 2'], {
      useInnerText: true,
    });
    await expect(dialog.getByRole('heading', { name: 'Skipped items' })).toBeVisible();
    await screenshot(page, 'import-chatgpt-report');

    // The zip: the corrupted entry is reported as skipped, the others added.
    await dialog.getByRole('button', { name: 'Import more' }).click();
    await dialog.locator('input[type="file"]').setInputFiles(zipPath);
    await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(reportStat(page, 'Conversations added')).toHaveText('2');
    await expect(added.getByRole('listitem')).toHaveText(
      ['Deploying the staging cluster', 'Weeknight pasta'],
      { useInnerText: true },
    );
    await expect(dialog.locator('.lib-report-skipped')).toContainText('Corrupted entry');
    await screenshot(page, 'import-zip-report');

    // Again: nothing new.
    await dialog.getByRole('button', { name: 'Import more' }).click();
    await dialog.locator('input[type="file"]').setInputFiles([jsonPath, zipPath]);
    await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(reportStat(page, 'Conversations added')).toHaveText('0');
    await expect(reportStat(page, 'Already here (skipped)')).toHaveText('4');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await expect
      .poll(() => sidebarTitles(page).then((t) => t.sort()))
      .toEqual([
        'Conversation 1. Web Search',
        'Conversation 2',
        'Deploying the staging cluster',
        'Weeknight pasta',
      ]);
    await conversationButton(page, 'Conversation 2').click();
    await expect(page.getByText('give me code in C#', { exact: true })).toBeVisible();
    await expect(page.locator('article.msg-assistant', { hasText: 'C# programming language' })).toBeVisible();
    await conversationButton(page, 'Deploying the staging cluster').click();
    await expect(page.getByText('And if that fails?', { exact: true })).toBeVisible();
    await expect(page.getByText('Restore from the last known-good chart.')).toBeVisible();
  });

  test('a large export shows its progress phase by phase, then every conversation is in the library', async ({
    ready,
  }, testInfo) => {
    // The import alone may take up to 60 s (its own expect timeout, as long as a normal test).
    test.slow();
    const { page, host } = ready;
    const { json, conversations } = syntheticExport(12 * 1024 * 1024);
    const zipPath = testInfo.outputPath('large-export.zip');
    writeFileSync(zipPath, zipSync({ 'conversations.json': strToU8(json) }));

    // Every phase the progress bar goes through, as the window shows it. (A string: the e2e
    // sources are type-checked without the DOM's types.)
    await page.evaluate(`
      window.importPhases = [];
      new MutationObserver(() => {
        const label = document.querySelector('[role="progressbar"]')?.getAttribute('aria-label');
        if (label && window.importPhases.at(-1) !== label) window.importPhases.push(label);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);

    await footerButton(page, 'Import').click();
    const dialog = page.getByRole('dialog', { name: 'Import conversations' });
    await dialog.locator('input[type="file"]').setInputFiles(zipPath);
    await expect(dialog.getByRole('progressbar')).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
    await expect(reportStat(page, 'Conversations added')).toHaveText(String(conversations));
    const phases = await page.evaluate<string[]>('window.importPhases');
    expect(phases).toContain('Reading conversations');
    expect(phases.at(-1)).toBe('Saving');
    await expect(dialog.getByText(`…and ${conversations - 8} more`)).toBeInViewport();
    await screenshot(page, 'import-large-report');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(conversationButton(page, `Conversation ${conversations - 1} 对话`)).toBeVisible();
    // Every one of them is in the library, as the host's contract lists it.
    const titles = (await callHost(host.url, 'conversation.list', { view: 'active' })).map((c) => c.title);
    expect(titles.sort()).toEqual(
      Array.from({ length: conversations }, (_, index) => `Conversation ${index} 对话`).sort(),
    );
  });
});
