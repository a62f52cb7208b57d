import { arrange, HostSession } from './fixtures/hostClient';
import { conversationButton, screenshot } from './fixtures/library';
import { expect, sendMessage, test } from './fixtures/test';

const LONG_REPLY =
  'Chapter one. The lighthouse keeper climbed the spiral stairs every evening, counting each of the ' +
  'two hundred and twelve steps, listening to the sea argue with the rocks below, and wondering whether ' +
  'anyone out there on the dark water ever looked up and thanked the light that kept them off the reef.';

test('killing the host mid-answer keeps the library, marks the partial answer Interrupted, and chat goes on', async ({
  ready,
  server,
  restartHost,
}) => {
  const { page, host } = ready;
  const session = await HostSession.open(host.url);
  try {
    await session.seedConversation('Earlier chat', [
      'First question before the crash',
      'Second question before the crash',
    ]);
    await session.seedConversation('Another chat', ['Something unrelated']);
  } finally {
    session.close();
  }
  await page.getByRole('button', { name: 'New chat' }).click();

  // ~120 chunks 80 ms apart: about 10 s of streaming, so the kill lands mid-answer.
  server.script([{ reply: LONG_REPLY, chunkSize: 3, delayMs: 80 }]);
  await sendMessage(page, 'Tell me a long story');
  await expect(page.getByText(/Chapter one\. The lighthouse/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // Let a little more arrive so there is something worth keeping.
  await expect(page.getByText(/spiral stairs/)).toBeVisible();

  const shownBeforeKill = (await page.locator('article.msg-assistant .msg-body').innerText()).trim();

  const started = Date.now();
  const restarted = await restartHost('SIGKILL');
  test.info().annotations.push({ type: 'restart', description: `${Date.now() - started} ms` });
  await page.goto(restarted.url);

  // The other conversations are intact.
  await expect(conversationButton(page, 'Earlier chat')).toBeVisible();
  await expect(conversationButton(page, 'Another chat')).toBeVisible();
  await conversationButton(page, 'Earlier chat').click();
  await expect(page.getByText('Echo: Second question before the crash')).toBeVisible();
  await expect(page.getByText('First question before the crash', { exact: true })).toBeVisible();
  await expect(page.locator('article.msg')).toHaveCount(4);
  await expect(page.getByText('Interrupted')).toHaveCount(0);

  // The crashed conversation: the question, the partial answer, and the Interrupted badge.
  await conversationButton(page, 'New conversation').click();
  await expect(page.getByText('Tell me a long story', { exact: true })).toBeVisible();
  const answer = page.locator('article.msg-assistant');
  await expect(answer).toHaveCount(1);
  await expect(answer).toContainText('Chapter one. The lighthouse');
  await expect(answer.getByText('Interrupted')).toBeVisible();
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  const partial = await answer.locator('.msg-body').innerText();
  expect(partial.length).toBeLessThan(LONG_REPLY.length);
  expect(LONG_REPLY.startsWith(partial.trim())).toBe(true);
  // Saved every ~250 ms while streaming: at most a few chunks of what was on screen are lost.
  expect(partial.trim().length).toBeGreaterThanOrEqual(shownBeforeKill.length - 30);
  await screenshot(page, 'durability-interrupted');

  // Nothing is stuck "streaming": a new message can be sent in that conversation.
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await sendMessage(page, 'Are you still there?');
  await expect(page.getByText('Echo: Are you still there?')).toBeVisible();
  await expect(page.locator('article.msg')).toHaveCount(4);
  // The history sent after the crash holds the partial answer, not an empty or duplicated one:
  // exactly the question, the interrupted answer as it was saved, and the new question.
  const saved = await arrange(restarted.url, async (s) => {
    const seeded = ['Earlier chat', 'Another chat'];
    const crashed = (await s.call('conversation.list', {})).filter((c) => !seeded.includes(c.title));
    expect(crashed).toHaveLength(1);
    const view = await s.call('conversation.get', { id: crashed[0].id });
    return view.messages.find((message) => message.status === 'interrupted')?.content;
  });
  expect(saved?.trim()).toBe(partial.trim());
  const last = server.requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1);
  expect((last?.body as { messages?: unknown } | undefined)?.messages).toEqual([
    { role: 'user', content: 'Tell me a long story' },
    { role: 'assistant', content: saved },
    { role: 'user', content: 'Are you still there?' },
  ]);
});
