import { request } from 'node:http';

/** The local servers Penpal knows, by their default loopback port. */
export type LocalServerKind = 'ollama' | 'lmstudio' | 'llamacpp' | 'vllm' | 'jan';

/** One place to look: a kind of server on its default port. */
export interface DetectionProbe {
  kind: LocalServerKind;
  name: string;
  port: number;
}

/** The only ports detection ever tries, all on 127.0.0.1. */
export const DEFAULT_PROBES: readonly DetectionProbe[] = [
  { kind: 'ollama', name: 'Ollama', port: 11434 },
  { kind: 'lmstudio', name: 'LM Studio', port: 1234 },
  { kind: 'llamacpp', name: 'llama.cpp', port: 8080 },
  { kind: 'vllm', name: 'vLLM', port: 8000 },
  { kind: 'jan', name: 'Jan', port: 1337 },
];

/** A server that answered, offered to the user as "Ollama — localhost:11434". */
export interface DetectedServer {
  kind: LocalServerKind;
  name: string;
  /** `localhost:11434`, as the list shows it. */
  address: string;
  /** The Base URL to save for it (`http://127.0.0.1:11434/v1`). */
  baseURL: string;
  /** The models it listed (may be empty). */
  models: string[];
}

/** How long one probe may take: a local server answers at once or is not there. */
const PROBE_TIMEOUT_MS = 800;

/**
 * Finds local model servers: `GET /v1/models` (Ollama also `/api/tags`) on each probe's port of
 * 127.0.0.1, nothing else, with a short timeout. Goes straight to loopback with `node:http` (no
 * proxy: a proxy cannot reach this computer's loopback, and the request carries no key).
 * `probes` is injectable so a test can point it at a port of its own.
 */
export async function detectLocalServers(
  probes: readonly DetectionProbe[] = DEFAULT_PROBES,
): Promise<DetectedServer[]> {
  const found = await Promise.all(probes.map((probe) => probeOne(probe)));
  return found.filter((server): server is DetectedServer => server !== null);
}

async function probeOne(probe: DetectionProbe): Promise<DetectedServer | null> {
  const models = await getModels(probe.port, '/v1/models');
  const ollamaModels = models === null && probe.kind === 'ollama' ? await getOllamaTags(probe.port) : null;
  const listed = models ?? ollamaModels;
  if (listed === null) return null;
  return {
    kind: probe.kind,
    name: probe.name,
    address: `localhost:${probe.port}`,
    baseURL: `http://127.0.0.1:${probe.port}/v1`,
    models: listed,
  };
}

async function getModels(port: number, path: string): Promise<string[] | null> {
  const body = await getJSON(port, path);
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  return data.flatMap((model) => (typeof model?.id === 'string' ? [model.id as string] : []));
}

async function getOllamaTags(port: number): Promise<string[] | null> {
  const body = await getJSON(port, '/api/tags');
  const models = (body as { models?: unknown } | null)?.models;
  if (!Array.isArray(models)) return null;
  return models.flatMap((model) => (typeof model?.name === 'string' ? [model.name as string] : []));
}

/** The JSON body of a 200 answer, or null for anything else (refused, timeout, not JSON). */
function getJSON(port: number, path: string): Promise<unknown> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        timeout: PROBE_TIMEOUT_MS,
        headers: { accept: 'application/json' },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(null);
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          // A model list is small; a huge body is not one.
          if (text.length > 1_000_000) req.destroy();
        });
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            resolve(null);
          }
        });
        res.on('error', () => resolve(null));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

/** Reads a port table from `PENPAL_DETECT_PORTS` (`ollama=11434,jan=1337`), for tests of the browser host. */
export function probesFromEnv(value: string | undefined): DetectionProbe[] | null {
  if (!value) return null;
  const probes: DetectionProbe[] = [];
  for (const entry of value.split(',')) {
    const [kind, port] = entry.split('=').map((part) => part.trim());
    const known = DEFAULT_PROBES.find((probe) => probe.kind === kind);
    const number = Number(port);
    if (known && Number.isInteger(number) && number > 0 && number < 65536)
      probes.push({ ...known, port: number });
  }
  return probes;
}
