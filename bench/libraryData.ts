/**
 * The benchmarks' synthetic library: 10,000 conversations of English and Chinese text, about 19.5
 * messages each (195,000 messages). The store bench (bench/storeBench.ts) and the UI bench's data
 * folder (bench/ui/library.ts) build the same library from the same seed.
 */
import type { ImportedConversation, ImportedMessage } from '../src/core/store/types';

export const CONVERSATIONS = 10_000;
export const MESSAGES_PER_CONVERSATION = 19.5;
/** The seed of the PRNG (bench/random.ts) the library is built from. */
export const LIBRARY_SEED = 42;

const ENGLISH = (
  'the a of and to in is that it was for on with as his they at be this from have or by one had not but what all were ' +
  'when we there can an your which their said if do will each about how up out them then she many some so these would ' +
  'photosynthesis remember school weather garden mountain river letter morning evening breakfast journey library ' +
  'question answer computer keyboard sunlight chemistry history music painting friendship birthday holiday summer winter ' +
  'kitchen recipe bicycle station umbrella notebook teacher student window coffee travel dream memory ocean forest city'
).split(' ');
const CHINESE = (
  '今天 我们 学校 老师 朋友 天气 下雨 晴天 早饭 晚上 公园 散步 读书 写字 一只 猫 狗 花园 河边 山上 火车 ' +
  '回家 吃饭 喝茶 电脑 问题 回答 记得 小时候 妈妈 爸爸 生日 礼物 音乐 画画 旅行 海边 城市 图书馆 日记 梦想'
).split(' ');

/** One sentence of 8–47 words (Chinese words are joined without spaces). */
export function sentence(next: () => number, chinese: boolean): string {
  const words = chinese ? CHINESE : ENGLISH;
  const length = 8 + Math.floor(next() * 40);
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]);
  return chinese ? `${picked.join('')}。` : `${picked.join(' ')}.`;
}

/** Conversation `index` of the library: `count` alternating user and assistant messages, an hour apart. */
export function conversation(next: () => number, index: number, count: number): ImportedConversation {
  const start = Date.UTC(2020, 0, 1) + index * 3_600_000;
  const messages: ImportedMessage[] = [];
  for (let n = 0; n < count; n++) {
    messages.push({
      localId: String(n),
      parentLocalId: n === 0 ? null : String(n - 1),
      role: n % 2 === 0 ? 'user' : 'assistant',
      content: sentence(next, next() < 0.4) + (n % 2 === 1 ? ` ${sentence(next, next() < 0.4)}` : ''),
      createdAt: new Date(start + n * 60_000).toISOString(),
      model: n % 2 === 1 ? 'gpt-4o-mini' : null,
    });
  }
  const iso = new Date(start).toISOString();
  return {
    sourceKey: `bench:${index}`,
    title: sentence(next, next() < 0.4).slice(0, 40),
    createdAt: iso,
    updatedAt: messages.at(-1)?.createdAt ?? iso,
    systemPrompt: '',
    messages,
    currentLeafLocalId: null,
  };
}

/**
 * The library's CONVERSATIONS conversations (19 and 20 messages in turn), drawn from `next`, which
 * the caller creates with `mulberry32(LIBRARY_SEED)` and may keep drawing from afterwards.
 */
export function libraryBatch(next: () => number): { batch: ImportedConversation[]; messages: number } {
  const batch: ImportedConversation[] = [];
  let messages = 0;
  for (let index = 0; index < CONVERSATIONS; index++) {
    const count =
      index % 2 === 0 ? Math.floor(MESSAGES_PER_CONVERSATION) : Math.ceil(MESSAGES_PER_CONVERSATION);
    batch.push(conversation(next, index, count));
    messages += count;
  }
  return { batch, messages };
}
