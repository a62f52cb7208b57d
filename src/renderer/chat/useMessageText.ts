import { useCallback, useRef, useState } from 'react';
import { MAX_MESSAGE_TEXT_CHARS, MESSAGE_HEAD_CHARS } from '../../shared/limits';
import type { Message } from '../../shared/schemas';
import { call } from '../bridge/api';

/** What {@link useMessageText} gives a message: the text loaded so far and how to load the rest. */
export interface MessageText {
  /** The text loaded so far: the whole text, or its head and the pieces read after it. */
  text: string;
  /** The whole text's length (the loaded text is complete when `text.length === total`). */
  total: number;
  /** Reads the next piece (one request; about what two "Show more" reveal). */
  loadMore: () => Promise<void>;
  /** Reads everything still missing, piece by piece, and returns the whole text (Copy, Edit). */
  loadAll: () => Promise<string>;
}

/** Pieces read after the shown text, which they continue from `start`. */
interface Fetched {
  start: number;
  text: string;
}

/**
 * The text of a message whose page may carry only its head (`Message.contentLength`): `shown` is
 * what the page and the stream gave, and the rest is read with `message.text` as "Show more",
 * Copy or Edit need it. A streaming answer is whole already (its text arrives as deltas).
 */
export function useMessageText(message: Message, shown: string, live: boolean): MessageText {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  // Pieces continue the text shown when they were asked for; once that has grown past them, they go.
  const text = fetched && fetched.start === shown.length ? shown + fetched.text : shown;
  const total = live ? text.length : Math.max(message.contentLength, text.length);
  const current = useRef({ text, total, shown });
  current.current = { text, total, shown };

  const read = useCallback(
    async (length: number): Promise<string> => {
      const { text: have, shown: base } = current.current;
      const piece = await call('message.text', { id: message.id, start: have.length, length });
      const next = have + piece.text;
      current.current = { text: next, total: piece.contentLength, shown: base };
      setFetched({ start: base.length, text: next.slice(base.length) });
      return next;
    },
    [message.id],
  );

  const loadMore = useCallback(async () => {
    if (current.current.text.length < current.current.total) await read(MESSAGE_HEAD_CHARS);
  }, [read]);

  const loadAll = useCallback(async () => {
    let whole = current.current.text;
    while (whole.length < current.current.total) {
      const next = await read(MAX_MESSAGE_TEXT_CHARS);
      // Nothing more came (the message changed meanwhile): what there is, is the whole.
      if (next.length === whole.length) break;
      whole = next;
    }
    return whole;
  }, [read]);

  return { text, total, loadMore, loadAll };
}
