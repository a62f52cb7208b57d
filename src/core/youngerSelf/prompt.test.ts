import { describe, expect, it } from 'vitest';
import { luxunTruth, pepysTruth } from '../journals/testCorpora';
import { journalLanguage, youngerSelfPrompt } from './prompt';
import type { PeriodEntry } from './retrieval';

function asEntries(truth: { date: string | null; text: string }[]): PeriodEntry[] {
  return truth.map((entry, i) => ({
    id: `e${i}`,
    date: entry.date,
    title: null,
    text: entry.text,
    excluded: false,
  }));
}

describe('the younger-self prompt', () => {
  it('says who they are, what today is, quotes their sentences, and keeps them inside the period', () => {
    const entries = asEntries(pepysTruth());
    const prompt = youngerSelfPrompt({
      name: 'Samuel',
      period: { from: '1660-01-01', to: '1660-03-31' },
      birthYear: 1633,
      entries,
      language: journalLanguage(entries),
    });
    expect(prompt).toContain("conversation between Samuel now and Samuel's 27-year-old self");
    expect(prompt).toContain('today is 1660-03-31');
    expect(prompt).toContain('You know nothing of what happened after 1660-03-31 and must not pretend to');
    expect(prompt).toContain('in the first person, in English');
    expect(prompt).toContain('may disagree with your older self');
    // Quoted sentences are the writer's own, word for word.
    const quoted = [...prompt.matchAll(/^"(.+)"$/gm)].map((match) => match[1]!);
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    const all = entries.map((entry) => entry.text.replace(/\s+/g, ' ')).join(' ');
    for (const sentence of quoted) expect(all).toContain(sentence);
    // What they cared about: names that come back day after day.
    expect(prompt).toMatch(/What was on your mind in this period: .*(Lambert|Monk|Parliament)/);
  });

  it('gives a Chinese journal Chinese instructions', () => {
    const entries = asEntries(luxunTruth([1912]));
    expect(journalLanguage(entries)).toBe('zh');
    const prompt = youngerSelfPrompt({
      name: '鲁迅',
      period: { from: '1912-05-05', to: '1912-12-31' },
      birthYear: 1881,
      entries,
      language: 'zh',
    });
    expect(prompt).toContain('31岁的鲁迅');
    expect(prompt).toContain('今天是1912-12-31');
    expect(prompt).toContain('你对1912-12-31以后发生的事一无所知');
    expect(prompt).toContain('用第一人称');
    expect(prompt).toContain('用中文');
    expect(prompt).toContain('可以不同意现在的自己');
    const quoted = [...prompt.matchAll(/「(.+?)」/g)].map((match) => match[1]!);
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    for (const sentence of quoted) expect(entries.some((entry) => entry.text.includes(sentence))).toBe(true);
    expect(prompt).not.toMatch(/You are|today is/);
  });
});
