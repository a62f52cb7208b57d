import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';

// The API key enters main once (settings.setKey) and must never come back out: not in a result,
// an event, an error, the database, the settings file, or a log line.

const KEY = 'sk-proj-NEVER-LEAK-THIS-a1b2c3d4e5f6-WXYZ';
const KEY_BODY = 'NEVER-LEAK-THIS-a1b2c3d4e5f6';

let server: OpenAITestServer;
let core: Core;
let dataDir: string;
let settingsFile: MemoryKeyValueStore;
const logged: string[] = [];

beforeEach(async () => {
  server = await startOpenAITestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-key-'));
  settingsFile = new MemoryKeyValueStore();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
    );
  }
  core = await createCore({
    dataDir,
    cipher: createTestCipher(),
    settingsStore: settingsFile,
    host: 'test',
    version: '0.0.0-test',
    platform: 'linux',
    systemLanguage: 'en',
  });
});

afterEach(async () => {
  await core.close();
  await server.close();
  vi.restoreAllMocks();
  logged.length = 0;
});

/** Every byte Penpal wrote to its data folder. */
function everythingOnDisk(): string {
  return readdirSync(dataDir, { recursive: true })
    .map((name) => join(dataDir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

describe('the API key', () => {
  it('never leaves main through results, events, errors, disk or logs', async () => {
    const bridge = createInMemoryBridge(core.dispatcher, core.events);
    const seen: unknown[] = [];
    bridge.onEvent((event) => seen.push(event));
    const request = async (method: string, input: unknown): Promise<unknown> => {
      const result = await bridge.request(method, input);
      seen.push(result);
      return result;
    };

    await request('settings.update', { baseURL: server.baseURL, model: 'gpt-4o-mini' });
    await request('settings.setKey', { key: KEY, persist: true });
    await request('settings.get', {});
    await request('settings.testConnection', {});
    await request('settings.testConnection', { key: 'sk-invalid-but-also-secret-9999' });
    await request('models.list', {});
    const created = (await request('conversation.create', {})) as { data: { id: string } };
    await request('chat.send', { conversationId: created.data.id, content: 'Hello' });
    const doneEvents = () => seen.filter((event) => JSON.stringify(event).includes('"chat.done"'));
    await vi.waitFor(() => expect(doneEvents()).toHaveLength(1));
    // A refused request whose error body echoes the whole key: only redaction keeps it in main.
    server.script([
      {
        status: 401,
        error: {
          message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    ]);
    await request('chat.send', { conversationId: created.data.id, content: 'Again' });
    await vi.waitFor(() => expect(doneEvents()).toHaveLength(2));
    await request('conversation.get', { id: created.data.id });
    await request('library.exportAll', {});
    await request('app.info', {});

    // The key really was used: the server got it.
    expect(server.requests.some((entry) => entry.headers.authorization === `Bearer ${KEY}`)).toBe(true);

    const crossed = JSON.stringify(seen);
    expect(crossed).toContain('WXYZ'); // "configured, ends in …WXYZ" is allowed
    expect(crossed).toContain('"unauthorized"'); // the refused request did produce an error
    expect(crossed).toContain('Incorrect API key provided: [key].'); // with its echo of the key redacted
    expect(crossed).not.toContain(KEY_BODY);
    expect(crossed).not.toContain('sk-invalid-but-also-secret');

    await core.close();
    expect(everythingOnDisk()).not.toContain(KEY_BODY);
    expect(settingsFile.raw()).not.toContain(KEY_BODY);
    expect(logged.join('\n')).not.toContain(KEY_BODY);
  });
});
