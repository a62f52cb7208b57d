import type {
  CompletionTemplate,
  ContextPart,
  ContextPreview,
  Persona,
  PromptFormat,
} from '../../shared/contextSchemas';
import type { MemorySettings } from '../../shared/schemas';
import type { TokenCounter } from '../../shared/tokens';
import type { SamplingOptions } from '../chat/streamRun';
import type { ChatTurn } from '../chat/streamChatCompletion';
import type { StoredSummary, TailMessage } from '../store/contextTypes';
import type { ResolvedModel } from './modelTable';
import { modelNotices, outputReserve } from './budget';
import { selectHistory } from './strategies';

/**
 * The one context builder: from a conversation's settings and the tail of its shown branch, the
 * exact request of a turn (what `chat.send`, regenerate, edit and `chat.previewContext` all use),
 * with a report of what was left out and why. Pure: it reads only what it is given.
 */

/** The request as the SDK is called with it. */
export interface ModelRequest {
  model: string;
  promptFormat: PromptFormat;
  /** Chat format: the messages. Completion format: empty. */
  messages: ChatTurn[];
  /** Completion format: the one prompt text. */
  prompt: string | null;
  sampling: SamplingOptions;
}

/** The app's settings as they apply to this conversation (its own system prompt already chosen). */
export interface BuildSettings {
  model: string;
  systemPrompt: string;
  temperature: number;
  topP: number;
  maxTokens: number | null;
}

/** Everything the builder reads. */
export interface BuildInput {
  conversationId: string;
  /** The answer this request is for; null for a preview. */
  answerId: string | null;
  memory: MemorySettings;
  persona: Persona | null;
  settings: BuildSettings;
  /** The model's figures (the persona's model if it names one). */
  model: ResolvedModel;
  counter: TokenCounter;
  /** The shown branch, newest first, ending (first item) with the message being answered when `answering`. */
  tail: Iterable<TailMessage>;
  answering: boolean;
  /** A draft not stored yet, sent as the new user message (previews only). */
  draft?: string | null;
  summaries: readonly StoredSummary[];
  /** After `context_length_exceeded`: leave out this many more of the oldest history messages. */
  dropOldest?: number;
  /** Parts the conversation's source provides (a younger-self chat's period summary and excerpts). */
  sourceParts?: SourceParts;
  /** Extra notices to carry (e.g. a summary call that failed). */
  notices?: { code: string; message: string }[];
  /** Renders parts into a completions prompt (completion format only). */
  renderCompletion(
    template: CompletionTemplate | null,
    parts: ContextPart[],
  ): { prompt: string; stop: string[] };
}

/**
 * Parts a conversation's source adds to every turn, counted against the budget before history:
 * `fixed` ones when they fit; then either `whole` (every entry of the period, when the user agreed
 * and all of it fits `share` of what is left) or `besideRanked` (the period summary) followed by
 * `ranked` ones (diary excerpts, best first) while they fit the share. They are sent as system
 * messages right after the system prompt (a younger self reads its diary before the conversation).
 */
export interface SourceParts {
  fixed: ContextPart[];
  /** Sent only when the whole period is not: it stands in for the entries left out. */
  besideRanked?: ContextPart[];
  ranked: ContextPart[];
  /**
   * Every entry of the period, oldest first, when the user agreed to send it whole: sent instead
   * of `ranked` if all of it fits the share.
   */
  whole?: ContextPart[];
  /** The share (0–1) of the room after the system prompt that ranked parts may use. */
  share: number;
}

/** The source parts that fit `room`, and what they cost. */
function fitSourceParts(
  source: SourceParts | undefined,
  room: number,
): { parts: ContextPart[]; left: number; besideLeftOut: number } {
  if (!source) return { parts: [], left: 0, besideLeftOut: 0 };
  const parts: ContextPart[] = [];
  let used = 0;
  const addWhileRoom = (candidates: readonly ContextPart[], limit: number): void => {
    for (const part of candidates) {
      if (used + part.tokens > limit) continue;
      parts.push(part);
      used += part.tokens;
    }
  };
  addWhileRoom(source.fixed, room);
  const cap = used + Math.floor(Math.max(0, room - used) * source.share);
  const whole = source.whole ?? [];
  const wholeTokens = whole.reduce((total, part) => total + part.tokens, 0);
  const sendWhole = whole.length > 0 && used + wholeTokens <= cap;
  // The summary takes at most half of the excerpts' share, before them: it covers the whole
  // period, and the excerpts still get room for what was just asked.
  const beside = sendWhole ? [] : (source.besideRanked ?? []);
  const besideBefore = parts.length;
  addWhileRoom(beside, used + Math.floor((cap - used) / 2));
  const besideLeftOut = beside.length - (parts.length - besideBefore);
  const chosen = sendWhole ? whole : source.ranked;
  let left = 0;
  for (const part of chosen) {
    if (used + part.tokens > cap) {
      left++;
      continue;
    }
    parts.push(part);
    used += part.tokens;
  }
  return { parts, left, besideLeftOut };
}

/** The preview of the request, the request itself, and the counts made while building. */
export interface BuiltContext {
  preview: ContextPreview;
  request: ModelRequest;
  newCounts: { messageId: string; tokens: number }[];
  /** The budget was full: older history exists that is not sent (a summary fold would help). */
  overBudget: boolean;
  /** How many history messages `dropOldest` actually removed. */
  dropped: number;
}

/** The framing of a summary sent as a system message. */
export const SUMMARY_PREFIX = 'Summary of the earlier conversation:\n';

/** Builds the request of a turn. */
export function buildContext(input: BuildInput): BuiltContext {
  const { persona, counter, model } = input;
  const warnings: ContextPreview['warnings'] = [...(input.notices ?? [])];
  const per = counter.counting;
  warnings.push(...modelNotices(model, per));
  const { reserve, send } = outputReserve(input, warnings);
  const window = model.contextWindow;
  // Counting cannot be exact for every server (estimates, tool framing): keep a margin.
  const margin = Math.max(16, Math.ceil(window * (per.estimated ? 0.1 : 0.02)));

  const systemText = (persona?.systemPrompt.trim() || input.settings.systemPrompt).trim();
  const system: ContextPart[] = systemText
    ? [
        {
          kind: 'system',
          role: 'system',
          content: systemText,
          tokens: counter.countMessage(systemText),
          messageId: null,
        },
      ]
    : [];
  let examples: ContextPart[] = (persona?.examples ?? []).flatMap((pair): ContextPart[] => [
    {
      kind: 'example',
      role: 'user',
      content: pair.user,
      tokens: counter.countMessage(pair.user),
      messageId: null,
    },
    {
      kind: 'example',
      role: 'assistant',
      content: pair.assistant,
      tokens: counter.countMessage(pair.assistant),
      messageId: null,
    },
  ]);
  const draft = input.draft ? input.draft : null;
  const draftTokens = draft === null ? 0 : counter.countMessage(draft);
  const sum = (parts: ContextPart[]) => parts.reduce((total, part) => total + part.tokens, 0);
  const room = () => window - reserve - margin - per.perRequest - sum(system) - sum(examples) - draftTokens;
  if (room() < 0 && examples.length > 0) {
    examples = [];
    warnings.push({
      code: 'system_over_window',
      message:
        "The persona's examples do not fit the model's window with the system prompt; they are left out.",
    });
  }
  const source = fitSourceParts(input.sourceParts, Math.max(0, room()));
  if (source.left > 0) {
    warnings.push({
      code: 'excerpts_trimmed',
      message: `${source.left} more diary ${source.left === 1 ? 'entry' : 'entries'} matched but did not fit the budget; they are not sent.`,
    });
  }
  if (source.besideLeftOut > 0) {
    warnings.push({
      code: 'period_summary_too_long',
      message: "The period summary is too long for the model's window; it is not sent. Shorten it.",
    });
  }
  let historyBudget = room() - sum(source.parts);
  if (historyBudget < 0) {
    warnings.push({
      code: 'system_over_window',
      message: `The system prompt alone (${sum(system)} tokens) is larger than what the model's window (${window}) leaves after the answer; only it and the new message are sent.`,
    });
    historyBudget = 0;
  }

  const summaryTokens = (summary: StoredSummary) => counter.countMessage(SUMMARY_PREFIX + summary.text);
  const selection = selectHistory({
    tail: input.tail,
    memory: input.memory,
    counter,
    budget: historyBudget,
    answering: input.answering,
    summaries: input.summaries,
    summaryTokens,
  });
  let history = selection.included;
  const leftOut = selection.leftOut;
  let dropped = 0;
  if (input.dropOldest && input.dropOldest > 0) {
    // The message answered (last when answering) always stays.
    const removable = Math.max(0, history.length - (input.answering ? 1 : 0));
    dropped = Math.min(input.dropOldest, removable);
    const gone = history.slice(0, dropped);
    history = history.slice(dropped);
    const trimmed = gone.map((m) => ({
      messageId: m.id,
      reason: 'trimmed_after_error' as const,
      tokens: m.tokens,
    }));
    // The trimmed ones are newer than those the walk left out (bar a failed answer among them).
    leftOut.push(...trimmed);
  }
  const summary =
    selection.summary && summaryTokens(selection.summary) <= historyBudget ? selection.summary : null;
  if (selection.summary && !summary) {
    warnings.push({
      code: 'summary_too_long',
      message: 'The summary is longer than the window allows; it is not sent. Shorten it or make it anew.',
    });
  }
  if (history.length > 0 && input.answering) {
    const answered = history[history.length - 1];
    if (answered.tokens > historyBudget) {
      warnings.push({
        code: 'message_over_budget',
        message: `The message (${answered.tokens} tokens) is longer than the model's window allows; it is sent anyway and the service may refuse it.`,
      });
    }
  }
  if (draft !== null && draftTokens > window - reserve - margin) {
    warnings.push({
      code: 'message_over_budget',
      message: `The message (${draftTokens} tokens) is longer than the model's window allows; the service may refuse it.`,
    });
  }

  const parts: ContextPart[] = [
    ...system,
    ...examples,
    ...source.parts,
    ...(summary
      ? [
          {
            kind: 'summary' as const,
            role: 'system' as const,
            content: SUMMARY_PREFIX + summary.text,
            tokens: summaryTokens(summary),
            messageId: null,
          },
        ]
      : []),
    ...history.map((m): ContextPart => ({
      kind: 'history',
      role: m.role,
      content: m.content,
      tokens: m.tokens,
      messageId: m.id,
    })),
    ...(draft !== null
      ? [
          {
            kind: 'draft' as const,
            role: 'user' as const,
            content: draft,
            tokens: draftTokens,
            messageId: null,
          },
        ]
      : []),
  ];

  const promptFormat: PromptFormat = persona?.promptFormat ?? 'chat';
  let prompt: string | null = null;
  let stop = [...(persona?.stop ?? [])];
  let totalTokens = sum(parts) + per.perRequest;
  if (promptFormat === 'completion') {
    const rendered = input.renderCompletion(persona?.template ?? null, parts);
    prompt = rendered.prompt;
    stop = [...new Set([...rendered.stop, ...stop])].slice(0, 4);
    totalTokens = counter.countText(prompt);
  }
  const modelId = model.id;
  const estimatedInputCost = model.price ? (totalTokens * model.price.input) / 1_000_000 : null;
  const preview: ContextPreview = {
    conversationId: input.conversationId,
    answerId: input.answerId,
    model: modelId,
    promptFormat,
    memory: input.memory,
    parts,
    prompt,
    stop,
    leftOut,
    summary: summary
      ? {
          id: summary.id,
          text: summary.text,
          throughMessageId: summary.throughMessageId,
          version: summary.version,
          edited: summary.edited,
        }
      : null,
    counting: per,
    totalTokens,
    draftTokens,
    contextWindow: window,
    maxOutput: reserve,
    historyBudget,
    estimatedInputCost,
    warnings,
  };
  const sampling: SamplingOptions = {
    temperature: persona?.temperature ?? input.settings.temperature,
    topP: persona?.topP ?? input.settings.topP,
    maxTokens: send,
  };
  if (stop.length > 0) sampling.stop = stop;
  if (persona?.presencePenalty != null) sampling.presencePenalty = persona.presencePenalty;
  if (persona?.frequencyPenalty != null) sampling.frequencyPenalty = persona.frequencyPenalty;
  return {
    preview,
    request: {
      model: modelId,
      promptFormat,
      messages: promptFormat === 'chat' ? parts.map((p) => ({ role: p.role, content: p.content })) : [],
      prompt,
      sampling,
    },
    newCounts: selection.newCounts,
    overBudget: selection.overBudget,
    dropped,
  };
}
