import { CHINESE_REPLY } from './fixtures/openaiTestServerWire';
import { expect, sendMessage, test } from './fixtures/test';

test('a newcomer configures an endpoint, chats, stops an answer, and finds the chat after a restart', async ({
  page,
  host,
  server,
  restartHost,
}) => {
  await page.goto(host.url);
  // First run: nothing to type into until an endpoint is configured.
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await page.getByLabel('Base URL').fill(server.baseURL);
  await page.getByLabel('API key').fill('sk-e2e-newcomer-5678');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/Connected/)).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();

  // The key never reaches the page: only its last four characters.
  await expect(page.locator('body')).not.toContainText('sk-e2e-newcomer-5678');

  await sendMessage(page, 'Hello Penpal');
  await expect(page.getByText('Echo: Hello Penpal')).toBeVisible();
  const completions = () => server.requests.filter((request) => request.path.endsWith('/chat/completions'));
  const sent = completions().find((request) => (request.body as { stream?: boolean }).stream === true);
  expect(sent?.headers.authorization).toBe('Bearer sk-e2e-newcomer-5678');
  expect(sent?.body).toMatchObject({ stream: true, messages: [{ role: 'user', content: 'Hello Penpal' }] });
  // After the first exchange the model is asked for a title (a cheap, non-streaming call).
  await expect.poll(() => completions().length).toBe(2);
  await expect(page.getByRole('heading', { name: 'Hello Penpal' })).toBeVisible();

  // A slow answer: Stop keeps what arrived and marks it interrupted.
  server.script([
    {
      reply: 'Once upon a time there was a very long story that never seemed to end at all.',
      chunkSize: 3,
      delayMs: 150,
    },
  ]);
  await sendMessage(page, 'Tell me a story');
  await expect(page.getByText('Once upon')).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Interrupted')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  const partial = await page.getByText(/^Once upon/).innerText();
  expect(partial.length).toBeLessThan(70);

  const restarted = await restartHost();
  await page.goto(restarted.url);
  await expect(page.getByText('Echo: Hello Penpal')).toBeVisible();
  const messages = page.getByRole('feed', { name: 'Messages' });
  await expect(messages.getByText('Hello Penpal', { exact: true })).toBeVisible();
  await expect(messages.getByText(partial)).toBeVisible();
  await expect(page.getByText('Interrupted')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/chat-after-restart.png' });
});

test('a Chinese answer whose characters are split across chunks renders intact', async ({ ready }) => {
  const { page } = ready;
  await sendMessage(page, '说中文 [[chinese]]');
  await expect(page.getByText(CHINESE_REPLY.slice(0, 20))).toBeVisible();
  await expect(page.locator('body')).toContainText(CHINESE_REPLY);
  await expect(page.locator('body')).not.toContainText('\uFFFD');
});

test('a refused key shows a clear error on the message, with Retry', async ({ ready, server }) => {
  const { page } = ready;
  server.script([{ status: 401 }]);
  await sendMessage(page, 'Hi there');
  await expect(page.getByText(/API key was refused/i)).toBeVisible();
  const retry = page.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible();
  // The next request succeeds: Retry replaces the error with an answer.
  await retry.click();
  await expect(page.getByText('Echo: Hi there')).toBeVisible();
  await expect(page.getByText(/API key was refused/i)).toHaveCount(0);
});

test('switching to 简体中文 translates the screen', async ({ ready }) => {
  const { page } = ready;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: '新对话' })).toBeVisible();
  await expect(page.getByRole('button', { name: '发送' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New chat' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/chat-zh.png' });
});
