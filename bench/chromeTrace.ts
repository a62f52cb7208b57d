/** Reading Chromium traces for the browser benchmarks. */

/** One event of a Chromium trace (the fields the benchmarks read). */
export interface TraceEvent {
  name: string;
  ph: string;
  /** Start, and wall and thread (CPU) duration, µs. */
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** Trace categories that show what a task did inside (for `printTrace`). */
export const DETAIL_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink.user_timing',
];

/** Prints the main thread's tasks (≥ 5 ms) in order, each with its biggest inner events. */
export function printTrace(events: TraceEvent[]): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const mine = events.filter(
    (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
  );
  const tasks = mine.filter((e) => TASK_EVENTS.has(e.name)).sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts ?? 0;
  console.log('main-thread tasks ≥ 5 ms (ms from trace start):');
  for (const task of tasks) {
    if ((task.dur ?? 0) < 5000) continue;
    const inner = new Map<string, number>();
    for (const e of mine) {
      if (e === task || e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + (task.dur ?? 0)) continue;
      const label =
        e.name === 'FunctionCall' || e.name === 'EvaluateScript'
          ? `${e.name}(${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || ''})`
          : e.name;
      inner.set(label, Math.max(inner.get(label) ?? 0, e.dur ?? 0));
    }
    const top = [...inner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
      .join(', ');
    console.log(`  @${((task.ts - t0) / 1000).toFixed(0)} ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${top}`);
  }
}

/** Top-level task events: 'RunTask' in older traces, 'ThreadControllerImpl::RunTask' in Perfetto-era ones. */
export const TASK_EVENTS: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The longest task on the page's main thread in a Chromium trace, in wall and in CPU time (ms). */
export function longestMainThreadTask(trace: Buffer): { wall: number; cpu: number } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const longest = { wall: 0, cpu: 0 };
  for (const e of events) {
    if (!TASK_EVENTS.has(e.name) || e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    longest.wall = Math.max(longest.wall, (e.dur ?? 0) / 1000);
    longest.cpu = Math.max(longest.cpu, (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return longest;
}
