import { configureHost } from './fixtures/hostClient';
import { startOpenAITestServer } from './fixtures/openaiTestServer';
import { expect, sendMessage, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';

// A local server running on a "default" port (here one the test chose, handed to the browser
// host through PENPAL_DETECT_PORTS) is listed under Detected, added with one click, and chat
// then goes to it: the first server never sees the message, the local one never sees the key.

test('a detected local provider is added from Settings and answers the chat', async ({ page, server }) => {
  const local = await startOpenAITestServer({ requireKey: false, models: ['llama3.2'] });
  const dataDir = freshDataDir();
  const host = await startHost(dataDir, { PENPAL_DETECT_PORTS: `ollama=${local.port}` });
  try {
    await configureHost(host.url, server.baseURL);
    await page.goto(host.url);
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog');
    const providers = dialog.getByRole('region', { name: 'Providers' });
    const detected = providers.getByRole('list', { name: 'Detected' });
    await expect(detected.getByText(`Ollama — localhost:${local.port}`)).toBeVisible();
    await expect(dialog.getByLabel('Proxy')).toBeVisible();
    await expect(dialog.getByLabel('Bypass')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/settings-providers-detected.png' });
    await detected.getByRole('button', { name: 'Add Ollama' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const before = server.requests.filter((r) => r.path === '/v1/chat/completions').length;
    await sendMessage(page, 'Hello, local model');
    await expect
      .poll(() => local.requests.filter((r) => r.path === '/v1/chat/completions').length)
      .toBeGreaterThan(0);
    const chat = local.requests.find((r) => r.path === '/v1/chat/completions')!;
    expect(chat.body).toMatchObject({ model: 'llama3.2' });
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(before);
    expect(local.requests.some((r) => (r.headers.authorization ?? '').includes('sk-e2e-test-key-1234'))).toBe(
      false,
    );

    // Both are saved providers now; the first one can be picked again.
    await page.getByRole('button', { name: 'Settings' }).click();
    const saved = page.getByRole('dialog').getByRole('list', { name: 'Saved providers' });
    await expect(saved.getByText(`Ollama — http://127.0.0.1:${local.port}/v1`)).toBeVisible();
    // Checked right after the add, though the dialog closed at once.
    await expect(saved.getByRole('listitem').filter({ hasText: 'Ollama —' })).toContainText(
      '1 model · Streaming usage: yes',
    );
    await saved.getByRole('button', { name: `Use ${new URL(server.baseURL).host}` }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const localChats = local.requests.filter((r) => r.path === '/v1/chat/completions').length;
    await sendMessage(page, 'Back to the first server');
    await expect
      .poll(() => server.requests.filter((r) => r.path === '/v1/chat/completions').length)
      .toBeGreaterThan(before);
    expect(local.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(localChats);
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    await local.close();
  }
});
