import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { DEFAULT_PROBES, detectLocalServers, probesFromEnv } from './detectProviders';

let server: OpenAITestServer | null = null;
const listeners: Server[] = [];

afterEach(async () => {
  await server?.close();
  server = null;
  await Promise.all(listeners.splice(0).map((l) => new Promise((resolve) => l.close(resolve))));
});

/** A TCP listener on a free loopback port that counts the connections made to it. */
async function countingListener(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const listener = createServer((socket) => {
    count++;
    socket.destroy();
  });
  listeners.push(listener);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return { port: (listener.address() as AddressInfo).port, connections: () => count };
}

describe('detection of local model servers', () => {
  it('finds a server answering /v1/models on its port, by name and address', async () => {
    server = await startOpenAITestServer({ requireKey: false });
    const found = await detectLocalServers([{ kind: 'lmstudio', name: 'LM Studio', port: server.port }]);
    expect(found).toEqual([
      {
        kind: 'lmstudio',
        name: 'LM Studio',
        address: `localhost:${server.port}`,
        baseURL: `http://127.0.0.1:${server.port}/v1`,
        models: expect.arrayContaining(['gpt-4o-mini']),
      },
    ]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    // Detection carries no key.
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('probes only the ports in its table: a listener on another port sees no connection', async () => {
    server = await startOpenAITestServer({ requireKey: false });
    const other = await countingListener();
    const found = await detectLocalServers([{ kind: 'jan', name: 'Jan', port: server.port }]);
    expect(found.map((s) => s.name)).toEqual(['Jan']);
    expect(other.connections()).toBe(0);
  });

  it('reports nothing for a port where nothing listens or something else answers', async () => {
    const silent = await countingListener();
    expect(await detectLocalServers([{ kind: 'vllm', name: 'vLLM', port: silent.port }])).toEqual([]);
    expect(silent.connections()).toBe(1);
  });

  it('knows only the five default loopback ports, and reads a test table from the environment', () => {
    expect(DEFAULT_PROBES.map((p) => `${p.name}:${p.port}`)).toEqual([
      'Ollama:11434',
      'LM Studio:1234',
      'llama.cpp:8080',
      'vLLM:8000',
      'Jan:1337',
    ]);
    expect(probesFromEnv('ollama=4321,bogus=1,jan=x')).toEqual([
      { kind: 'ollama', name: 'Ollama', port: 4321 },
    ]);
    expect(probesFromEnv(undefined)).toBeNull();
  });
});
