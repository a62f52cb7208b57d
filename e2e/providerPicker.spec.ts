import { callHost } from './fixtures/hostClient';
import { startOpenAITestServer, type OpenAITestServer } from './fixtures/openaiTestServer';
import { expect, sendMessage, test } from './fixtures/test';

// "Add provider" saves any OpenAI-compatible address with its own key; the conversation's header
// picks it, and the chat goes there with that key: each test server sees only its own key.

const SETTINGS_KEY = 'sk-e2e-test-key-1234';
const BETA_KEY = 'sk-beta-own-key-0123456789-BETA';
const SHOTS = '/work/shots-prov';

/** Saves the test server `beta` as the provider "Beta", with its own key, through the contract. */
const addBeta = (hostUrl: string, beta: OpenAITestServer) =>
  callHost(hostUrl, 'provider.add', {
    name: 'Beta',
    baseURL: beta.baseURL,
    defaultModel: 'beta-model',
    key: { key: BETA_KEY },
  });

test('a custom provider with its own key, picked in the header, answers the chat', async ({
  ready,
  server,
}) => {
  const { page, host } = ready;
  const beta = await startOpenAITestServer({
    models: ['beta-model', 'beta-large'],
    modelFields: { 'beta-model': { context_length: 16384 } },
  });
  try {
    await sendMessage(page, 'First, on the default provider');
    await expect(page.locator('article.msg-assistant')).toHaveCount(1);

    await page.getByRole('button', { name: 'Settings' }).click();
    const providers = page.getByRole('dialog').getByRole('region', { name: 'Providers' });
    await providers.getByRole('button', { name: 'Add provider' }).click();
    const form = providers.getByRole('form', { name: 'Add provider' });
    // Refused with a clear message, nothing saved, until it has a name.
    await form.getByRole('button', { name: 'Save provider' }).click();
    await expect(form.getByText('Give the provider a name.')).toBeVisible();
    await form.getByLabel('Name').fill('Beta');
    await form.getByLabel('Base URL').fill(beta.baseURL);
    await form.getByLabel('Default model').fill('beta-model');
    await form.getByLabel('API key').fill(BETA_KEY);
    await form.getByRole('button', { name: 'Save provider' }).click();
    await expect(form).toHaveCount(0);

    const saved = providers.getByRole('list', { name: 'Saved providers' });
    const row = saved.getByRole('listitem').filter({ hasText: 'Beta —' });
    await expect(row).toContainText('Own key …BETA');
    // Checked right after the add, without pressing Check.
    await expect(row).toContainText(
      '2 models · Streaming usage: yes · /v1/completions: yes · Context: 16384 tokens',
    );
    await providers.screenshot({ path: `${SHOTS}/providers-section-en.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // The header: the conversation follows the provider in use until Beta is picked.
    const picker = page.getByRole('button', { name: `Provider: ${new URL(server.baseURL).host}` });
    await picker.click();
    await expect(page.getByRole('menuitemradio', { name: /^The provider in use/ })).toBeChecked();
    await page.screenshot({ path: `${SHOTS}/header-provider-picker-en.png`, animations: 'disabled' });
    await page.getByRole('menuitemradio', { name: 'Beta' }).click();
    await expect(page.getByRole('button', { name: 'Provider: Beta' })).toBeVisible();
    await expect(page.locator('.chat-model')).toHaveText('beta-model');

    const defaultChats = server.requests.filter((r) => r.path === '/v1/chat/completions').length;
    await sendMessage(page, 'Now through Beta');
    await expect(page.locator('article.msg-assistant')).toHaveCount(2);
    await expect(page.locator('article.msg-assistant').last()).not.toHaveClass(/streaming/);
    const betaChats = beta.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(betaChats.at(-1)?.body).toMatchObject({ model: 'beta-model', stream: true });
    expect(server.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(defaultChats);
    // Each server saw its own key only.
    for (const request of beta.requests) expect(request.headers.authorization).toBe(`Bearer ${BETA_KEY}`);
    for (const request of server.requests)
      expect(request.headers.authorization).toBe(`Bearer ${SETTINGS_KEY}`);

    // The same screens in 简体中文.
    await callHost(host.url, 'settings.update', { language: 'zh-CN' });
    const pickerZh = page.getByRole('button', { name: '服务提供方：Beta' });
    await pickerZh.click();
    await expect(page.getByRole('menuitemradio', { name: 'Beta' })).toBeChecked();
    await page.screenshot({ path: `${SHOTS}/header-provider-picker-zh-CN.png`, animations: 'disabled' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '设置' }).click();
    const providersZh = page.getByRole('dialog').getByRole('region', { name: '服务提供方' });
    await expect(providersZh.getByRole('listitem').filter({ hasText: 'Beta —' })).toContainText(
      '自己的密钥 …BETA',
    );
    await expect(providersZh).toContainText('1 个对话选用了它');
    await providersZh.screenshot({ path: `${SHOTS}/providers-section-zh-CN.png` });
  } finally {
    await beta.close();
  }
});

test('removing the provider a conversation chose says so and falls back, keeping everything', async ({
  ready,
  server,
}) => {
  const { page, host } = ready;
  const beta = await startOpenAITestServer({ models: ['beta-model'] });
  try {
    const added = await addBeta(host.url, beta);
    await sendMessage(page, 'Hello');
    await expect(page.locator('article.msg-assistant')).toHaveCount(1);
    await page.getByRole('button', { name: /^Provider: / }).click();
    await page.getByRole('menuitemradio', { name: 'Beta' }).click();
    await expect(page.getByRole('button', { name: 'Provider: Beta' })).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    const providers = page.getByRole('dialog').getByRole('region', { name: 'Providers' });
    await providers.getByRole('button', { name: 'Remove Beta' }).click();
    await expect(providers.getByRole('status')).toContainText(
      `“Beta” was removed. Nothing was deleted: its conversations answer with “${new URL(server.baseURL).host}”`,
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    const fallback = page.getByRole('button', { name: `Provider: ${new URL(server.baseURL).host}` });
    await expect(fallback).toHaveAttribute('title', /was removed/);
    await sendMessage(page, 'Still answered?');
    await expect(page.locator('article.msg-assistant')).toHaveCount(2);
    expect(beta.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);

    // Undo puts it back, with its key: the conversation answers with it again.
    await callHost(host.url, 'provider.restore', { id: added.id });
    await page.getByRole('button', { name: 'Settings' }).click();
    const again = page.getByRole('dialog').getByRole('region', { name: 'Providers' });
    await again.getByRole('button', { name: 'Remove Beta' }).click();
    await again.getByRole('button', { name: 'Undo' }).click();
    await expect(again.getByRole('listitem').filter({ hasText: 'Beta —' })).toContainText('Own key …BETA');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Provider: Beta' })).toBeVisible();
    await sendMessage(page, 'Back on Beta');
    await expect(page.locator('article.msg-assistant')).toHaveCount(3);
    await expect
      .poll(() => beta.requests.filter((r) => r.path === '/v1/chat/completions').length)
      .toBeGreaterThan(0);
    expect(beta.requests.every((r) => r.headers.authorization === `Bearer ${BETA_KEY}`)).toBe(true);
    expect(added.id).toBeTruthy();
  } finally {
    await beta.close();
  }
});

test("a persona's provider is the provider of the conversations started with it", async ({
  ready,
  server,
}) => {
  const { page, host } = ready;
  const beta = await startOpenAITestServer({ models: ['beta-model'] });
  try {
    await addBeta(host.url, beta);
    await page.getByRole('button', { name: 'Personas', exact: true }).click();
    const personas = page.getByRole('dialog', { name: 'Personas' });
    await personas.getByRole('button', { name: /Skippy/ }).click();
    await personas.getByLabel('Provider').selectOption({ label: 'Beta' });
    await personas.getByRole('button', { name: 'New chat with this persona' }).click();
    await expect(page.getByRole('dialog', { name: 'Personas' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Provider: Beta' })).toBeVisible();
    await sendMessage(page, 'Hello Skippy on Beta');
    await expect
      .poll(() => beta.requests.filter((r) => r.path === '/v1/chat/completions').length)
      .toBeGreaterThan(0);
    expect(beta.requests.every((r) => r.headers.authorization === `Bearer ${BETA_KEY}`)).toBe(true);
    expect(server.requests.some((r) => (r.headers.authorization ?? '').includes(BETA_KEY))).toBe(false);
  } finally {
    await beta.close();
  }
});

test('a provider in use with its own key is enough to start: no settings key needed', async ({
  page,
  host,
}) => {
  const beta = await startOpenAITestServer({ models: ['beta-model'] });
  try {
    await callHost(host.url, 'settings.update', { language: 'en', autoTitle: false });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Penpal' })).toBeVisible();
    const added = await addBeta(host.url, beta);
    await callHost(host.url, 'provider.use', { id: added.id });
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await sendMessage(page, 'Hello with only a provider key');
    await expect(page.locator('article.msg-assistant')).toHaveCount(1);
    const chat = beta.requests.find((r) => r.path === '/v1/chat/completions');
    expect(chat?.headers.authorization).toBe(`Bearer ${BETA_KEY}`);
  } finally {
    await beta.close();
  }
});
