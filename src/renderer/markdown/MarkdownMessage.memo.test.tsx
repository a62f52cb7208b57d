// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Options } from 'react-markdown';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkdownMessage } from './MarkdownMessage';

// Counts how often each block's markdown is parsed and rendered.
const parsed = vi.hoisted(() => [] as string[]);
vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-markdown')>();
  return {
    ...actual,
    default: (options: Options) => {
      parsed.push(options.children ?? '');
      return actual.default(options);
    },
  };
});

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: {} });
});

afterEach(() => {
  cleanup();
  parsed.length = 0;
});

function timesParsed(block: string): number {
  return parsed.filter((text) => text === block).length;
}

describe('MarkdownMessage memoization', () => {
  it('renders finished blocks once while the last block grows', () => {
    const finished = ['# Title', 'First paragraph.', '```py\nprint(1)\n\nprint(2)\n```', '- a\n- b'];
    const prefix = finished.join('\n\n') + '\n\n';
    const { rerender, container } = render(
      <MarkdownMessage text={prefix + 'Gro'} streaming onOpenLink={() => {}} />,
    );
    for (const tail of ['Grow', 'Growing', 'Growing text', 'Growing text, more']) {
      rerender(<MarkdownMessage text={prefix + tail} streaming onOpenLink={() => {}} />);
    }
    for (const block of finished) expect(timesParsed(block)).toBe(1);
    expect(parsed.filter((text) => text.startsWith('Gro'))).toHaveLength(5);
    expect(container.textContent).toContain('Growing text, more');
  });

  it('costs one block per update however long the message is', () => {
    const blocks = Array.from({ length: 300 }, (_, index) => `Paragraph ${index} with some words.`);
    let text = blocks.join('\n\n') + '\n\nTail';
    const { rerender } = render(<MarkdownMessage text={text} streaming onOpenLink={() => {}} />);
    parsed.length = 0;
    for (let step = 0; step < 20; step++) {
      text += ' more';
      rerender(<MarkdownMessage text={text} streaming onOpenLink={() => {}} />);
    }
    expect(parsed).toHaveLength(20);
    expect(parsed.every((block) => block.startsWith('Tail'))).toBe(true);
  });

  it('does not re-render blocks when only onOpenLink changes', () => {
    const { rerender } = render(<MarkdownMessage text={'a\n\nb'} streaming={false} onOpenLink={() => {}} />);
    parsed.length = 0;
    rerender(<MarkdownMessage text={'a\n\nb'} streaming={false} onOpenLink={() => {}} />);
    expect(parsed).toHaveLength(0);
  });
});
