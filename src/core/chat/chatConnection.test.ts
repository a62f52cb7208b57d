import { describe, expect, it } from 'vitest';
import { startOpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { cleanTitle } from './autoTitle';
import { TEST_KEY, useChatHarness } from './chatTestHarness';

// settings.testConnection and models.list: a clear code for each way a setup can be wrong.

const h = useChatHarness();

describe('ChatService.testConnection', () => {
  it('lists the models and finds the configured one', async () => {
    expect(await h.chat.testConnection({})).toEqual({
      models: ['gpt-4o', 'gpt-4o-mini', 'penpal-test'],
      modelFound: true,
    });
    expect(h.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(await h.chat.testConnection({ model: 'gpt-9' })).toMatchObject({ modelFound: false });
  });

  it('tests unsaved form values over the saved ones', async () => {
    await h.vault.clear();
    await expect(h.chat.testConnection({})).rejects.toMatchObject({ code: 'no_key' });
    const other = await startOpenAITestServer({ models: ['local-llama'] });
    try {
      const result = await h.chat.testConnection({
        baseURL: `${other.baseURL}/`,
        key: 'sk-form-key-1111',
        model: 'local-llama',
      });
      expect(result).toEqual({ models: ['local-llama'], modelFound: true });
      expect(other.requests[0].headers.authorization).toBe('Bearer sk-form-key-1111');
    } finally {
      await other.close();
    }
  });

  it('names a bad key, a wrong URL, an unreachable host and a malformed address', async () => {
    const badKey = 'sk-invalid-SECRET-form-key-9999';
    const denied = await h.chat.testConnection({ key: badKey }).catch((err: unknown) => err);
    expect(denied).toMatchObject({ code: 'unauthorized' });
    expect(String((denied as Error).message)).not.toContain('SECRET');

    await expect(
      h.chat.testConnection({ baseURL: `http://127.0.0.1:${h.server.port}/` }),
    ).rejects.toMatchObject({ code: 'bad_url' });

    const gone = await startOpenAITestServer();
    await gone.close();
    // Another origin: the saved key may not go there, a typed one may.
    await expect(
      h.chat.testConnection({ baseURL: gone.baseURL, key: 'sk-typed-1234' }),
    ).rejects.toMatchObject({
      code: 'network',
    });

    await expect(h.chat.testConnection({ baseURL: 'localhost:8080' })).rejects.toMatchObject({
      code: 'bad_url',
    });
  });

  it('lists models for the saved settings', async () => {
    expect(await h.chat.listModels()).toEqual(['gpt-4o', 'gpt-4o-mini', 'penpal-test']);
    h.server.script([{ status: 503 }]);
    await expect(h.chat.listModels()).rejects.toMatchObject({ code: 'server_error' });
  });
});

describe('cleanTitle', () => {
  it('strips what models wrap titles in', () => {
    expect(cleanTitle('"Cats and Their Purring."')).toBe('Cats and Their Purring');
    expect(cleanTitle('Title: **Weekend plans**\nextra')).toBe('Weekend plans');
    expect(cleanTitle('《猫为什么会打呼噜》')).toBe('猫为什么会打呼噜');
    expect(cleanTitle('one two three four five six seven eight')).toBe('one two three four five six');
    expect(cleanTitle('   ')).toBeNull();
  });
});
