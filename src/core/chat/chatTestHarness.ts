import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  startOpenAITestServer,
  type OpenAITestServer,
  type RecordedRequest,
} from '../../../e2e/fixtures/openaiTestServer';
import type { AnyEvent } from '../../shared/contract';
import { createEventBus } from '../events';
import { KeyVault } from '../settings/keyVault';
import { openConversationStore } from '../store';
import { createTestCipher, MemoryKeyValueStore } from '../testing/memoryPorts';
import type { ConversationStore } from '../store/types';
import { ChatService, type ChatConfig, type ChatServiceOptions } from './chatService';

/** The key the tests use; nothing Penpal emits or stores may contain it. */
export const TEST_KEY = 'sk-penpal-SECRET-chat-key-7777';

/** A ChatService over an in-memory store and the loopback test server, rebuilt for every test. */
export interface ChatHarness {
  server: OpenAITestServer;
  store: ConversationStore;
  chat: ChatService;
  /** Mutable: tests change settings between calls. */
  config: ChatConfig;
  /** The real key vault, holding TEST_KEY bound to the test server (and to `config.baseURL`). */
  vault: KeyVault;
  /** Every event emitted, in order. */
  seen: AnyEvent[];
  /** Chat completion requests the server received. */
  chatRequests(): RecordedRequest[];
  /** The body of the last chat completion request. */
  lastBody(): { messages: { role: string; content: string }[] } & Record<string, unknown>;
  /** The `chat.delta` pieces of one answer. */
  deltasFor(messageId: string): string[];
  /** Sends and waits for the answer (and any title call) to finish. */
  exchange(
    conversationId: string,
    content: string,
  ): Promise<{ userMessageId: string | null; assistantMessageId: string }>;
}

/**
 * Registers the hooks that build the harness; read its fields inside tests only. `options` are
 * passed on to every ChatService it builds (e.g. a smaller `maxAnswerChars`).
 */
export function useChatHarness(options: Pick<ChatServiceOptions, 'maxAnswerChars'> = {}): ChatHarness {
  const harness = {
    seen: [] as AnyEvent[],
    chatRequests: () => harness.server.requests.filter((r) => r.path === '/v1/chat/completions'),
    lastBody: () => harness.chatRequests().at(-1)?.body,
    deltasFor: (messageId: string) =>
      harness.seen.flatMap((e) =>
        e.name === 'chat.delta' && e.payload.messageId === messageId ? [e.payload.delta] : [],
      ),
    exchange: async (conversationId: string, content: string) => {
      const ids = await harness.chat.send({ conversationId, content });
      await harness.chat.idle();
      return ids;
    },
  } as ChatHarness;

  beforeAll(async () => {
    harness.server = await startOpenAITestServer();
  });
  afterAll(async () => harness.server.close());
  beforeEach(async () => {
    harness.server.reset();
    harness.store = openConversationStore({ path: ':memory:' }).store;
    const events = createEventBus();
    harness.seen = [];
    events.subscribe((event) => harness.seen.push(event));
    harness.config = {
      baseURL: harness.server.baseURL,
      model: 'gpt-4o-mini',
      temperature: 0.7,
      topP: 1,
      maxTokens: null,
      systemPrompt: 'You are Penpal.',
      autoTitle: false,
    };
    harness.vault = new KeyVault(createTestCipher(), new MemoryKeyValueStore(), {
      savedBaseURL: () => harness.config.baseURL,
    });
    await harness.vault.set(TEST_KEY, true);
    harness.chat = new ChatService({
      store: harness.store,
      events,
      getConfig: async () => harness.config,
      credentialsFor: (baseURL) => harness.vault.keyFor(baseURL),
      idleTimeoutMs: 300,
      persistIntervalMs: 40,
      ...options,
    });
  });
  afterEach(async () => {
    await harness.chat.shutdown();
    harness.store.close();
  });
  return harness;
}
