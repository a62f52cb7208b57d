import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_CHARS, SEGMENT_CHARS, segmentsOf } from './longText';

const join = (text: string, count: number, markdown: boolean): string =>
  segmentsOf(text, count, markdown)
    .map((segment) => text.slice(segment.start, segment.end))
    .join('');

describe('segmentsOf', () => {
  it('is the whole text when it is short', () => {
    expect(segmentsOf('Hello', 1, true)).toEqual([{ start: 0, end: 5, prefix: '' }]);
    expect(segmentsOf('', 1, false)).toEqual([{ start: 0, end: 0, prefix: '' }]);
  });

  it('covers the text without gaps or overlaps, one segment per reveal', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `Paragraph ${index}, some words.`).join('\n\n');
    const segments = segmentsOf(text, 100, true);
    expect(segments.length).toBeGreaterThan(2);
    expect(join(text, 100, true)).toBe(text);
    for (const segment of segments) expect(segment.end - segment.start).toBeLessThanOrEqual(SEGMENT_CHARS);
    expect(segmentsOf(text, 1, true)).toHaveLength(1);
  });

  it('cuts markdown at a block boundary, not inside a paragraph', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `Paragraph ${index}, some words.`).join('\n\n');
    const [first] = segmentsOf(text, 1, true);
    expect(text.slice(first.end - 2, first.end)).toBe('\n\n');
  });

  it('keeps a code block longer than a segment whole when it fits in the largest one', () => {
    const code = Array.from({ length: 400 }, (_, index) => `let x${index} = ${index};`).join('\n');
    expect(code.length).toBeGreaterThan(SEGMENT_CHARS);
    expect(code.length).toBeLessThan(MAX_SEGMENT_CHARS);
    const block = `\`\`\`ts\n${code}\n\`\`\``;
    const text = `Intro\n\n${block}\n\n${'After the code. '.repeat(500)}`;
    const segments = segmentsOf(text, 10, true);
    expect(text.slice(segments[0].start, segments[0].end)).toBe(`Intro\n\n${block}`);
    expect(segments.every((segment) => segment.prefix === '')).toBe(true);
    expect(join(text, 10, true)).toBe(text);
  });

  it('reopens a code fence that a cut leaves open, so the rest still shows as code', () => {
    const code = Array.from({ length: 5000 }, (_, index) => `let x${index} = ${index};`).join('\n');
    const text = `Intro\n\n\`\`\`ts\n${code}\n\`\`\`\n\nAfter the code.`;
    const segments = segmentsOf(text, 1000, true);
    expect(segments.length).toBeGreaterThan(2);
    expect(segments[0].prefix).toBe('');
    expect(segments[1].prefix).toBe('```ts\n');
    // Every segment starting inside the code reopens it; the text after the fence does not.
    const codeEnd = text.indexOf('\n```\n\nAfter');
    const inside = segments.filter((segment) => segment.start > 14 && segment.start <= codeEnd);
    expect(inside.length).toBeGreaterThan(2);
    expect(inside.every((segment) => segment.prefix === '```ts\n')).toBe(true);
    expect(segments.at(-1)?.prefix).toBe('');
    expect(join(text, 1000, true)).toBe(text);
  });

  it('cuts one long line at a space, and never inside a surrogate pair', () => {
    const words = 'word '.repeat(SEGMENT_CHARS);
    expect(segmentsOf(words, 1, false)[0].end % 5).toBe(0);
    const emoji = '😀'.repeat(SEGMENT_CHARS);
    const [first, second] = segmentsOf(emoji, 2, false);
    expect(first.end % 2).toBe(0);
    expect(second.start).toBe(first.end);
  });
});
