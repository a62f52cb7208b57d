/**
 * The streaming bench page: streams a ~100 KB answer into <MarkdownMessage streaming> the way the
 * app does (deltas arrive as tasks, at most one React commit per animation frame) and measures.
 */
import { useState, type JSX } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MarkdownMessage } from '../../src/renderer/markdown/MarkdownMessage';
import { chunk, generateAnswer } from './answer';
import type { StreamingBenchApi, StreamStats, UpdateSample } from './protocol';

const ANSWER = generateAnswer(100 * 1024, 1);
const CHUNKS = chunk(ANSWER);

interface View {
  text: string;
  streaming: boolean;
  run: number;
}

let setView: (view: View) => void = () => undefined;
/**
 * The link handler, one function for the page's lifetime like the app's module-level
 * requestOpenLink: MarkdownMessage's link context follows its identity, so a new one per render
 * would re-render every finished block on every update.
 */
const openLink = (): void => undefined;
/** The message pane; like the app's, it sticks to the bottom while an answer streams. */
let scroller: HTMLElement | null = null;

function Bench(): JSX.Element {
  const [view, set] = useState<View>({ text: '', streaming: false, run: 0 });
  setView = set;
  return (
    <div id="streamed" ref={(element) => void (scroller = element)}>
      <MarkdownMessage key={view.run} text={view.text} streaming={view.streaming} onOpenLink={openLink} />
    </div>
  );
}

const longTasks: PerformanceEntry[] = [];
const longFrames: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => longFrames.push(...list.getEntries())).observe({
    type: 'long-animation-frame',
  });
}
let cspViolations = 0;
document.addEventListener('securitypolicyviolation', () => cspViolations++);

let runs = 0;

/** Streams `chunks` at `rate` chunks/s; resolves after the commit that shows the last chunk. */
function stream(
  chunks: string[],
  rate: number,
): Promise<Omit<StreamStats, 'fullyRendered' | 'cspViolations' | 'offeredRate'>> {
  const run = ++runs;
  const interval = 1000 / rate;
  const arrivals: number[] = [];
  const updates: UpdateSample[] = [];
  let text = '';
  let shown = 0;
  let frameRequested = false;
  let maxDelayMs = 0;
  flushSync(() => setView({ text: '', streaming: true, run }));
  return new Promise((resolve) => {
    const start = performance.now();
    const frame = (): void => {
      frameRequested = false;
      const done = arrivals.length === chunks.length;
      const before = performance.now();
      flushSync(() => setView({ text, streaming: !done, run }));
      const after = performance.now();
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
      updates.push({ length: text.length, ms: after - before });
      maxDelayMs = Math.max(maxDelayMs, after - arrivals[shown]);
      shown = arrivals.length;
      if (!done) return;
      const inWindow = (entry: PerformanceEntry): boolean =>
        entry.startTime >= start && entry.startTime <= after;
      resolve({
        chunks: chunks.length,
        characters: text.length,
        wallMs: after - start,
        updates,
        maxDelayMs,
        longTasks: longTasks.filter(inWindow).map((entry) => entry.duration),
        longFrames: longFrames.filter(inWindow).map((entry) => entry.duration),
      });
    };
    // Chunks are due on a fixed schedule; each timer task takes every chunk that is due, like
    // IPC events queued while the renderer was busy.
    const deliver = (): void => {
      const now = performance.now();
      const due = Math.min(chunks.length, Math.floor((now - start) / interval) + 1);
      while (arrivals.length < due) {
        text += chunks[arrivals.length];
        arrivals.push(now);
      }
      if (arrivals.length === chunks.length) clearInterval(timer);
      if (!frameRequested && shown < arrivals.length) {
        frameRequested = true;
        requestAnimationFrame(frame);
      }
    };
    const timer = setInterval(deliver, Math.min(4, interval));
    deliver();
  });
}

/** The streamed DOM must equal a one-shot render of the same text. */
function matchesOneShotRender(text: string): boolean {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() => root.render(<MarkdownMessage text={text} streaming={false} onOpenLink={openLink} />));
  const same = host.innerHTML === scroller?.innerHTML;
  root.unmount();
  host.remove();
  return same;
}

const api: StreamingBenchApi = {
  async warmup() {
    await stream(chunk(generateAnswer(40 * 1024, 2), 3), 2000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // Let the lazy highlighter land.
  },
  async stream(rate) {
    const stats = await stream(CHUNKS, rate);
    return { ...stats, offeredRate: rate, fullyRendered: stats.characters === ANSWER.length, cspViolations };
  },
  matchesOneShotRender() {
    return matchesOneShotRender(ANSWER);
  },
  clear() {
    flushSync(() => setView({ text: '', streaming: false, run: ++runs }));
  },
};

await i18next.use(initReactI18next).init({ lng: 'en', resources: {} });
createRoot(document.getElementById('root')!).render(<Bench />);
(window as unknown as { __streamingBench: StreamingBenchApi }).__streamingBench = api;
