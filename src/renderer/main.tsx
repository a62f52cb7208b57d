import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadMarkdown } from './chat/AssistantText';
import { isQuickPage } from './quick/openInMain';
import { QuickChat } from './quick/QuickChat';
import { initI18n } from './i18n';
import { startSettings } from './state/settingsStore';
import { startStreamEvents } from './state/streamEvents';
import './styles/index.css';

/**
 * Starts the renderer: listens for streamed deltas from the first moment, loads settings to pick
 * the UI language, then renders. Heavy modules (markdown, highlighter) load after the first paint; KaTeX only
 * when a message holds math.
 */
async function start(): Promise<void> {
  startStreamEvents();
  const language = await startSettings();
  initI18n(language);
  document.documentElement.lang = language;
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root');
  // The quick-chat window loads the same page: `/quick` in the browser host, `#/quick` in the app.
  const quick = isQuickPage(location);
  if (quick) document.body.classList.add('quick-page');
  createRoot(root).render(<StrictMode>{quick ? <QuickChat /> : <App />}</StrictMode>);
  afterFirstPaint(() => {
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => preloadMarkdown());
  });
}

/** Longest wait for the first-contentful-paint entry before going ahead anyway. */
const FIRST_PAINT_TIMEOUT_MS = 1000;

/**
 * Runs `callback` once the first frame with content has reached the screen (or after a second,
 * where no paint entry comes): an idle callback queued right after `render()` can run before it.
 */
function afterFirstPaint(callback: () => void): void {
  let done = false;
  let observer: PerformanceObserver | null = null;
  const run = (): void => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    callback();
  };
  const timer = setTimeout(run, FIRST_PAINT_TIMEOUT_MS);
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) run();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing here: the timeout alone decides.
  }
}

void start();
