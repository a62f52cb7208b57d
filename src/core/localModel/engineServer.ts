import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LlamaChat, LlamaModel } from 'node-llama-cpp';
import { toChatHistory, type WireMessage } from './chatHistory';

/**
 * The engine's OpenAI-compatible API on loopback: `/v1/models`, `/v1/chat/completions` (SSE with
 * the usage chunk; a closed connection stops the generation) and `/v1/tokenize` for exact counts.
 * Penpal reaches it through the same SDK path as any endpoint.
 */

/** What the server answers from. */
export interface EngineServerDeps {
  model: LlamaModel;
  chat: LlamaChat;
  modelId: string;
  contextWindow: number;
  token: string;
  /** Milliseconds between streamed pieces (tests; see EngineStart.paceMs). */
  paceMs?: number;
}

/** The largest request body accepted (a window's worth of text is far less). */
const MAX_BODY = 16 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, code: string | null = null): void {
  sendJson(res, status, { error: { message, type: 'invalid_request_error', param: null, code } });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (typeof parsed !== 'object' || parsed === null) throw new Error('The body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function authorized(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const numberOr = (value: unknown, fallback: number | undefined): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** Starts the server on 127.0.0.1 at a free port; resolves once it listens. */
export async function startEngineServer(deps: EngineServerDeps): Promise<{ server: Server; port: number }> {
  // One sequence, one generation at a time: requests wait their turn.
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((req, res) => {
    if (!authorized(req, deps.token))
      return sendError(res, 401, 'Missing or wrong token.', 'invalid_api_key');
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, {
        object: 'list',
        data: [
          {
            id: deps.modelId,
            object: 'model',
            created: 0,
            owned_by: 'penpal',
            context_length: deps.contextWindow,
          },
        ],
      });
    }
    if (req.method !== 'POST') return sendError(res, 404, 'Not found.');
    readJson(req).then(
      (body) => {
        if (path === '/v1/tokenize') return tokenize(deps, body, res);
        if (path !== '/v1/chat/completions') return sendError(res, 404, 'Not found.');
        const run = queue.then(() => completeChat(deps, body, res));
        queue = run.catch(() => {});
        return run;
      },
      (err: unknown) => sendError(res, 400, err instanceof Error ? err.message : 'Bad request.'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** `{texts: string[]}` → `{counts: number[]}`: special-token text counts as plain text. */
function tokenize(deps: EngineServerDeps, body: Record<string, unknown>, res: ServerResponse): void {
  const texts = Array.isArray(body.texts) ? body.texts.filter((t): t is string => typeof t === 'string') : [];
  sendJson(res, 200, { counts: texts.map((text) => deps.model.tokenize(text, false).length) });
}

/** The tokens of a whole prompt as the chat template renders it. */
export function promptTokens(
  chat: LlamaChat,
  model: LlamaModel,
  history: ReturnType<typeof toChatHistory>,
): number {
  const { contextText } = chat.chatWrapper.generateContextState({ chatHistory: history });
  return contextText.tokenize(model.tokenizer).length;
}

async function completeChat(
  deps: EngineServerDeps,
  body: Record<string, unknown>,
  res: ServerResponse,
): Promise<void> {
  if (res.destroyed) return;
  let history;
  try {
    if (!Array.isArray(body.messages)) throw new Error('`messages` must be an array.');
    history = toChatHistory(body.messages as WireMessage[]);
  } catch (err) {
    return sendError(res, 400, err instanceof Error ? err.message : 'Bad request.');
  }
  const prompt = promptTokens(deps.chat, deps.model, history);
  // Refused like a hosted service would (node-llama-cpp would otherwise drop history silently).
  if (prompt >= deps.contextWindow) {
    return sendError(
      res,
      400,
      `This model's maximum context length is ${deps.contextWindow} tokens. However, your messages resulted in ${prompt} tokens.`,
      'context_length_exceeded',
    );
  }
  const room = deps.contextWindow - prompt;
  const asked = numberOr(body.max_completion_tokens, numberOr(body.max_tokens, undefined));
  const maxTokens = Math.max(1, Math.min(room, asked ?? room));
  const stream = body.stream === true;
  const usageWanted =
    (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: deps.modelId,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const abort = new AbortController();
  // Stop: the client closing the connection ends the generation.
  res.on('close', () => abort.abort());
  if (stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`data: ${JSON.stringify(chunk({ role: 'assistant', content: '' }, null))}\n\n`);
  }
  let completion = 0;
  // Pieces are written in order; with a pace (tests) each waits its turn.
  let writing: Promise<void> = Promise.resolve();
  const send = (text: string): void => {
    writing = writing
      .then(() => (deps.paceMs ? new Promise((r) => setTimeout(r, deps.paceMs)) : undefined))
      .then(() => {
        if (!res.destroyed) res.write(`data: ${JSON.stringify(chunk({ content: text }, null))}\n\n`);
      });
  };
  const result = await deps.chat.generateResponse(history, {
    maxTokens,
    temperature: numberOr(body.temperature, 0.7),
    topP: numberOr(body.top_p, undefined),
    signal: abort.signal,
    stopOnAbortSignal: true,
    onToken: (tokens) => (completion += tokens.length),
    onTextChunk: (text) => {
      if (stream && !res.destroyed) send(text);
    },
  });
  await writing;
  if (res.destroyed) return;
  const finish = result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop';
  const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (!stream) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: deps.modelId,
      choices: [
        { index: 0, message: { role: 'assistant', content: result.response }, finish_reason: finish },
      ],
      usage,
    });
  }
  res.write(`data: ${JSON.stringify(chunk({}, finish))}\n\n`);
  if (usageWanted) {
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: deps.modelId, choices: [], usage })}\n\n`,
    );
  }
  res.end('data: [DONE]\n\n');
}
