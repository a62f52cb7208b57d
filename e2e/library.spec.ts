import { arrange } from './fixtures/hostClient';
import {
  conversationButton,
  footerButton,
  openRowMenu,
  screenshot,
  sidebar,
  sidebarTitles,
} from './fixtures/library';
import { expect, sendMessage, test } from './fixtures/test';

test.describe.configure({ mode: 'parallel' });

test.describe('sidebar management', () => {
  test('rename a conversation inline; the new title survives a reload', async ({ ready }) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      await s.seedConversation('Trip plans', ['Where should we go?']);
      await s.seedConversation('Groceries');
    });
    await expect(conversationButton(page, 'Trip plans')).toBeVisible();

    const menu = await openRowMenu(page, 'Trip plans');
    await menu.getByRole('button', { name: 'Rename' }).click();
    const field = sidebar(page).getByRole('textbox', { name: 'New title' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('Trip plans');
    await field.fill('Road trip to Kyoto');
    await field.press('Enter');

    await expect(conversationButton(page, 'Road trip to Kyoto')).toBeVisible();
    await expect(conversationButton(page, 'Trip plans')).toHaveCount(0);

    await page.reload();
    await expect(conversationButton(page, 'Road trip to Kyoto')).toBeVisible();
    await expect(conversationButton(page, 'Trip plans')).toHaveCount(0);
    // Stored, not only shown: the conversation opens under its new name with its messages.
    await conversationButton(page, 'Road trip to Kyoto').click();
    await expect(page.getByText('Where should we go?', { exact: true })).toBeVisible();

    // Escape cancels a rename.
    const again = await openRowMenu(page, 'Groceries');
    await again.getByRole('button', { name: 'Rename' }).click();
    await sidebar(page).getByRole('textbox', { name: 'New title' }).fill('Never saved');
    await sidebar(page).getByRole('textbox', { name: 'New title' }).press('Escape');
    await expect(conversationButton(page, 'Groceries')).toBeVisible();
    await expect(conversationButton(page, 'Never saved')).toHaveCount(0);
  });

  test('pin moves a conversation to the top "Pinned" group; unpin puts it back', async ({ ready }) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      for (const title of ['Alpha', 'Bravo', 'Charlie']) await s.seedConversation(title);
    });
    await expect.poll(() => sidebarTitles(page)).toEqual(['Charlie', 'Bravo', 'Alpha']);
    await expect(sidebar(page).getByRole('heading', { name: 'Pinned' })).toHaveCount(0);

    const menu = await openRowMenu(page, 'Alpha');
    await menu.getByRole('button', { name: 'Pin', exact: true }).click();

    await expect.poll(() => sidebarTitles(page)).toEqual(['Alpha', 'Charlie', 'Bravo']);
    const headings = sidebar(page).getByRole('heading', { level: 3 });
    await expect(headings.first()).toHaveText('Pinned');
    await expect(headings.nth(1)).toHaveText('Today');
    await screenshot(page, 'library-pinned');

    // Survives a reload (stored), then unpin from the same menu, now labelled "Unpin".
    await page.reload();
    await expect.poll(() => sidebarTitles(page)).toEqual(['Alpha', 'Charlie', 'Bravo']);
    const menu2 = await openRowMenu(page, 'Alpha');
    await expect(menu2.getByRole('button', { name: 'Pin', exact: true })).toHaveCount(0);
    await menu2.getByRole('button', { name: 'Unpin' }).click();
    await expect(sidebar(page).getByRole('heading', { name: 'Pinned' })).toHaveCount(0);
    await expect.poll(() => sidebarTitles(page)).toEqual(['Charlie', 'Bravo', 'Alpha']);
  });

  test('delete then Undo brings the conversation back', async ({ ready }) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      await s.seedConversation('Keep this one', ['A message worth keeping']);
      await s.seedConversation('Other chat');
    });
    await conversationButton(page, 'Keep this one').click();
    await expect(page.getByText('A message worth keeping', { exact: true })).toBeVisible();

    const menu = await openRowMenu(page, 'Keep this one');
    await menu.getByRole('button', { name: 'Delete' }).click();
    await expect(conversationButton(page, 'Keep this one')).toHaveCount(0);
    await expect(page.getByText('Conversation moved to Trash')).toBeVisible();
    // The open conversation was closed with it.
    await expect(page.getByText('A message worth keeping', { exact: true })).toHaveCount(0);
    await expect(conversationButton(page, 'Other chat')).toBeVisible();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(conversationButton(page, 'Keep this one')).toBeVisible();
    await expect(page.getByText('Conversation moved to Trash')).toHaveCount(0);
    await expect(page.getByText('A message worth keeping', { exact: true })).toBeVisible();
    await expect.poll(() => sidebarTitles(page)).toEqual(['Other chat', 'Keep this one']);
    const trash = await arrange(host.url, (s) => s.call('conversation.list', { view: 'trash' }));
    expect(trash).toEqual([]);
  });

  test('Trash: restore a deleted conversation; Empty Trash (confirmed) removes for good', async ({
    ready,
  }) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      for (const title of ['Restore me', 'Gone for good', 'Bystander'])
        await s.seedConversation(title, [`About ${title}`]);
    });
    for (const title of ['Restore me', 'Gone for good']) {
      const menu = await openRowMenu(page, title);
      await menu.getByRole('button', { name: 'Delete' }).click();
      await expect(conversationButton(page, title)).toHaveCount(0);
    }

    await footerButton(page, 'Trash').click();
    await expect(sidebar(page).getByRole('heading', { name: 'Trash', level: 2 })).toBeVisible();
    const trashRow = (title: string) => sidebar(page).locator('.lib-row-trash', { hasText: title });
    await expect(trashRow('Restore me')).toBeVisible();
    await expect(trashRow('Gone for good')).toBeVisible();
    await expect(trashRow('Bystander')).toHaveCount(0);
    await screenshot(page, 'library-trash');

    await trashRow('Restore me').getByRole('button', { name: 'Restore' }).click();
    await expect(trashRow('Restore me')).toHaveCount(0);
    await sidebar(page).getByRole('button', { name: 'Back to chats' }).click();
    await expect(conversationButton(page, 'Restore me')).toBeVisible();
    await conversationButton(page, 'Restore me').click();
    await expect(page.getByText('About Restore me', { exact: true })).toBeVisible();

    // Empty Trash asks first; Cancel changes nothing.
    await footerButton(page, 'Trash').click();
    await sidebar(page).getByRole('button', { name: 'Empty Trash' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Empty Trash' });
    await expect(confirm).toContainText('Delete the 1 conversation in the Trash for good?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(trashRow('Gone for good')).toBeVisible();

    await sidebar(page).getByRole('button', { name: 'Empty Trash' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await expect(sidebar(page).getByText('The Trash is empty.')).toBeVisible();

    // For good: gone from every list, and still gone after a reload.
    const lists = await arrange(host.url, async (s) => ({
      active: (await s.call('conversation.list', { view: 'active' })).map((c) => c.title).sort(),
      trash: await s.call('conversation.list', { view: 'trash' }),
    }));
    expect(lists).toEqual({ active: ['Bystander', 'Restore me'], trash: [] });
    await page.reload();
    await expect(conversationButton(page, 'Bystander')).toBeVisible();
    await expect(conversationButton(page, 'Gone for good')).toHaveCount(0);
  });
});

test.describe('search', () => {
  test('Ctrl+K finds a word from an early message and jumps to it, scrolled into view', async ({ ready }) => {
    const { page, host } = ready;
    const longTexts = Array.from({ length: 30 }, (_, i) =>
      i === 1
        ? 'Remember the zebracorn parade from last spring'
        : `Filler question number ${i + 1} about nothing much`,
    );
    await arrange(host.url, async (s) => {
      // 60 messages in one call; the others go through the real send path.
      await s.importConversation(
        'Long history',
        longTexts.map((text) => [text, `Echo: ${text}`]),
      );
      await s.seedConversation('Shopping list', ['Milk, eggs and bread']);
      await s.seedConversation('Weekend', ['Any plans for Saturday?']);
    });
    await conversationButton(page, 'Weekend').click();
    await expect(page.getByText('Any plans for Saturday?', { exact: true })).toBeVisible();

    await page.keyboard.press('Control+K');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await expect(box).toBeFocused();
    await box.fill('zebracorn');
    const results = page.getByRole('listbox', { name: 'Results' });
    const first = results.getByRole('option').first();
    await expect(first).toContainText('Long history');
    await expect(first.locator('mark')).toHaveText(/zebracorn/i);
    await expect(results.getByRole('option', { name: /Shopping list|Weekend/ })).toHaveCount(0);
    await screenshot(page, 'search-results');
    await box.press('Enter');

    await expect(page.getByRole('dialog', { name: 'Search conversations' })).toHaveCount(0);
    // The chosen hit is the message shown (flashed for ~2 s) and it is inside the viewport.
    const flashed = page.locator('article.msg-highlight');
    await expect(flashed).toContainText('zebracorn', { timeout: 1500 });
    await expect(flashed).toBeInViewport();
    const target = page.locator('article.msg-user', { hasText: 'Remember the zebracorn parade' });
    await expect(target).toBeInViewport();
    // It really scrolled: the latest message (60th) is not what is shown.
    await expect(
      page.getByText('Filler question number 30 about nothing much', { exact: true }),
    ).not.toBeInViewport();
    await expect(conversationButton(page, 'Long history')).toHaveAttribute('aria-current', 'page');
    await screenshot(page, 'search-jump');
  });

  test('Chinese words are found: 学校 and 猫', async ({ ready }) => {
    const { page, host } = ready;
    await arrange(host.url, async (s) => {
      await s.seedConversation('上学', ['我们明天一起去学校上课吧']);
      await s.seedConversation('宠物', ['我家的猫今天睡了一整天']);
      await s.seedConversation('Unrelated', ['Nothing Chinese here']);
    });
    await page.keyboard.press('Control+K');
    const box = page.getByRole('searchbox', { name: 'Search' });
    const results = page.getByRole('listbox', { name: 'Results' });

    await box.fill('学校');
    await expect(results.getByRole('option').first()).toContainText('上学');
    await expect(results.locator('mark').first()).toHaveText('学校');
    await expect(results.getByRole('option').filter({ hasText: '宠物' })).toHaveCount(0);

    await box.fill('猫');
    await expect(results.getByRole('option').first()).toContainText('宠物');
    await expect(results.locator('mark').first()).toHaveText('猫');
    await expect(results.getByRole('option').filter({ hasText: '上学' })).toHaveCount(0);
    await results.getByRole('option').first().click();
    await expect(page.locator('article.msg-user', { hasText: '我家的猫今天睡了一整天' })).toBeInViewport();
  });
});

test('edit and resend makes a new version; versions switch with their answers; regenerate', async ({
  ready,
  server,
}) => {
  const { page } = ready;
  await sendMessage(page, 'What is the capital of France?');
  await expect(page.getByText('Echo: What is the capital of France?')).toBeVisible();

  const userMessage = page.locator('article.msg-user');
  const answer = page.locator('article.msg-assistant');
  await userMessage.hover();
  await userMessage.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('What is the capital of Italy?');
  await page.getByRole('button', { name: 'Save & send' }).click();

  await expect(page.getByText('Echo: What is the capital of Italy?')).toBeVisible();
  await expect(page.getByText('Echo: What is the capital of France?')).toHaveCount(0);
  await expect(userMessage).toHaveCount(1);
  await expect(userMessage).toContainText('What is the capital of Italy?');
  await expect(userMessage.locator('.versions-label')).toHaveText('2 / 2');
  await expect(userMessage.getByRole('button', { name: 'Previous version' })).toBeEnabled();
  await expect(userMessage.getByRole('button', { name: 'Next version' })).toBeDisabled();

  // The request for the edit carried the edited text, not the old one.
  const chats = server.requests.filter((request) => request.path.endsWith('/chat/completions'));
  expect(chats).toHaveLength(2);
  const editBody = JSON.stringify(chats[1]?.body);
  expect(editBody).toContain('What is the capital of Italy?');
  expect(editBody).not.toContain('France');

  await userMessage.getByRole('button', { name: 'Previous version' }).click();
  await expect(userMessage).toContainText('What is the capital of France?');
  await expect(userMessage.locator('.versions-label')).toHaveText('1 / 2');
  await expect(page.getByText('Echo: What is the capital of France?')).toBeVisible();
  await expect(page.getByText('Echo: What is the capital of Italy?')).toHaveCount(0);
  await screenshot(page, 'edit-version-1');

  await userMessage.getByRole('button', { name: 'Next version' }).click();
  await expect(userMessage.locator('.versions-label')).toHaveText('2 / 2');
  await expect(page.getByText('Echo: What is the capital of Italy?')).toBeVisible();

  // Regenerate the answer: a second version of the answer, the first still reachable.
  server.script([{ reply: 'Rome, definitely Rome.' }]);
  await answer.hover();
  await answer.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByText('Rome, definitely Rome.')).toBeVisible();
  await expect(answer.locator('.versions-label')).toHaveText('2 / 2');
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByText('Echo: What is the capital of Italy?')).toBeVisible();
  await expect(answer.locator('.versions-label')).toHaveText('1 / 2');
  // The user message still shows the edited version.
  await expect(userMessage).toContainText('What is the capital of Italy?');
});
