/**
 * The UI bench's in-page probe, injected before any of the app's scripts (`addInitScript`). Kept as
 * plain JavaScript source: functions compiled by tsx would carry helpers the page does not have.
 *
 * Times are `performance.now()`, i.e. ms since the navigation started (the document's time
 * origin). "Painted" means: the element was found in a `requestAnimationFrame` callback (so it is
 * in the frame being produced), and the time is taken in a task posted from that callback, which
 * runs after that frame's style, layout and paint.
 */
export const PROBE = String.raw`
(() => {
  const bench = (window.__bench = { sidebar: null, longTasks: [], frames: [] });

  // Long tasks from the very start (the observer is not buffered for 'longtask' in every build).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  bench.loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, source: s.sourceURL + ':' + s.sourceFunctionName, duration: s.duration })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };

  /** Whether the element is on screen and is what a click at its centre would hit. */
  const clickable = (el) => {
    if (!el || el.disabled) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  };

  // Sidebar usable: the first conversation row's button is in the DOM, visible and hit-testable.
  const watchSidebar = () => {
    const el = document.querySelector('.lib-scroll .lib-row-main');
    if (clickable(el)) {
      const found = performance.now();
      afterPaint((painted) => (bench.sidebar = { found, painted }));
      return;
    }
    requestAnimationFrame(watchSidebar);
  };
  requestAnimationFrame(watchSidebar);

  /**
   * Arms a wait for a message to be painted after the next click: start = the click event's
   * timeStamp; done = the message is in the DOM, has text, and is inside the scroller's viewport,
   * then painted. Also notes when the message pane stopped changing (settled).
   */
  bench.armMessage = (messageId, quietMs) => {
    let clickAt = null;
    const onClick = (event) => {
      clickAt = event.timeStamp;
      document.removeEventListener('click', onClick, true);
      const chat = document.querySelector('.chat');
      observer = new MutationObserver(() => (lastMutation = performance.now()));
      if (chat) observer.observe(chat, { childList: true, subtree: true, characterData: true, attributes: true });
    };
    document.addEventListener('click', onClick, true);
    let lastMutation = 0;
    let observer = null;
    bench.pending = new Promise((resolve, reject) => {
      const check = () => {
        if (clickAt === null) return requestAnimationFrame(check);
        const el = document.querySelector('[data-message-id="' + messageId + '"]');
        const scroller = document.querySelector('.message-scroller');
        if (el && scroller && el.textContent.trim().length > 0) {
          const r = el.getBoundingClientRect(), s = scroller.getBoundingClientRect();
          if (r.bottom > s.top && r.top < s.bottom && r.height > 0) {
            const found = performance.now();
            afterPaint((painted) => {
              // Settled: no change in the chat view for quietMs.
              const waitQuiet = () => {
                if (performance.now() - Math.max(lastMutation, painted) >= quietMs) {
                  observer.disconnect();
                  const pane = document.querySelector('.message-pane');
                  const list = document.querySelector('.message-list');
                  // No pane means nothing to count: fail rather than report a count that passes.
                  if (!pane) return reject(new Error('.message-pane not found after the message was painted'));
                  resolve({
                    clickAt,
                    found: found - clickAt,
                    painted: painted - clickAt,
                    settled: Math.max(lastMutation, painted) - clickAt,
                    paneNodes: pane.querySelectorAll('*').length,
                    listNodes: list ? list.querySelectorAll('*').length : -1,
                    rows: document.querySelectorAll('.message-row').length,
                  });
                } else setTimeout(waitQuiet, 20);
              };
              waitQuiet();
            });
            return;
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  };

  /** Scrolls the sidebar top to bottom by stepPx per frame; the long tasks meanwhile. */
  bench.scrollSidebar = (stepPx) =>
    new Promise((resolve) => {
      const el = document.querySelector('.lib-scroll');
      el.scrollTop = 0;
      const from = performance.now();
      let last = from, maxGap = 0, frames = 0;
      const step = (now) => {
        maxGap = Math.max(maxGap, now - last);
        last = now;
        frames++;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
          // Two more frames so the last rows render, then collect.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            const to = performance.now();
            const tasks = bench.longTasks.filter((t) => t.start >= from && t.start <= to);
            const loafs = bench.loafs.filter((t) => t.start >= from && t.start <= to);
            resolve({ ms: to - from, frames, maxGap, scrollHeight: el.scrollHeight, tasks, loafs,
              rowsInDom: el.querySelectorAll('.lib-row').length });
          }, 50)));
          return;
        }
        el.scrollTop += stepPx;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
})();
`;

/** What the probe puts on the page's global object (typed for the bench's `page.evaluate` calls). */
export interface ProbeGlobal {
  __bench: {
    sidebar: { found: number; painted: number } | null;
    longTasks: { start: number; duration: number }[];
    armMessage(messageId: string, quietMs: number): void;
    pending: Promise<unknown>;
    scrollSidebar(stepPx: number): Promise<unknown>;
  };
  __ws: { dir: string; at: number; size: number; head: string }[];
}
