import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyGguf } from '../src/core/localModel/testing/tinyGguf';
import { expect, sendMessage, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';

// "On this computer" in the browser host with the real engine and the tiny generated model: the
// first run needs no key, chat streams from the model, Stop stops it, and the inspector counts
// with the model's own tokenizer in its 256-token window.

const SHOTS = '/work/shots-llm';

test('a first run with a model on this computer: chat, stop, exact token counts', async ({ page }) => {
  test.setTimeout(120_000);
  const modelDir = mkdtempSync(join(tmpdir(), 'penpal-e2e-model-'));
  const modelPath = writeTinyGguf(join(modelDir, 'tiny-chat.gguf'));
  const dataDir = freshDataDir();
  // One engine thread (a shared machine), and a pace between pieces so Stop can be pressed.
  const host = await startHost(dataDir, { PENPAL_ENGINE_THREADS: '1', PENPAL_ENGINE_PACE_MS: '60' });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Use a model on this computer' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/first-run-en.png` });
    await page.getByRole('button', { name: 'Use a model on this computer' }).click();
    const section = page.getByRole('region', { name: 'On this computer' });
    await expect(section.getByRole('list', { name: 'Download a model' })).toContainText(
      'Qwen2.5 0.5B Instruct',
    );

    // A file that is not a model: a clear message, nothing added.
    await section.getByLabel('Add a .gguf file').fill(join(dataDir, 'settings.json'));
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(section.getByRole('alert')).toContainText('not a model file');

    await section.getByLabel('Add a .gguf file').fill(modelPath);
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(section.getByRole('button', { name: 'Use tiny-chat.gguf' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/first-run-local-en.png`, fullPage: true });
    await section.getByRole('button', { name: 'Use tiny-chat.gguf' }).click();

    // No key was ever asked for: chat opens and the model answers.
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await sendMessage(page, 'Hello, little model');
    const feed = page.getByRole('feed', { name: 'Messages' });
    await expect(feed.getByText('Hello, little model')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 60_000 });

    // Stop while the model is still answering.
    await sendMessage(page, 'Tell me everything');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByText('Interrupted')).toBeVisible();

    // The inspector: the model's window, and counts from its tokenizer ("the" is th+e there).
    await page.getByRole('button', { name: 'Context', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Context inspector' });
    await page.getByRole('textbox', { name: 'Message' }).fill('the the the the');
    await expect(panel.locator('[data-counting="model"]')).toHaveText(
      'Counted with the model’s own tokenizer',
    );
    await expect(panel.locator('li[data-kind="draft"] .ctx-part-tokens')).toHaveText('18 tokens');
    await expect(page.getByLabel('Tokens')).toHaveText(/ \/ 256$/);
    await page.screenshot({ path: `${SHOTS}/inspector-local-en.png` });

    // Settings: the section with the model in use; then the same in 简体中文.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog').getByRole('region', { name: 'On this computer' });
    await expect(settings.getByText('In use')).toBeVisible();
    await expect(settings.locator('[data-engine-state="ready"]')).toContainText('256 tokens');
    await settings.getByRole('heading', { name: 'On this computer' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-local-en.png` });
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: '设置' }).click();
    const zh = page.getByRole('dialog').getByRole('region', { name: '本机模型' });
    await expect(zh.getByText('使用中')).toBeVisible();
    await zh.getByRole('heading', { name: '本机模型' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-local-zh.png` });
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    rmSync(modelDir, { recursive: true, force: true });
  }
});

test('the first-run screen in 简体中文 offers the model on this computer', async ({ page }) => {
  const dataDir = freshDataDir();
  const host = await startHost(dataDir, { LANG: 'zh_CN.UTF-8' });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: '使用本机上的模型' }).click();
    await expect(page.getByRole('region', { name: '本机模型' })).toContainText('Qwen2.5 0.5B Instruct');
    await page.screenshot({ path: `${SHOTS}/first-run-local-zh.png`, fullPage: true });
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});
