/** Reading Chromium traces for the browser benchmarks. */

interface TraceEvent {
  name: string;
  ph: string;
  /** Wall and thread (CPU) duration, µs. */
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
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
