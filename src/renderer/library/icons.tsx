import type { ReactElement } from 'react';

/** The names of the small line icons the library UI uses. */
export type IconName =
  | 'compose'
  | 'search'
  | 'more'
  | 'pin'
  | 'archive'
  | 'trash'
  | 'restore'
  | 'download'
  | 'upload'
  | 'pencil'
  | 'back'
  | 'close'
  | 'file'
  | 'chat';

// 24×24 stroke paths, drawn to match at 16–18 px.
const paths: Record<IconName, string[]> = {
  compose: ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Z', 'm20 20-4-4'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
  pin: ['M12 17v5', 'M9 3h6l-1 6 4 4v2H6v-2l4-4Z'],
  archive: ['M3 4h18v4H3Z', 'M5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8', 'M10 12h4'],
  trash: ['M3 6h18', 'M8 6V4h8v2', 'M19 6l-1 14H6L5 6', 'M10 11v6', 'M14 11v6'],
  restore: ['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5'],
  download: ['M12 3v12', 'm7 10 5 5 5-5', 'M5 21h14'],
  upload: ['M12 21V9', 'm7 14 5-5 5 5', 'M5 3h14'],
  pencil: ['M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z'],
  back: ['M19 12H5', 'm12 19-7-7 7-7'],
  close: ['M18 6 6 18', 'm6 6 12 12'],
  file: ['M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8Z', 'M14 3v5h5'],
  chat: ['M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z'],
};

/** A decorative line icon (hidden from assistive technology; the button carries the name). */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }): ReactElement {
  return (
    <svg
      className="lib-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
