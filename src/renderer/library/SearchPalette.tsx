import { useEffect, type ReactElement } from 'react';
import { closeSearchPalette, toggleSearchPalette, useSearchPaletteOpen } from './paletteStore';
import { SearchPanel } from './SearchPanel';
import './library.css';
import './overlays.css';
import './palette.css';

/**
 * The search palette: render it once anywhere. Ctrl+K (⌘K on macOS) opens and closes it, and so
 * does the sidebar's Search button; choosing a result opens that conversation at that message.
 */
export function SearchPalette(): ReactElement | null {
  const open = useSearchPaletteOpen();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'k'
      ) {
        event.preventDefault();
        toggleSearchPalette();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return open ? <SearchPanel onClose={closeSearchPalette} /> : null;
}
