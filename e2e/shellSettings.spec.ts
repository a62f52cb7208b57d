import { mkdirSync } from 'node:fs';
import { callHost } from './fixtures/hostClient';
import { expect, test } from './fixtures/test';

// Settings' Desktop section in the browser host: the shortcut recorder (a key press becomes an
// accelerator; a bare key is refused with the reason), launch at login, and screenshots of it and
// of the quick page in English and 简体中文 for review.

const SHOTS = '/tmp/shots-shell';

test('the quick chat shortcut is recorded from a key press and a bare key is refused', async ({ ready }) => {
  const { page, host } = ready;
  await page.getByRole('button', { name: 'Settings' }).click();
  const recorder = page.getByRole('textbox', { name: 'Quick chat shortcut' });
  await expect(recorder).toHaveValue('Alt+Space');
  await recorder.focus();
  await page.keyboard.press('K');
  await expect(
    page.getByText('Use at least one of Ctrl, Alt, Option, Command or Super, plus one key.'),
  ).toBeVisible();
  await recorder.focus();
  await page.keyboard.press('Control+Alt+J');
  await expect(recorder).toHaveValue('Control+Alt+J');
  await page.getByRole('checkbox', { name: 'Launch at login' }).check();
  await expect
    .poll(async () => (await callHost(host.url, 'shell.status', {})).settings)
    .toMatchObject({ quickChatShortcut: 'Control+Alt+J', launchAtLogin: true });
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Quick chat shortcut' })).toHaveValue('Control+Alt+J');
  await expect(page.getByRole('checkbox', { name: 'Launch at login' })).toBeChecked();
});

test('screenshots: the quick page and the Desktop settings, English and 简体中文', async ({
  ready,
  context,
}) => {
  const { page, host } = ready;
  mkdirSync(SHOTS, { recursive: true });
  for (const language of ['en', 'zh-CN'] as const) {
    await callHost(host.url, 'settings.update', { language });
    const quick = await context.newPage();
    await quick.setViewportSize({ width: 640, height: 420 });
    await quick.goto(host.url.replace('/?token=', '/quick?token='));
    const box = quick.getByRole('textbox', { name: language === 'en' ? 'Message' : '消息' });
    const question = language === 'en' ? 'What should I cook tonight?' : '今晚做什么菜好？';
    await box.fill(question);
    await box.press('Enter');
    // The quick window continues its conversation: the second language's answer joins the first.
    await expect(quick.getByText(`Echo: ${question}`)).toBeVisible();
    await quick.screenshot({ path: `${SHOTS}/quick-${language}.png` });
    await quick.close();

    await page.reload();
    await page.getByRole('button', { name: language === 'en' ? 'Settings' : '设置' }).click();
    const section = page.locator('section[aria-labelledby="settings-shell"]');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${SHOTS}/settings-${language}.png` });
    await page.keyboard.press('Escape');
  }
});
