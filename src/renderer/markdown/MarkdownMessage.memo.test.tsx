// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import type { Options } from 'react-markdown';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
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

// Counts how often a markdown link renders (it reads the link context).
const linkRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./MarkdownLink', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./MarkdownLink')>();
  return {
    MarkdownLink: (props: ComponentProps<typeof actual.MarkdownLink>) => {
      linkRenders.count++;
      return actual.MarkdownLink(props);
    },
  };
});

beforeAll(() => {
  initI18n('en');
});

afterEach(() => {
  cleanup();
  parsed.length = 0;
  linkRenders.count = 0;
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

  it('does not re-render a finished link while the message grows, and clicks reach the current onOpenLink', () => {
    const linked = 'See [docs](https://example.com/docs).';
    const openLink = vi.fn();
    const { rerender } = render(
      <MarkdownMessage text={`${linked}\n\nGro`} streaming onOpenLink={openLink} />,
    );
    for (const tail of ['Grow', 'Growing', 'Growing text']) {
      rerender(<MarkdownMessage text={`${linked}\n\n${tail}`} streaming onOpenLink={openLink} />);
    }
    expect(timesParsed(linked)).toBe(1);
    expect(linkRenders.count).toBe(1);

    const nextOpenLink = vi.fn();
    rerender(<MarkdownMessage text={`${linked}\n\nGrowing text`} streaming onOpenLink={nextOpenLink} />);
    expect(timesParsed(linked)).toBe(1);
    fireEvent.click(screen.getByRole('link', { name: 'docs' }));
    expect(nextOpenLink).toHaveBeenCalledWith('https://example.com/docs');
    expect(openLink).not.toHaveBeenCalled();
  });
});
