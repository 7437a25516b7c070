/**
 * Where the time goes while playing: a Chromium trace of one measuring window, summed per
 * thread (the page's main thread, the compositor, the raster workers, the display compositor)
 * and, on the main thread, per kind of work (script, style, layout, paint, GC...). Busy time
 * is the sum of each thread's outermost events, so it can be compared with the window's length.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, when the trace has it. */
  tdur?: number;
  args?: { name?: string };
}

export interface ThreadBusy {
  thread: string;
  busyMs: number;
  /** CPU time of the same events (less than busyMs when the thread waited for a core). */
  cpuMs: number;
}

export interface TraceSummary {
  windowMs: number;
  threads: ThreadBusy[];
  /** Main thread of the page: self time by kind of work, ms. */
  main: Record<string, number>;
  /** Main-thread tasks over 50 ms: length and self time by kind of work, ms. */
  longTasks: { ms: number; kinds: Record<string, number> }[];
}

const LONG_TASK_MS = 50;

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Main-thread work by the trace event it starts with (a nested event is counted in its own kind). */
const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  EvaluateScript: 'script',
  'v8.execute': 'script',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Commit: 'commit',
  'ProxyMain::BeginMainFrame::commit': 'commit',
  HitTest: 'other',
};

export function summariseTrace(raw: Buffer | string): TraceSummary {
  const doc = JSON.parse(raw.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(doc) ? doc : doc.traceEvents;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = 0;
  const busy = new Map<string, { busyMs: number; cpuMs: number }>();
  // The page's renderer: the process whose main thread ran animation frames.
  let rendererPid = -1;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    t0 = Math.min(t0, e.ts);
    t1 = Math.max(t1, e.ts + e.dur);
    if (e.name === 'FireAnimationFrame') rendererPid = e.pid;
  }
  // Outermost events of each thread: busy time.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const main: Record<string, number> = {};
  const longTasks: TraceSummary['longTasks'] = [];
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -1;
    let total = 0;
    let cpu = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      total += e.dur!;
      cpu += e.tdur ?? e.dur!;
      end = e.ts + e.dur!;
    }
    const name = names.get(key) ?? key;
    const pid = Number(key.split(':')[0]);
    const label = pid === rendererPid ? `renderer ${name}` : name;
    const sum = busy.get(label) ?? { busyMs: 0, cpuMs: 0 };
    busy.set(label, { busyMs: sum.busyMs + total / 1000, cpuMs: sum.cpuMs + cpu / 1000 });
    if (pid === rendererPid && name === 'CrRendererMain') {
      selfTimes(list, main);
      longTasks.push(...tasksOver(list, LONG_TASK_MS));
    }
  }
  const threads = [...busy]
    .map(([thread, b]) => ({ thread, ...b }))
    .filter((t) => t.busyMs > 1)
    .sort((a, b) => b.busyMs - a.busyMs);
  return { windowMs: (t1 - t0) / 1000, threads, main, longTasks };
}

/** The outermost events longer than `ms`, each with its own breakdown by kind. */
function tasksOver(sorted: TraceEvent[], ms: number): TraceSummary['longTasks'] {
  const out: TraceSummary['longTasks'] = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.dur! < ms * 1000) continue;
    const end = e.ts + e.dur!;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.ts < end) j++;
    const kinds: Record<string, number> = {};
    selfTimes(sorted.slice(i, j), kinds);
    out.push({ ms: e.dur! / 1000, kinds });
    i = j - 1;
  }
  return out;
}

/** Self time per kind: each event's time minus its children's, charged to its nearest kind. */
function selfTimes(sorted: TraceEvent[], out: Record<string, number>): void {
  const stack: { end: number; kind: string; child: number; dur: number }[] = [];
  const pop = () => {
    const s = stack.pop()!;
    out[s.kind] = (out[s.kind] ?? 0) + (s.dur - s.child) / 1000;
  };
  for (const e of sorted) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) pop();
    const parent = stack.at(-1);
    if (parent) parent.child += e.dur!;
    const kind =
      KINDS[e.name] ?? (TOP_LEVEL.has(e.name) ? 'task (other)' : (parent?.kind ?? 'other'));
    stack.push({ end: e.ts + e.dur!, kind, child: 0, dur: e.dur! });
  }
  while (stack.length > 0) pop();
}
