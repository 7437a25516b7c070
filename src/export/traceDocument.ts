/**
 * The trace file: what a run is (scenario, seed, options, input timeline), where it was exported
 * (tick, simulated time), what it showed there (the report), and every engine event from tick 0
 * up to that tick, one JSON object per line inside the `events` array. docs/export.md documents
 * the shape; TRACE_FORMAT_VERSION changes when it changes incompatibly.
 *
 * Events are written as they come (an EventSink), each turned into its JSON text at once: the
 * engine may reuse nothing an event refers to after the push, and the text's size is what the
 * cap is about. Past the cap the events are still counted but not kept: the file then holds the
 * first `eventsIncluded` of `eventCount` events and says `eventsCapped: true`.
 */
import type { EventSink, RunReport, Scenario, SimEvent, TimedInput } from '../engine';

export const TRACE_FORMAT = 'mq-sim-trace';
export const TRACE_FORMAT_VERSION = 1;

/** Caps: far above a short run, and a file a browser and an editor still handle (~50 MB). */
export const TRACE_EVENTS_MAX = 250_000;
export const TRACE_EVENT_BYTES_MAX = 48 * 1024 * 1024;

export interface TraceHeader {
  scenario: Scenario;
  seed: number;
  /** Overrides the run was created with (durationMs), as the engine's createSim takes them. */
  options: { durationMs?: number };
  timeline: readonly TimedInput[];
  tick: number;
  tickMs: number;
  simulatedMs: number;
  report: RunReport;
}

export interface TraceDocument extends TraceHeader {
  format: typeof TRACE_FORMAT;
  formatVersion: typeof TRACE_FORMAT_VERSION;
  eventCount: number;
  eventsIncluded: number;
  eventsCapped: boolean;
  events: SimEvent[];
}

export interface EventCollector extends EventSink {
  count(): number;
  kept(): number;
  capped(): boolean;
  /** The kept events' JSON texts, oldest first. */
  texts(): readonly string[];
}

export function createEventCollector(
  maxEvents = TRACE_EVENTS_MAX,
  maxBytes = TRACE_EVENT_BYTES_MAX,
): EventCollector {
  const texts: string[] = [];
  let count = 0;
  let bytes = 0;
  let full = false;
  return {
    push(e: SimEvent) {
      count++;
      if (full) return;
      const t = JSON.stringify(e);
      if (texts.length >= maxEvents || bytes + t.length > maxBytes) {
        full = true;
        return;
      }
      texts.push(t);
      bytes += t.length + 2;
    },
    count: () => count,
    kept: () => texts.length,
    capped: () => full,
    texts: () => texts,
  };
}

/** The file's text: the header fields indented, then one event per line. */
export function traceJson(header: TraceHeader, events: EventCollector): string {
  const head = {
    format: TRACE_FORMAT,
    formatVersion: TRACE_FORMAT_VERSION,
    tick: header.tick,
    tickMs: header.tickMs,
    simulatedMs: header.simulatedMs,
    seed: header.seed,
    options: header.options,
    scenario: header.scenario,
    timeline: header.timeline,
    report: header.report,
    eventCount: events.count(),
    eventsIncluded: events.kept(),
    eventsCapped: events.capped(),
  };
  const headText = JSON.stringify(head, null, 2);
  const body = events.texts().join(',\n    ');
  const list = events.kept() > 0 ? `[\n    ${body}\n  ]` : '[]';
  return `${headText.slice(0, -2)},\n  "events": ${list}\n}\n`;
}

export type TraceParse = { ok: true; value: TraceDocument } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Reading a trace file back: the shape only (the scenario and timeline inside are then validated
 * by the engine's validators like any other untrusted input). Every problem is listed.
 */
export function parseTrace(text: string): TraceParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${(e as Error).message}`] };
  }
  if (!isRecord(raw)) return { ok: false, errors: ['a trace is a JSON object'] };
  const errors: string[] = [];
  if (raw.format !== TRACE_FORMAT) errors.push(`format: expected "${TRACE_FORMAT}"`);
  if (raw.formatVersion !== TRACE_FORMAT_VERSION)
    errors.push(
      `formatVersion: this app reads version ${TRACE_FORMAT_VERSION}, the file has ${JSON.stringify(raw.formatVersion)}`,
    );
  if (!isRecord(raw.scenario)) errors.push('scenario: expected an object');
  if (!isCount(raw.seed)) errors.push('seed: expected a whole number ≥ 0');
  if (!isCount(raw.tick)) errors.push('tick: expected a whole number ≥ 0');
  if (!isRecord(raw.options)) errors.push('options: expected an object');
  if (!Array.isArray(raw.timeline)) errors.push('timeline: expected a list of inputs');
  if (!isRecord(raw.report)) errors.push('report: expected an object');
  if (!Array.isArray(raw.events)) errors.push('events: expected a list');
  if (!isCount(raw.eventCount)) errors.push('eventCount: expected a whole number ≥ 0');
  if (Array.isArray(raw.events) && raw.events.length !== raw.eventsIncluded)
    errors.push(
      `eventsIncluded: says ${String(raw.eventsIncluded)}, the list has ${raw.events.length}`,
    );
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: raw as unknown as TraceDocument };
}
