import { describe, expect, it } from 'vitest';
import { BlockSplitter, splitBlocks } from './splitBlocks';

const fence = '```';

describe('splitBlocks', () => {
  it('splits paragraphs and headings at blank lines', () => {
    expect(splitBlocks('# Title\n\nFirst para\nstill first\n\n\nSecond')).toEqual([
      '# Title',
      'First para\nstill first',
      'Second',
    ]);
  });

  it('never splits a fence, even with blank lines inside', () => {
    const code = `${fence}python\nx = 1\n\n\ny = 2\n${fence}`;
    expect(splitBlocks(`Intro\n\n${code}\n\nAfter`)).toEqual(['Intro', code, 'After']);
  });

  it('respects ~~~ fences and longer closing runs', () => {
    const tilde = `~~~\n${fence}\n\nnot a fence end\n~~~~`;
    expect(splitBlocks(`${tilde}\n\nEnd`)).toEqual([tilde, 'End']);
    const long = `\`\`\`\`md\n${fence}\n\ninner\n${fence}\n\n\`\`\`\``;
    expect(splitBlocks(`${long}\n\nEnd`)).toEqual([long, 'End']);
  });

  it('keeps an unclosed fence (still streaming) in one open block', () => {
    expect(splitBlocks(`A\n\n${fence}js\nlet a;\n\nlet b;\n\nlet c;`)).toEqual([
      'A',
      `${fence}js\nlet a;\n\nlet b;\n\nlet c;`,
    ]);
  });

  it('never splits a $$ math block', () => {
    const math = '$$\n\\begin{aligned}\na &= b\n\n\\\\ c &= d\n\\end{aligned}\n$$';
    expect(splitBlocks(`${math}\n\nText`)).toEqual([math, 'Text']);
    // One-line $$x$$ is inline math, not an opening.
    expect(splitBlocks('$$x$$\n\nNext')).toEqual(['$$x$$', 'Next']);
  });

  it('keeps loose lists and their indented continuations together', () => {
    const list = '1. First\n\n   more about first\n\n2. Second\n\n   - nested\n\n3. Third';
    expect(splitBlocks(`${list}\n\nAfter the list`)).toEqual([list, 'After the list']);
    expect(splitBlocks('- a\n- b\n\n- c\n\nPara')).toEqual(['- a\n- b\n\n- c', 'Para']);
  });

  it('keeps a list after a paragraph line together with its later items', () => {
    expect(splitBlocks('Options:\n- one\n\n- two\n\nDone')).toEqual(['Options:\n- one\n\n- two', 'Done']);
  });

  it('splits tables, blockquotes and indented code correctly', () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |';
    expect(splitBlocks(`${table}\n\n> quote\n> more\n\n    code\n\n    more code\n\nend`)).toEqual([
      table,
      '> quote\n> more',
      '    code\n\n    more code',
      'end',
    ]);
  });

  it('separates a paragraph from a following indented code block, but keeps footnote continuations', () => {
    expect(splitBlocks('Para\n\n    code')).toEqual(['Para', '    code']);
    expect(splitBlocks('[^1]: Note\n\n    more of the note\n\nNext')).toEqual([
      '[^1]: Note\n\n    more of the note',
      'Next',
    ]);
  });

  it('splits a very long loose list at an item boundary to bound the growing block', () => {
    const items = Array.from(
      { length: 400 },
      (_, index) => `${index + 1}. item number ${index + 1} with some text`,
    );
    const blocks = splitBlocks(items.join('\n\n'));
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.every((block) => block.length < 9 * 1024)).toBe(true);
    expect(blocks.join('\n\n')).toBe(items.join('\n\n'));
  });

  it('handles CRLF line endings', () => {
    expect(splitBlocks('a\r\n\r\nb')).toEqual(['a', 'b']);
  });
});

describe('BlockSplitter', () => {
  const doc = [
    '# Heading',
    'Some text with **bold** and 中文。',
    `${fence}ts\nconst a = 1;\n\nconst b = 2;\n${fence}`,
    '1. one\n\n2. two\n\n   indented',
    '- x\n- y',
    '$$\na\n\nb\n$$',
    '| h | i |\n|---|---|\n| 1 | 2 |',
    '12. twelve',
    'Last paragraph',
  ].join('\n\n');

  it('gives the same blocks incrementally as in one pass, and never changes a finished block', () => {
    const splitter = new BlockSplitter();
    const expected = splitBlocks(doc);
    for (let length = 0; length <= doc.length; length++) {
      const { finished, open, generation } = splitter.update(doc.slice(0, length));
      expect(generation).toBe(0);
      expect(expected.slice(0, finished.length)).toEqual(finished);
      expect(doc.slice(0, length).endsWith(open)).toBe(true);
    }
    const last = splitter.update(doc);
    expect([...last.finished, last.open]).toEqual(expected);
  });

  it('keeps the finished array identity until a block finishes', () => {
    const splitter = new BlockSplitter();
    const first = splitter.update('one\n\ntwo');
    const second = splitter.update('one\n\ntwo more');
    expect(second.finished).toBe(first.finished);
    expect(second.open).toBe('two more');
  });

  it('starts a new generation when the text is replaced rather than extended', () => {
    const splitter = new BlockSplitter();
    splitter.update('one\n\ntwo');
    const replaced = splitter.update('uno\n\ndos');
    expect(replaced.generation).toBe(1);
    expect(replaced.finished).toEqual(['uno']);
  });
});
