/**
 * Diagnostic for the UI bench (not part of `npm run bench`): where the time goes when opening the
 * 5,000-message conversation, or at startup. Runs the same host and library as bench/uiBench.ts,
 * records a CPU profile of the page (CDP Profiler) and the WebSocket timeline, and prints the top
 * functions by self time and the split: request → answer received → parsed → painted.
 *
 *   npx tsx bench/ui/profile.ts          # open the 5,000-message conversation
 *   npx tsx bench/ui/profile.ts start    # startup to the sidebar
 *   npx tsx bench/ui/profile.ts huge     # open the conversation of 2,000,000-character messages
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createCore } from '../../src/core/app';
import type { Conversation, ConversationView } from '../../src/shared/schemas';
import { startWebHost } from '../../src/web/host';
import { ensureDataDir, HUGE_TITLE, LONG_MESSAGES, uiPorts } from './library';
import { PROBE, type ProbeGlobal } from './probe';
import { DETAIL_CATEGORIES, printTrace, type TraceEvent } from '../chromeTrace';
import { launchChromium } from '../chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = join(ROOT, '.bench');
const WEB_DIR = join(CACHE, 'ui-web-profile');

/** Wraps the page's WebSocket to note when each request went out and its answer came in. */
const WS_TIMELINE = String.raw`
(() => {
  const log = (window.__ws = []);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const at = performance.now();
        const size = typeof e.data === 'string' ? e.data.length : 0;
        const head = typeof e.data === 'string' ? e.data.slice(0, 60) : '';
        log.push({ dir: 'in', at, size, head });
      });
    }
    send(data) {
      log.push({ dir: 'out', at: performance.now(), size: data.length, head: String(data).slice(0, 80) });
      return super.send(data);
    }
  };
})();
`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const mode = process.argv[2] ?? 'open';
const dataDir = await ensureDataDir(CACHE);
await build({
  configFile: join(ROOT, 'vite.web.config.ts'),
  build: { outDir: WEB_DIR, emptyOutDir: true, minify: false },
  logLevel: 'warn',
});
const core = await createCore(uiPorts(dataDir));
const host = await startWebHost({ port: 0, staticDir: WEB_DIR, core });
const browser = await launchChromium();
try {
  const list = (
    (await core.dispatcher.handle('conversation.list', { view: 'active' })) as { data: Conversation[] }
  ).data;
  // `huge`: the conversation holding two 2,000,000-character messages instead.
  const long =
    mode === 'huge'
      ? list.find((c) => c.title === HUGE_TITLE)!
      : list.find((c) => c.messageCount === LONG_MESSAGES)!;
  const other = list[1];
  const lastOf = async (id: string): Promise<string> =>
    (
      (await core.dispatcher.handle('conversation.get', { id })) as { data: ConversationView }
    ).data.messages.at(-1)!.id;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PROBE);
  await context.addInitScript(WS_TIMELINE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const open = async (id: string, last: string) => {
    await page.evaluate(([m]) => (globalThis as unknown as ProbeGlobal).__bench.armMessage(m, 300), [last]);
    await page.click(`.lib-scroll [data-key="${id}"] .lib-row-main`);
    return page.evaluate(() => (globalThis as unknown as ProbeGlobal).__bench.pending);
  };
  await page.goto(host.url);
  await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__bench?.sidebar);
  if (mode === 'start') {
    await cdp.send('Profiler.start');
    await page.goto(host.url);
    await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__bench?.sidebar);
  } else {
    // Warm the code (markdown chunk) on another conversation; `huge` opens its own cold.
    const warm = mode === 'huge' ? list.find((c) => c.messageCount === LONG_MESSAGES)! : long;
    await open(warm.id, await lastOf(warm.id));
    await open(other.id, await lastOf(other.id));
    await page.evaluate(() => ((globalThis as unknown as ProbeGlobal).__ws.length = 0));
    const longLast = await lastOf(long.id);
    await browser.startTracing(page, {
      categories: DETAIL_CATEGORIES,
    });
    await cdp.send('Profiler.start');
    const timing = await open(long.id, longLast);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log('open timing (ms from click):', timing);
    printTrace(trace.traceEvents);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  };
  const ws = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__ws);
  const sidebar = await page.evaluate(() => (globalThis as unknown as ProbeGlobal).__bench.sidebar);
  console.log('sidebar', sidebar);
  console.log('websocket timeline (ms since navigation start):');
  for (const entry of ws) console.log(`  ${entry.dir} ${entry.at.toFixed(1)} ${entry.size} B ${entry.head}`);

  // Self time per function.
  const self = new Map<number, number>();
  profile.samples.forEach((node, i) =>
    self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`profile: ${total.toFixed(0)} ms sampled; top self time:`);
  for (const [key, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${key}`);

  // Inclusive time by source file of the deepest app frame.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFile = new Map<string, number>();
  for (const [id, ms] of self) {
    let cursor: number | undefined = id;
    let file = '(native/idle)';
    while (cursor !== undefined) {
      const url = nodes.get(cursor)!.callFrame.url;
      if (url) {
        file = url.split('/').pop()!;
        break;
      }
      cursor = parent.get(cursor);
    }
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  console.log('self time by script:', Object.fromEntries([...byFile].map(([k, v]) => [k, Math.round(v)])));
} finally {
  await browser.close();
  await host.close();
  await core.close();
}
