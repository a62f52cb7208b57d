import type { DayRange } from './dateHints';
import type { PeriodEntry } from './retrieval';

/**
 * The younger-self persona's system prompt, built from the journal in the spirit of the classic
 * "a conversation between Michelle now and her 14-year-old self, who wrote these entries": who
 * they are and what "today" is for them (the period's end), their voice (their own sentences,
 * quoted), what they cared about then, that they know nothing after the period, and that they
 * answer in the first person, in the language they wrote in, free to disagree. A Chinese journal
 * gets Chinese instructions. Computed at send time, so the inspector shows it exactly as sent.
 */

/** What the prompt is built from. */
export interface YoungerSelfPromptInput {
  /** The writer's name (who they are). */
  name: string;
  period: DayRange;
  /** The writer's birth year, when known: gives their age at the period's end. */
  birthYear?: number | null;
  /** The period's entries (or a spread sample of them), oldest first. */
  entries: PeriodEntry[];
  /** The language the journal is written in. */
  language: 'en' | 'zh';
}

const SAMPLE_SENTENCES = 6;
const CJK = /\p{Script=Han}/u;

/** The language most of the entries are written in. */
export function journalLanguage(entries: PeriodEntry[]): 'en' | 'zh' {
  let han = 0;
  let total = 0;
  for (const entry of entries.slice(0, 200)) {
    const text = entry.text.slice(0, 400);
    total += text.length;
    for (const ch of text) if (CJK.test(ch)) han++;
  }
  return total > 0 && han / total > 0.2 ? 'zh' : 'en';
}

/** Sentences of a text, leaving out those with an editor's [note] (they are not the writer's voice). */
function sentencesOf(text: string, language: 'en' | 'zh'): string[] {
  const plain = text.replace(/\s+/g, ' ');
  const parts = language === 'zh' ? plain.split(/(?<=[。！？])/u) : plain.split(/(?<=[.!?])\s+/u);
  const [min, max] = language === 'zh' ? [8, 80] : [40, 220];
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length >= min && part.length <= max && !/[[\]]/.test(part));
}

/** A few of the writer's own sentences, spread over the period (the same input gives the same sample). */
export function voiceSample(
  entries: PeriodEntry[],
  language: 'en' | 'zh',
  count = SAMPLE_SENTENCES,
): string[] {
  const sample: string[] = [];
  if (entries.length === 0) return sample;
  const step = Math.max(1, Math.floor(entries.length / count));
  for (let i = 0; i < entries.length && sample.length < count; i += step) {
    const sentence = sentencesOf(entries[i]!.text, language)[0];
    if (sentence && !sample.includes(sentence)) sample.push(sentence);
  }
  return sample;
}

const EN_STOP = new Set(
  (
    'the and that with this from have were which there their they them then what when where would could ' +
    'should about after before into upon only very some much more most other went came home being been ' +
    'this said there here will shall made make many time times great good little away again also than ' +
    'down with without among while till until over under day night morning afternoon evening'
  ).split(' '),
);

/** The words and names that come back most often in the period: what was on their mind. */
export function recurringTopics(entries: PeriodEntry[], language: 'en' | 'zh', count = 10): string[] {
  const tally = new Map<string, number>();
  for (const entry of entries) {
    const seen = new Set<string>();
    if (language === 'zh') {
      const chars = [...entry.text.replace(/[^\p{Script=Han}]/gu, ' ')];
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = chars[i]! + chars[i + 1]!;
        if (!/\s/.test(pair) && !/[日月年晴雨阴昙午夜晨晚后上下之也]/u.test(pair)) seen.add(pair);
      }
    } else {
      for (const word of entry.text.replace(/\[[^\]]*\]/g, ' ').match(/\p{L}{4,}/gu) ?? []) {
        const lower = word.toLowerCase();
        if (!EN_STOP.has(lower)) seen.add(word[0] === word[0]!.toUpperCase() ? word : lower);
      }
    }
    // Counted once per entry: a topic is what comes back day after day, not one long entry.
    for (const word of seen) tally.set(word, (tally.get(word) ?? 0) + 1);
  }
  return [...tally.entries()]
    .filter(([, times]) => times >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word);
}

/** The system prompt of a younger-self conversation. */
export function youngerSelfPrompt(input: YoungerSelfPromptInput): string {
  const { name, period, language } = input;
  const age = input.birthYear ? Number(period.to.slice(0, 4)) - input.birthYear : null;
  const voice = voiceSample(input.entries, language);
  const topics = recurringTopics(input.entries, language);
  if (language === 'zh') {
    return [
      `这是${name}现在与${age !== null ? `${age}岁时的` : '过去的'}自己之间的对话；那时的${name}写下了这些日记。`,
      `你是${age !== null ? `${age}岁的` : '当年的'}${name}。对你来说，今天是${period.to}。你的日记从${period.from}写到${period.to}。`,
      voice.length > 0 ? `你的口吻，取自你自己写下的句子：\n${voice.map((s) => `「${s}」`).join('\n')}` : '',
      topics.length > 0 ? `这段时间你关心、常常写到的：${topics.join('、')}。` : '',
      `你对${period.to}以后发生的事一无所知，不要假装知道；问到以后的事，就照实说你不知道。`,
      '你用第一人称，以你自己的身份回答，用中文，用你写日记时的语气。你可以不同意现在的自己，不必一味附和。',
      '下面附上的日记摘录是你自己写的，回答时以它们为准。',
    ]
      .filter(Boolean)
      .join('\n\n');
  }
  return [
    `This is a conversation between ${name} now and ${name}'s ${age !== null ? `${age}-year-old` : 'younger'} self, who wrote these diary entries.`,
    `You are ${name}${age !== null ? `, aged ${age}` : ''}. For you, today is ${period.to}. Your diary runs from ${period.from} to ${period.to}.`,
    voice.length > 0
      ? `Your voice, from sentences you wrote yourself:\n${voice.map((s) => `"${s}"`).join('\n')}`
      : '',
    topics.length > 0 ? `What was on your mind in this period: ${topics.join(', ')}.` : '',
    `You know nothing of what happened after ${period.to} and must not pretend to; if asked about later things, say you cannot know them.`,
    'Answer as yourself, in the first person, in English, in the voice of your diary. You may disagree with your older self rather than simply agree.',
    'The diary excerpts given with each message are your own words; rely on them.',
  ]
    .filter(Boolean)
    .join('\n\n');
}
