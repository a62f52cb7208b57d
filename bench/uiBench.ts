/**
 * UI bench (GUIDE §6): the real renderer in Debian's Chromium, served by the browser host
 * in-process over a 10,000-conversation / 200,000-message library (plus one 5,000-message markdown
 * conversation). Measures startup to a usable sidebar, switching conversations, opening the
 * 5,000-message conversation, what loads before the first paint, and scrolling the sidebar.
 * Run alone with `npx tsx bench/uiBench.ts`, or through `npm run bench -- ui`.
 *
 * The library is cached in `.bench/ui-library-v1` (delete it to rebuild); the renderer is built
 * fresh into `.bench/ui-web` each run. Each measurement is preceded by one warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { createCore } from '../src/core/app';
import type { Conversation, ConversationView } from '../src/shared/schemas';
import { startWebHost } from '../src/web/host';
import { ensureDataDir, HUGE_TITLE, LONG_MESSAGES, uiPorts } from './ui/library';
import { PROBE, type ProbeGlobal } from './ui/probe';
import { result, type BenchResult } from './types';
import { DETAIL_CATEGORIES, longestMainThreadTask, printTrace, type TraceEvent } from './chromeTrace';
import { launchChromium } from './chromium';
import { median, percentile } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, '.bench');
const WEB_DIR = join(CACHE, 'ui-web');
const VIEWPORT = { width: 1280, height: 800 };
const STARTS = 7;
const SWITCHES = 20;
const LONG_OPENS = 7;
const HUGE_OPENS = 5;
const QUIET_MS = 300;
/** Sidebar scroll speed: px per frame (≈ 90,000 px/s at 60 fps, a fast scrollbar drag). */
const SCROLL_STEP = 1500;

/**
 * What counts as heavy before the first paint (GUIDE §6 "startup"): by content, not file name.
 * `library` is the package behind each label; `shipped` says the renderer bundles it today. The
 * tokenizer is not in the renderer yet: its label is enforced once gpt-tokenizer shows up in the build.
 */
const HEAVY: {
  label: string;
  library: string;
  shipped: boolean;
  test: (name: string, text: string) => boolean;
}[] = [
  {
    label: 'highlighter',
    library: 'highlight.js',
    shipped: true,
    test: (_, text) => /registerLanguage|highlightAuto/.test(text),
  },
  {
    label: 'katex',
    library: 'katex',
    shipped: true,
    test: (name, text) => /katex/i.test(name) || /katex/i.test(text),
  },
  {
    label: 'tokenizer',
    library: 'gpt-tokenizer',
    shipped: false,
    test: (_, text) => /tiktoken|cl100k_base|o200k_base|gpt-tokenizer/.test(text),
  },
];

const fmt = (values: number[]): string => values.map((v) => Math.round(v)).join(', ');

/** Every module the build put into a chunk (absolute paths). */
function bundledModules(built: Awaited<ReturnType<typeof build>>): string[] {
  const outputs = Array.isArray(built) ? built : 'output' in built ? [built] : [];
  return outputs.flatMap((o) => o.output.flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])));
}

/**
 * Which built assets are heavy, by file name → labels. Throws when a heavy library is in the build
 * but no JS chunk carries its label: "0 heavy chunks before FCP" would then pass without checking it.
 */
function classifyAssets(modules: string[]): Map<string, string[]> {
  const dir = join(WEB_DIR, 'assets');
  const heavy = new Map<string, string[]>();
  for (const name of readdirSync(dir)) {
    const text = /\.(js|css)$/.test(name) ? readFileSync(join(dir, name), 'utf8') : '';
    const labels = HEAVY.filter((h) => h.test(name, text)).map((h) => h.label);
    if (labels.length) heavy.set(name, labels);
  }
  for (const { label, library, shipped } of HEAVY) {
    const bundled = modules.some((id) => id.includes(`/node_modules/${library}/`));
    const matched = [...heavy].some(([name, labels]) => name.endsWith('.js') && labels.includes(label));
    if (matched) continue;
    if (shipped || bundled)
      throw new Error(
        `ui bench: no built JS chunk matches the heavy label "${label}" (${library}${bundled ? ' is in the build' : ''}); ` +
          `the "heavy JS chunks before FCP" row would pass without checking it. Update HEAVY in bench/uiBench.ts.`,
      );
    console.log(`  heavy label "${label}": ${library} is not in the renderer build`);
  }
  return heavy;
}

interface Armed {
  clickAt: number;
  found: number;
  painted: number;
  settled: number;
  paneNodes: number;
  listNodes: number;
  rows: number;
}

/** Clicks the conversation's row and waits until its last message is painted. */
async function openByClick(page: Page, conversationId: string, lastMessageId: string): Promise<Armed> {
  await page.evaluate(([id, quiet]) => (globalThis as unknown as ProbeGlobal).__bench.armMessage(id, quiet), [
    lastMessageId,
    QUIET_MS,
  ] as const);
  await page.click(`.lib-scroll [data-key="${conversationId}"] .lib-row-main`);
  return page.evaluate(() => (globalThis as unknown as ProbeGlobal).__bench.pending as Promise<Armed>);
}

/** Loads the page and waits for the sidebar; returns the probe's timings and paint entries. */
async function load(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(
    () => (globalThis as unknown as ProbeGlobal).__bench?.sidebar !== null,
    undefined,
    { timeout: 30_000 },
  );
  // Let the idle-time preloads run so they show up (after the paint) in the resource list.
  await page.waitForTimeout(500);
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0] as
      { startTime: number; paintTime?: number } | undefined;
    const fcp = paint?.startTime ?? NaN;
    const fcpPaintTime = paint?.paintTime ?? NaN;
    const resources = (performance.getEntriesByType('resource') as { name: string; startTime: number }[]).map(
      (r) => ({
        name: r.name.split('/').pop()?.split('?')[0] ?? r.name,
        start: r.startTime,
      }),
    );
    return {
      sidebar: (globalThis as unknown as ProbeGlobal).__bench.sidebar as { found: number; painted: number },
      fcp,
      fcpPaintTime,
      resources,
    };
  });
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = await ensureDataDir(CACHE);
  const building = performance.now();
  const built = await build({
    configFile: join(ROOT, 'vite.web.config.ts'),
    build: { outDir: WEB_DIR, emptyOutDir: true },
    logLevel: 'warn',
  });
  console.log(`  renderer built in ${Math.round(performance.now() - building)} ms (${WEB_DIR})`);
  const heavyAssets = classifyAssets(bundledModules(built));

  const core = await createCore(uiPorts(dataDir));
  const host = await startWebHost({ port: 0, staticDir: WEB_DIR, core });
  const browser = await launchChromium();
  try {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const answer = (await core.dispatcher.handle(method, input)) as {
        ok: boolean;
        data: T;
        error?: unknown;
      };
      if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
      return answer.data;
    };
    const list = await call<Conversation[]>('conversation.list', { view: 'active' });
    const long = list.find((c) => c.messageCount === LONG_MESSAGES);
    if (!long || list[0].id !== long.id)
      throw new Error('the 5,000-message conversation should be the first row');
    const lastId = async (id: string): Promise<string> => {
      const view = await call<ConversationView>('conversation.get', { id });
      return view.messages.at(-1)?.id ?? '';
    };
    const huge = list.find((c) => c.title === HUGE_TITLE);
    if (!huge) throw new Error('the conversation of 2,000,000-character messages is missing');
    // Ordinary conversations in view at the top of the sidebar (rows 3–12), visited in turn.
    const ordinary = list.filter((c) => c.id !== huge.id).slice(1, 11);
    const ordinaryLast = new Map<string, string>();
    for (const c of ordinary) ordinaryLast.set(c.id, await lastId(c.id));
    const longLast = await lastId(long.id);
    const hugeLast = await lastId(huge.id);
    console.log(`  library: ${list.length} conversations; 5,000-message conversation ${long.id}`);

    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('  page error:', error.message));

    // 1. Startup: one warm-up load (fills the HTTP and code caches), then STARTS loads.
    await load(page, host.url);
    const starts: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await load(page, host.url));
    const sidebarTimes = starts.map((s) => s.sidebar.painted);
    console.log(
      `  sidebar usable (ms after navigation start), per load: ${fmt(sidebarTimes)}; FCP: ${fmt(starts.map((s) => s.fcp))}; FCP paintTime: ${fmt(starts.map((s) => s.fcpPaintTime))}`,
    );
    for (const s of starts)
      console.log(
        `    load: FCP ${s.fcp.toFixed(1)} (paintTime ${s.fcpPaintTime.toFixed(1)}); ${s.resources
          .filter((r) => /\.(js|css)$/.test(r.name))
          .map((r) => `${r.name}@${r.start.toFixed(1)}`)
          .join(', ')}`,
      );

    // 2. Heavy chunks requested before first-contentful-paint, worst of the loads.
    // Without a first-contentful-paint entry nothing counts as "before FCP" and the row would pass.
    const withoutFcp = starts.filter((s) => !Number.isFinite(s.fcp)).length;
    if (withoutFcp)
      throw new Error(
        `ui bench: no first-contentful-paint entry in ${withoutFcp}/${starts.length} loads; cannot tell which chunks were requested before it.`,
      );
    // "Before first paint" = requested (fetchStart) before the FCP entry's startTime, which in
    // Chromium is when the frame was presented; paintTime (main thread done painting it) is logged too.
    const heavyIn = (s: (typeof starts)[number], before: number, ext: RegExp): string[] =>
      s.resources
        .filter((r) => r.start < before && ext.test(r.name) && heavyAssets.has(r.name))
        .map((r) => `${r.name} (${heavyAssets.get(r.name)?.join('+')})`);
    let heavyBefore: string[] = [];
    let loadsWithHeavy = 0;
    let heavyBeforePaintTime = 0;
    for (const s of starts) {
      const before = heavyIn(s, s.fcp, /\.js$/);
      if (before.length) loadsWithHeavy++;
      if (before.length > heavyBefore.length) heavyBefore = before;
      heavyBeforePaintTime = Math.max(heavyBeforePaintTime, heavyIn(s, s.fcpPaintTime, /\.js$/).length);
    }
    const heavyCss = heavyIn(starts.at(-1)!, starts.at(-1)!.fcp, /\.css$/);
    const last = starts.at(-1)!;
    console.log(
      `  scripts and styles requested (ms after navigation start), FCP at ${Math.round(last.fcp)}: ${last.resources
        .filter((r) => /\.(js|css)$/.test(r.name))
        .map((r) => `${r.name}@${Math.round(r.start)}`)
        .join(', ')}`,
    );
    console.log(
      `  heavy JS before FCP (startTime): ${heavyBefore.join(', ') || 'none'} in ${loadsWithHeavy}/${starts.length} loads; before FCP paintTime: ${heavyBeforePaintTime}; heavy CSS before FCP: ${heavyCss.join(', ') || 'none'}`,
    );
    console.log(
      `  heavy after: ${
        last.resources
          .filter((r) => r.start >= last.fcp && heavyAssets.has(r.name))
          .map((r) => r.name)
          .join(', ') || 'none'
      }`,
    );

    // 3. Switching between ordinary conversations: one warm-up round, then SWITCHES clicks.
    const visit = (i: number): Promise<Armed> => {
      const c = ordinary[i % ordinary.length];
      return openByClick(page, c.id, ordinaryLast.get(c.id) ?? '');
    };
    for (let i = 0; i < ordinary.length; i++) await visit(i);
    const switches: Armed[] = [];
    for (let i = 0; i < SWITCHES; i++) switches.push(await visit(i));
    const switchTimes = switches.map((s) => s.painted);
    console.log(
      `  switch (click → last message painted): ${fmt(switchTimes)}; median ${Math.round(median(switchTimes))}, p95 ${Math.round(percentile(switchTimes, 95))}`,
    );

    // 4. The 5,000-message conversation: one warm-up open, then LONG_OPENS (from an ordinary one).
    const longRuns: Armed[] = [];
    for (let i = 0; i <= LONG_OPENS; i++) {
      await visit(i);
      const opened = await openByClick(page, long.id, longLast);
      if (i > 0) longRuns.push(opened);
    }
    const longTimes = longRuns.map((r) => r.painted);
    const paneNodes = Math.max(...longRuns.map((r) => r.paneNodes));
    console.log(
      `  open 5,000 messages (click → last message painted): ${fmt(longTimes)}; settled: ${fmt(longRuns.map((r) => r.settled))}; ` +
        `pane nodes ${fmt(longRuns.map((r) => r.paneNodes))}, rows in DOM ${fmt(longRuns.map((r) => r.rows))}`,
    );

    // 4b. The conversation holding two 2,000,000-character messages, traced for its longest task.
    const hugeRuns: Armed[] = [];
    let hugeTask = { wall: 0, cpu: 0 };
    for (let i = 0; i <= HUGE_OPENS; i++) {
      await visit(i);
      // PENPAL_BENCH_DETAIL=1 prints what each long task did (the detail slows the page a little).
      const detail = process.env.PENPAL_BENCH_DETAIL === '1';
      if (i > 0) await browser.startTracing(page, { categories: detail ? DETAIL_CATEGORIES : ['toplevel'] });
      const opened = await openByClick(page, huge.id, hugeLast);
      if (i === 0) continue;
      const trace = await browser.stopTracing();
      if (detail) printTrace((JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents);
      const longest = longestMainThreadTask(trace);
      hugeTask = { wall: Math.max(hugeTask.wall, longest.wall), cpu: Math.max(hugeTask.cpu, longest.cpu) };
      hugeRuns.push(opened);
    }
    const hugeTimes = hugeRuns.map((r) => r.painted);
    const hugeShowMore = await page.getByRole('button', { name: 'Show more' }).count();
    console.log(
      `  open 2,000,000-character messages (click → last message painted): ${fmt(hugeTimes)}; settled: ${fmt(hugeRuns.map((r) => r.settled))}; ` +
        `longest task ${hugeTask.wall.toFixed(1)} ms wall / ${hugeTask.cpu.toFixed(1)} ms CPU; pane nodes ${fmt(hugeRuns.map((r) => r.paneNodes))}; "Show more" buttons ${hugeShowMore}`,
    );

    // 5. Scrolling the sidebar top to bottom: one warm-up pass, then the measured one.
    type Scroll = {
      ms: number;
      frames: number;
      maxGap: number;
      scrollHeight: number;
      tasks: { duration: number }[];
      loafs: unknown[];
      rowsInDom: number;
    };
    const scroll = (): Promise<Scroll> =>
      page.evaluate(
        (step) => (globalThis as unknown as ProbeGlobal).__bench.scrollSidebar(step) as Promise<Scroll>,
        SCROLL_STEP,
      );
    await scroll();
    await browser.startTracing(page, { categories: ['toplevel'] });
    const scrolled = await scroll();
    const longest = longestMainThreadTask(await browser.stopTracing());
    const maxTask = Math.max(longest.wall, ...scrolled.tasks.map((t) => t.duration));
    console.log(
      `  sidebar scroll: ${scrolled.scrollHeight} px in ${Math.round(scrolled.ms)} ms, ${scrolled.frames} frames, max frame gap ${Math.round(scrolled.maxGap)} ms, ` +
        `long tasks ${scrolled.tasks.length}, longest task ${longest.wall.toFixed(1)} ms wall / ${longest.cpu.toFixed(1)} ms CPU, rows in DOM ${scrolled.rowsInDom}`,
    );
    if (scrolled.loafs.length)
      console.log(
        `  long animation frames while scrolling: ${JSON.stringify(scrolled.loafs).slice(0, 2000)}`,
      );

    await context.close();
    return [
      result(
        `ui: sidebar usable after start (median of ${STARTS}), 10k conversations`,
        median(sidebarTimes),
        'ms',
        500,
      ),
      result(
        `ui: switch conversation p95 (${SWITCHES} switches, median ${Math.round(median(switchTimes))} ms)`,
        percentile(switchTimes, 95),
        'ms',
        200,
      ),
      result(
        `ui: open 5,000-message conversation, last screen painted (median of ${LONG_OPENS})`,
        median(longTimes),
        'ms',
        300,
      ),
      result('ui: DOM nodes in the message pane, 5,000 messages', paneNodes, 'nodes', 3000),
      result(
        `ui: open a conversation holding a 2,000,000-character message: last screen painted (median of ${HUGE_OPENS})`,
        median(hugeTimes),
        'ms',
        300,
      ),
      result('ui: open a 2,000,000-character message: longest main-thread task', hugeTask.wall, 'ms', 50),
      result(
        'ui: open a 2,000,000-character message: longest main-thread task, CPU time',
        hugeTask.cpu,
        'ms',
        50,
      ),
      result(
        `ui: heavy JS chunks requested before FCP (highlighter, KaTeX, tokenizer; worst of ${STARTS} loads)`,
        heavyBefore.length,
        'chunks',
        0,
      ),
      result('ui: longest main-thread task scrolling the 10k sidebar top to bottom', maxTask, 'ms', 50),
      result('ui: longest main-thread task scrolling the sidebar, CPU time', longest.cpu, 'ms', 50),
    ];
  } finally {
    await browser.close();
    await host.close();
    await core.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const entry of await run()) {
    console.log(
      `${entry.pass ? 'pass' : 'FAIL'}  ${entry.name}: ${entry.value} ${entry.unit} (budget ${entry.kind === 'max' ? '≤' : '≥'} ${entry.budget})`,
    );
  }
}
