import { expect, sendMessage, test } from './fixtures/test';

// The quick-chat page of the browser host (`/quick`, same token) and the main view side by side:
// one conversation, both pages updated live over the same events.

test('a message typed in /quick streams in both pages, and Open in Penpal shows it in the main view', async ({
  ready,
  server,
  context,
}) => {
  const { page: main, host } = ready;
  const quickUrl = host.url.replace('/?token=', '/quick?token=');
  const quick = await context.newPage();
  await quick.goto(quickUrl);
  const box = quick.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeVisible();
  await expect(quick.getByRole('button', { name: 'Open in Penpal' })).toBeVisible();

  server.script([
    { reply: 'Quick answer streaming slowly to both windows at once.', chunkSize: 4, delayMs: 60 },
  ]);
  await sendMessage(quick, 'Hello from quick chat');
  await expect(quick.getByText(/^Quick answer/)).toBeVisible();
  // The main view lists the new conversation while the answer is still arriving.
  const list = main.getByRole('navigation', { name: 'Conversations' });
  await expect(list.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(quick.getByText('Quick answer streaming slowly to both windows at once.')).toBeVisible();

  // "Open in Penpal": the open main tab shows the conversation.
  await quick.getByRole('button', { name: 'Open in Penpal' }).click();
  const feed = main.getByRole('feed', { name: 'Messages' });
  await expect(feed.getByText('Hello from quick chat')).toBeVisible();
  await expect(main.getByText('Quick answer streaming slowly to both windows at once.')).toBeVisible();

  // The same conversation continues from the quick page; the main view follows live.
  server.script([
    { reply: 'Second answer, seen in the main view as it streams.', chunkSize: 3, delayMs: 80 },
  ]);
  await sendMessage(quick, 'And a second one');
  await expect(main.getByText(/^Second answer/)).toBeVisible();
  await expect(main.getByText('Second answer, seen in the main view as it streams.')).toBeVisible();
  await expect(feed.getByText('And a second one')).toBeVisible();

  // Reopened, the quick page continues the last quick conversation.
  await quick.reload();
  await expect(quick.getByText('Second answer, seen in the main view as it streams.')).toBeVisible();
  // Esc in the browser host blurs the box and does nothing harmful.
  await quick.getByRole('textbox', { name: 'Message' }).focus();
  await quick.keyboard.press('Escape');
  await expect(quick.getByRole('textbox', { name: 'Message' })).not.toBeFocused();
  await expect(quick.getByText('And a second one')).toBeVisible();
});

test('Open in Penpal opens a main tab when none is open', async ({ ready, context }) => {
  const { page: main, host } = ready;
  const quick = await context.newPage();
  await main.close();
  await quick.goto(host.url.replace('/?token=', '/quick?token='));
  await sendMessage(quick, 'Only the quick page is open');
  await expect(quick.getByText('Echo: Only the quick page is open')).toBeVisible();
  const opened = context.waitForEvent('page');
  await quick.getByRole('button', { name: 'Open in Penpal' }).click();
  const tab = await opened;
  await expect(
    tab.getByRole('feed', { name: 'Messages' }).getByText('Only the quick page is open', { exact: true }),
  ).toBeVisible();
  await expect(tab.getByText('Echo: Only the quick page is open')).toBeVisible();
});
