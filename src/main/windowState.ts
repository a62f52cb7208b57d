import type { WindowBounds } from '../shared/contract/shell';

// Where the main window opens. Pure (no `electron` import) so tests feed it fake display lists:
// a saved place is used only if enough of it is on a display that exists now (a monitor may have
// been unplugged or rearranged since), else the window opens centred on the primary display.

/** A display's usable area (`screen.getAllDisplays()[i].workArea`). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The main window's size on a first run (shrunk to fit a small display). */
export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 760 };
/** The smallest the main window gets (also its `minWidth`/`minHeight`). */
export const MIN_WINDOW_SIZE = { width: 520, height: 400 };
// How much of the title bar must be on a display for the window to be reachable with the mouse.
const REACHABLE = { width: 100, height: 40 };

/**
 * The bounds to open the main window at: the saved ones clamped to fit the display they are on,
 * or centred defaults when none were saved or the saved ones are on no display now.
 */
export function restoreBounds(saved: WindowBounds | null, displays: Area[], primary: Area): WindowBounds {
  if (saved) {
    const display = displays.find((area) => titleBarVisible(saved, area));
    if (display) return { ...fitInto(saved, display), maximized: saved.maximized };
  }
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return { ...centredIn(primary, width, height), maximized: false };
}

/** Bounds of `width`×`height` centred in `area` (the quick window on the active display). */
export function centredIn(area: Area, width: number, height: number): Area {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

function titleBarVisible(bounds: Area, area: Area): boolean {
  const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const titleTop = Math.max(bounds.y, area.y);
  const titleBottom = Math.min(bounds.y + REACHABLE.height, area.y + area.height);
  return overlapX >= REACHABLE.width && titleBottom - titleTop >= REACHABLE.height / 2;
}

// Shrinks the window to the display, then moves it fully inside.
function fitInto(bounds: Area, area: Area): Area {
  const width = Math.max(Math.min(bounds.width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width));
  const height = Math.max(
    Math.min(bounds.height, area.height),
    Math.min(MIN_WINDOW_SIZE.height, area.height),
  );
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}
