import './markdown.css';
import { memo, useMemo, useState, type JSX, type ReactNode } from 'react';
import { LinkContext, type LinkHandler } from './linkContext';
import { MarkdownBlock } from './MarkdownBlock';
import { BlockSplitter } from './splitBlocks';

/** Props of {@link MarkdownMessage}. */
export interface MarkdownMessageProps {
  /** The message's markdown so far (model output: untrusted). */
  text: string;
  /** True while the answer is still arriving; its last block then stays cheap (no highlighting). */
  streaming: boolean;
  /** Called with a vetted http(s)/mailto URL when a link is clicked; the window never navigates. */
  onOpenLink: (url: string) => void;
}

/** Finished blocks are rendered in groups so an update touches O(blocks / GROUP_SIZE) elements. */
const GROUP_SIZE = 32;

interface BlockGroupProps {
  blocks: readonly string[];
  start: number;
  end: number;
  generation: number;
}

/**
 * A run of finished blocks. Within one generation the finished list only grows, so equal
 * (start, end, generation) means equal content and the group is skipped without looking inside.
 */
const BlockGroup = memo(
  function BlockGroup({ blocks, start, end }: BlockGroupProps): ReactNode {
    const items: ReactNode[] = [];
    for (let index = start; index < end; index++) {
      items.push(<MarkdownBlock key={index} text={blocks[index]} streaming={false} />);
    }
    return <div className="md-group">{items}</div>;
  },
  (before, after) =>
    before.start === after.start && before.end === after.end && before.generation === after.generation,
);

/**
 * Renders a chat message's markdown (GFM, math typeset by a lazily loaded KaTeX, lazily highlighted code) and stays fast
 * while it streams: the text is split into top-level blocks, finished blocks are memoized, and
 * only the last, growing block is parsed again on each update (GUIDE §3). Raw HTML is shown as
 * text, links go through `onOpenLink`, remote images are never fetched (GUIDE §4).
 */
export function MarkdownMessage({ text, streaming, onOpenLink }: MarkdownMessageProps): JSX.Element {
  const [splitter] = useState(() => new BlockSplitter());
  const { finished, open, generation } = useMemo(() => splitter.update(text), [splitter, text]);

  // Stable while onOpenLink is (the app passes a module-level function), so the links inside
  // memoized blocks do not re-render on every update.
  const links = useMemo<LinkHandler>(() => ({ openLink: onOpenLink }), [onOpenLink]);

  const groups: ReactNode[] = [];
  for (let start = 0; start < finished.length; start += GROUP_SIZE) {
    const end = Math.min(start + GROUP_SIZE, finished.length);
    groups.push(
      <BlockGroup key={`group-${start}`} blocks={finished} start={start} end={end} generation={generation} />,
    );
  }

  return (
    <LinkContext value={links}>
      <div className="md-message">
        {groups}
        {open.trim() !== '' && <MarkdownBlock key="open" text={open} streaming={streaming} />}
      </div>
    </LinkContext>
  );
}
