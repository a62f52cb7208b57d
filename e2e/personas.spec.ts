import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { callHost, configureHost } from './fixtures/hostClient';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';
import { expect, sendMessage, test } from './fixtures/test';

const SHOTS = '/tmp/shots-persona';

/** The persona library dialog. */
function library(page: Page) {
  return page.getByRole('dialog', { name: 'Personas' });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
}

test.describe('personas', () => {
  test("a persona's examples and opening message open a new chat and reach the model in order", async ({
    ready,
    server,
  }) => {
    const { page } = ready;
    await page.getByRole('button', { name: 'Personas', exact: true }).click();
    const dialog = library(page);
    await expect(dialog).toBeVisible();
    // The built-ins are there, seeded once in the UI's language.
    await expect(dialog.getByRole('button', { name: /Skippy/ })).toBeVisible();

    await dialog.getByRole('button', { name: 'New persona' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Captain Log');
    await dialog
      .getByRole('textbox', { name: 'System prompt' })
      .fill('You are a ship captain keeping a log.');
    await dialog.getByRole('textbox', { name: 'Opening message' }).fill('Ahoy! What happened on deck today?');
    await dialog.getByRole('button', { name: 'Add example' }).click();
    await dialog.getByRole('textbox', { name: 'Example question' }).fill('How was the weather?');
    await dialog.getByRole('textbox', { name: 'Example answer' }).fill('Fair winds, captain.');
    await dialog.getByRole('textbox', { name: 'Stop sequences' }).fill('\\nSAILOR:');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('button', { name: 'Captain Log' })).toBeVisible();

    await dialog.getByRole('button', { name: 'New chat with this persona' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Ahoy! What happened on deck today?')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Persona: Captain Log' })).toBeVisible();

    await sendMessage(page, 'We spotted a whale.');
    await expect(page.getByText('Echo: We spotted a whale.')).toBeVisible();
    const sent = server.requests.find(
      (r) => r.path === '/v1/chat/completions' && (r.body as { stream?: boolean }).stream === true,
    );
    const body = sent?.body as { messages: { role: string; content: string }[]; stop?: string[] };
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are a ship captain keeping a log.' },
      { role: 'user', content: 'How was the weather?' },
      { role: 'assistant', content: 'Fair winds, captain.' },
      { role: 'assistant', content: 'Ahoy! What happened on deck today?' },
      { role: 'user', content: 'We spotted a whale.' },
    ]);
    expect(body.stop).toEqual(['\nSAILOR:']);
  });

  test('a text-template persona talks to /v1/completions, labels as stop sequences', async ({
    ready,
    server,
  }) => {
    const { page } = ready;
    await page.getByRole('button', { name: 'Personas', exact: true }).click();
    const dialog = library(page);
    await dialog.getByRole('button', { name: /Skippy/ }).click();
    await dialog.getByRole('button', { name: 'Text template' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Assistant label' })).toHaveValue('SKIPPY');
    await dialog.getByRole('button', { name: 'New chat with this persona' }).click();
    // The library closes first: until then its "Opening message" box is a second "Message" textbox.
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Oh. It is you. What do you need this time, monkey?')).toBeVisible();

    await sendMessage(page, 'Hello there');
    // The stop sequence cut the base model off before it wrote the user's next line.
    await expect(page.getByText('Echo: Hello there')).toBeVisible();
    await expect(page.getByText('and what did I say next?')).toHaveCount(0);
    const sent = server.requests.find((r) => r.path === '/v1/completions');
    const body = sent?.body as { prompt: string; stop: string[]; messages?: unknown };
    expect(body.messages).toBeUndefined();
    expect(body.prompt.startsWith('The following is a conversation with Skippy')).toBe(true);
    expect(body.prompt).toContain('USER: How far away is the Moon?\nSKIPPY: About 384,400 km');
    expect(
      body.prompt.endsWith(
        'SKIPPY: Oh. It is you. What do you need this time, monkey?\nUSER: Hello there\nSKIPPY:',
      ),
    ).toBe(true);
    expect(body.stop).toEqual(expect.arrayContaining(['\nUSER:', '\nSKIPPY:']));
  });

  test('switch a conversation to a persona from the header, delete one with Undo, refuse a non-persona file', async ({
    ready,
  }) => {
    const { page } = ready;
    await sendMessage(page, 'Hello');
    await expect(page.getByText('Echo: Hello')).toBeVisible();
    await page.getByRole('button', { name: 'Persona: No persona' }).click();
    await page.getByRole('menuitemradio', { name: 'Skippy' }).click();
    await expect(page.getByRole('button', { name: 'Persona: Skippy' })).toBeVisible();

    await page.getByRole('button', { name: 'Persona: Skippy' }).click();
    await page.getByRole('menuitem', { name: 'Manage personas…' }).click();
    const dialog = library(page);
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Skippy');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog.getByRole('button', { name: 'Skippy' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await expect(dialog.getByRole('button', { name: /Skippy/ })).toBeVisible();

    await dialog.getByTestId('persona-import-input').setInputFiles({
      name: 'diary.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ entries: ['Dear diary'] })),
    });
    await expect(dialog.getByRole('alert')).toContainText('“diary.json” was not imported.');
    await expect(dialog.getByRole('alert')).toContainText('is not a persona file');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Sending still works, with the conversation's persona.
    await sendMessage(page, 'Still there?');
    await expect(page.getByText('Echo: Still there?')).toBeVisible();
  });

  test('screenshots of the library and the editor, English and 简体中文', async ({ ready }) => {
    const { page, host } = ready;
    await page.getByRole('button', { name: 'Personas', exact: true }).click();
    const dialog = library(page);
    await dialog.getByRole('button', { name: /Skippy/ }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Skippy');
    await shoot(page, 'library-en');
    await dialog.locator('.persona-editor-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await dialog.getByRole('button', { name: 'Text template' }).click();
    await shoot(page, 'editor-model-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Chat with a persona' }).click();
    await shoot(page, 'new-chat-menu-en');
    await page.getByRole('menuitem', { name: 'Skippy' }).click();
    await expect(page.getByText('Oh. It is you. What do you need this time, monkey?')).toBeVisible();
    await page.getByRole('button', { name: 'Persona: Skippy' }).click();
    await shoot(page, 'chat-header-en');
    await page.keyboard.press('Escape');

    await callHost(host.url, 'settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.getByRole('button', { name: '角色', exact: true }).click();
    const zh = page.getByRole('dialog', { name: '角色' });
    await zh.getByRole('button', { name: '新建角色' }).click();
    await zh.getByRole('textbox', { name: '名称' }).fill('日记里的我');
    await zh.getByRole('button', { name: '添加示例' }).click();
    await shoot(page, 'editor-new-zh');
    await zh.getByRole('button', { name: /Skippy/ }).click();
    await shoot(page, 'library-zh');
  });

  test('a first start on a Chinese system seeds the built-ins in Chinese', async ({ page, server }) => {
    const dataDir = freshDataDir();
    const host = await startHost(dataDir, { LANG: 'zh_CN.UTF-8' });
    try {
      await configureHost(host.url, server.baseURL);
      await callHost(host.url, 'settings.update', { language: 'zh-CN' });
      const names = (await callHost(host.url, 'persona.list', {})).map((p) => p.name);
      expect(names).toEqual(['助手', '斯基皮', '日记伙伴', '客服专员']);
      await page.goto(host.url);
      await page.getByRole('button', { name: '角色', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: '角色' });
      await dialog.getByRole('button', { name: /日记伙伴/ }).click();
      await expect(dialog.getByRole('textbox', { name: '名称' })).toHaveValue('日记伙伴');
      await shoot(page, 'library-zh-builtins');
    } finally {
      await host.stop();
      removeDataDir(dataDir);
    }
  });
});
