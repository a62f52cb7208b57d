import { describe, expect, it } from 'vitest';
import { centredIn, restoreBounds } from '../../src/main/windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('the main window opens where it was, or centred', () => {
  it('opens at the saved place when it is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: true };
    expect(restoreBounds(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('falls back to centred defaults when the saved display was unplugged', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({
      x: 170,
      y: 58,
      width: 1100,
      height: 760,
      maximized: false,
    });
  });

  it('shrinks and moves a window that no longer fits its display', () => {
    const saved = { x: 1000, y: -20, width: 2000, height: 1200, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('centres a first-run window and fits it on a small display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 600 };
    expect(restoreBounds(null, [small], small)).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 600,
      maximized: false,
    });
  });

  it('does not restore a window whose title bar is above every display', () => {
    const saved = { x: 100, y: -500, width: 800, height: 520, maximized: false };
    expect(restoreBounds(saved, [laptop], laptop).y).toBe(58);
  });

  it('centres the quick window on the display it is given', () => {
    expect(centredIn(monitorRight, 640, 420)).toEqual({ x: 2400, y: 498, width: 640, height: 420 });
  });
});
