import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyGguf } from '../src/core/localModel/testing/tinyGguf';
import { callHost } from './fixtures/hostClient';
import { startOpenAITestServer } from './fixtures/openaiTestServer';
import { expect, test } from './fixtures/test';

// The Connection section of Settings says what the provider in use really uses: "On this
// computer" and its model (never the placeholder address), or the provider's own key (not "no
// key"); and "Add provider" checks what a provider can do at once, a failed check keeping it.

const SHOTS = '/work/shots-polish';
const BETA_KEY = 'sk-beta-own-key-0123456789-ABCD';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('"On this computer" in use: its name and model, not the placeholder address', async ({ ready }) => {
  const { page, host } = ready;
  const modelDir = mkdtempSync(join(tmpdir(), 'penpal-e2e-model-'));
  try {
    const modelPath = writeTinyGguf(join(modelDir, 'tiny-chat.gguf'));
    const view = await callHost(host.url, 'localModel.addFile', { path: modelPath });
    await callHost(host.url, 'localModel.use', { id: view.models[0]!.id });

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog');
    const connection = dialog.getByRole('group', { name: 'Connection: On this computer' });
    await expect(connection).toContainText('On this computer');
    await expect(connection).toContainText('tiny-chat.gguf');
    await expect(dialog.getByLabel('Base URL', { exact: true })).toHaveCount(0);
    await expect(dialog.getByLabel('API key', { exact: true })).toHaveCount(0);
    await expect(dialog).not.toContainText('on-this-computer.invalid');
    await page.screenshot({ path: `${SHOTS}/settings-on-this-computer-en.png` });

    // Back to an endpoint: an address to type; Save refuses an empty one, Cancel keeps the model.
    await connection.getByRole('button', { name: 'Use an address instead' }).click();
    await expect(dialog.getByLabel('Base URL', { exact: true })).toHaveValue('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Enter a URL starting with http:// or https://')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await callHost(host.url, 'settings.update', { language: 'zh-CN' });
    await page.getByRole('button', { name: '设置' }).click();
    const zh = page.getByRole('dialog').getByRole('group', { name: '连接：本机模型' });
    await expect(zh).toContainText('本机模型');
    await expect(zh).toContainText('tiny-chat.gguf');
    await expect(zh.getByRole('button', { name: '改用一个地址' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-on-this-computer-zh-CN.png` });
  } finally {
    rmSync(modelDir, { recursive: true, force: true });
  }
});

test('"Add provider" checks it at once; a failed check keeps it; its own key shows in Connection', async ({
  ready,
}) => {
  const { page, host } = ready;
  const beta = await startOpenAITestServer({ models: ['beta-model'] });
  // A port nothing listens on any more: the check cannot reach it.
  const gone = await startOpenAITestServer();
  await gone.close();
  try {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog');
    const providers = dialog.getByRole('region', { name: 'Providers' });
    const saved = providers.getByRole('list', { name: 'Saved providers' });
    const add = async (name: string, baseURL: string, key: string) => {
      await providers.getByRole('button', { name: 'Add provider' }).click();
      const form = providers.getByRole('form', { name: 'Add provider' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Base URL').fill(baseURL);
      await form.getByLabel('API key').fill(key);
      await form.getByRole('button', { name: 'Save provider' }).click();
      await expect(form).toHaveCount(0);
    };

    await add('Gone', gone.baseURL, 'sk-gone-own-key-0123456789');
    const goneRow = saved.getByRole('listitem').filter({ hasText: 'Gone —' });
    await expect(goneRow.getByRole('alert')).toContainText('The check failed:');
    await expect(goneRow).toContainText('Not checked yet');

    await add('Beta', beta.baseURL, BETA_KEY);
    const betaRow = saved.getByRole('listitem').filter({ hasText: 'Beta —' });
    // Nobody pressed Check: the add asked the server itself.
    await expect(betaRow).toContainText('1 model · Streaming usage: yes · /v1/completions: yes');
    expect(beta.requests.some((r) => r.path === '/v1/models')).toBe(true);
    await providers.screenshot({ path: `${SHOTS}/providers-after-add-en.png` });

    // In use, Beta's own key is the one that goes: Connection says so, and Save needs no key.
    await betaRow.getByRole('button', { name: 'Use Beta' }).click();
    await expect(dialog).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(dialog.getByLabel('Base URL', { exact: true })).toHaveValue(beta.baseURL);
    await expect(dialog.getByText('Key: own key …ABCD of Beta. Change it under Providers.')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-own-key-en.png` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);

    await callHost(host.url, 'settings.update', { language: 'zh-CN' });
    await page.getByRole('button', { name: '设置' }).click();
    await expect(dialog.getByText('密钥：Beta 自己的密钥 …ABCD。可在“服务提供方”中更改。')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-own-key-zh-CN.png` });
    const providersZh = dialog.getByRole('region', { name: '服务提供方' });
    await expect(providersZh.getByRole('listitem').filter({ hasText: 'Gone —' })).toContainText('检测失败：');
    await providersZh.screenshot({ path: `${SHOTS}/providers-after-add-zh-CN.png` });
  } finally {
    await beta.close();
  }
});
