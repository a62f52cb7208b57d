import { createContext } from 'react';

/** What links inside a message need from the app. */
export interface LinkHandler {
  /** Asks the app to open an already vetted http(s)/mailto URL (it confirms, main opens it). */
  openLink: (url: string) => void;
}

/** Provided by MarkdownMessage; a stable object so memoized blocks never re-render for it. */
export const LinkContext = createContext<LinkHandler>({ openLink: () => undefined });
