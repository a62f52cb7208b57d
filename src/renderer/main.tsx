import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadMarkdown } from './chat/AssistantText';
import { initI18n } from './i18n';
import { startSettings } from './state/settingsStore';
import { startStreamEvents } from './state/streamEvents';
import './styles/index.css';

/**
 * Starts the renderer: listens for streamed deltas from the first moment, loads settings to pick
 * the UI language, then renders. Heavy modules (markdown, highlighter) load after the first paint.
 */
async function start(): Promise<void> {
  startStreamEvents();
  const language = await startSettings();
  initI18n(language);
  document.documentElement.lang = language;
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
  idle(() => preloadMarkdown());
}

void start();
