import type { Locator, Page } from '@playwright/test';
import type { OpenAITestServer } from './fixtures/openaiTestServer';
import { expect, sendMessage, test } from './fixtures/test';

type Sent = { role: string; content: string };

/** The messages of every streamed chat request the test server received, oldest first. */
function streamedRequests(server: OpenAITestServer): Sent[][] {
  return server.requests
    .filter((r) => r.path.endsWith('/chat/completions') && (r.body as { stream?: boolean }).stream === true)
    .map((r) => (r.body as { messages: Sent[] }).messages.map(({ role, content }) => ({ role, content })));
}

/** The parts the inspector shows, as role and content, in order. */
async function shownParts(panel: Locator): Promise<Sent[]> {
  return panel.locator('li[data-kind]').evaluateAll((items) =>
    items.map((item) => ({
      role: (item as HTMLElement).dataset.role ?? '',
      content: item.querySelector('[data-part-content]')?.textContent ?? '',
    })),
  );
}

const feed = (page: Page): Locator => page.getByRole('feed', { name: 'Messages' });

async function exchange(page: Page, text: string): Promise<void> {
  await sendMessage(page, text);
  await expect(feed(page).getByText(`Echo: ${text}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
}

test('the context inspector shows exactly what is sent; Memory changes it; a past answer shows its own request', async ({
  ready,
  server,
}) => {
  const { page } = ready;
  for (const text of ['First question', 'Second question', 'Third question']) await exchange(page, text);

  await page.getByRole('button', { name: 'Context', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Context inspector' });
  await expect(panel).toBeVisible();

  // The next turn, with the draft as it would be sent now.
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Fourth question');
  await expect(panel.locator('li[data-kind="draft"] [data-part-content]')).toHaveText('Fourth question');
  await expect(page.getByLabel('Tokens')).toHaveText(/^[\d,]+ \/ 128,000$/);
  const previewed = await shownParts(panel);
  expect(previewed.filter((p) => p.role !== 'system')).toHaveLength(7);
  await box.press('Enter');
  await expect(feed(page).getByText('Echo: Fourth question')).toBeVisible();
  await expect.poll(() => streamedRequests(server).length).toBe(4);
  expect(streamedRequests(server)[3]).toEqual(previewed);

  // Last N exchanges with Exchanges = 1: only the last exchange and the new message are sent.
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await panel.getByLabel('Memory').selectOption({ label: 'Last N exchanges' });
  await panel.getByLabel('Exchanges').fill('1');
  await box.fill('Fifth question');
  await expect(panel.locator('li[data-kind="draft"] [data-part-content]')).toHaveText('Fifth question');
  await expect(panel.locator('li[data-kind="history"]')).toHaveCount(2);
  const limited = await shownParts(panel);
  // The earlier messages are marked in the conversation.
  await expect(feed(page).locator('[data-not-sent]').first()).toBeVisible();
  await box.press('Enter');
  await expect(feed(page).getByText('Echo: Fifth question')).toBeVisible();
  await expect.poll(() => streamedRequests(server).length).toBe(5);
  const sent = streamedRequests(server)[4];
  expect(sent).toEqual(limited);
  const conversation = sent.filter((m) => m.role !== 'system');
  expect(conversation.map((m) => [m.role, m.content.split('\n')[0]])).toEqual([
    ['user', 'Fourth question'],
    ['assistant', 'Echo: Fourth question'],
    ['user', 'Fifth question'],
  ]);

  // "Show context" on an earlier answer: the request that produced it.
  const answer = feed(page).locator('article[data-role="assistant"]', { hasText: 'Echo: Second question' });
  await answer.hover();
  await answer.getByRole('button', { name: 'Show context' }).click();
  await expect(panel.getByText('The request behind this answer')).toBeVisible();
  await expect(panel.locator('li[data-kind]').last().locator('[data-part-content]')).toHaveText(
    'Second question',
  );
  expect(await shownParts(panel)).toEqual(streamedRequests(server)[1]);
});

test('"Clear context here" starts fresh without a new chat, and the divider can be removed', async ({
  ready,
  server,
}) => {
  const { page } = ready;
  for (const text of ['Old topic', 'More of it']) await exchange(page, text);
  const lastAnswer = feed(page).locator('article[data-role="assistant"]').last();
  await lastAnswer.hover();
  await lastAnswer.getByRole('button', { name: 'Clear context here' }).click();
  await expect(feed(page).getByRole('separator', { name: /Context cleared/ })).toBeVisible();
  await expect(feed(page).locator('[data-not-sent]')).toHaveCount(4);

  await exchange(page, 'New topic');
  const sent = streamedRequests(server).at(-1) ?? [];
  expect(sent.filter((m) => m.role !== 'system')).toEqual([{ role: 'user', content: 'New topic' }]);

  await feed(page).getByRole('button', { name: 'Remove divider' }).click();
  await expect(feed(page).getByRole('separator', { name: /Context cleared/ })).toHaveCount(0);
  await expect(feed(page).locator('[data-not-sent]')).toHaveCount(0);
  await exchange(page, 'All of it');
  expect(
    (streamedRequests(server).at(-1) ?? []).filter((m) => m.role === 'user').map((m) => m.content),
  ).toEqual(['Old topic', 'More of it', 'New topic', 'All of it']);
});
