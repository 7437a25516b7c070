import { describe, expect, it } from 'vitest';
import { advanceTo, createSim, report, type SimEvent } from '../engine';
import { loadPreset } from '../scenarios';
import { createEventCollector, parseTrace, traceJson, TRACE_FORMAT_VERSION } from './traceDocument';

function traceOf(tick: number, maxEvents?: number) {
  const scenario = loadPreset('consumer-crash');
  const sim = createSim(scenario);
  const events = createEventCollector(maxEvents);
  const all: SimEvent[] = [];
  advanceTo(sim, tick, [], {
    push(e) {
      all.push(structuredClone(e));
      events.push(e);
    },
  });
  const text = traceJson(
    {
      scenario,
      seed: sim.seed,
      options: {},
      timeline: [{ tick: 10, input: { type: 'consumerCrashed', consumerId: 'c1' } }] as never,
      tick: sim.tick,
      tickMs: sim.tickUs / 1000,
      simulatedMs: sim.nowUs / 1000,
      report: report(sim),
    },
    events,
  );
  return { text, all, sim };
}

describe('trace document', () => {
  it('holds every event, in order, and parses back', () => {
    const { text, all, sim } = traceOf(1500);
    expect(all.length).toBeGreaterThan(100);
    const parsed = parseTrace(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const doc = parsed.value;
    expect(doc.formatVersion).toBe(TRACE_FORMAT_VERSION);
    expect(doc.eventCount).toBe(all.length);
    expect(doc.eventsIncluded).toBe(all.length);
    expect(doc.eventsCapped).toBe(false);
    expect(doc.events).toEqual(all);
    expect(doc.tick).toBe(1500);
    expect(doc.report).toEqual(report(sim));
    expect(doc.timeline).toHaveLength(1);
  });

  it('writes one event per line', () => {
    const { text, all } = traceOf(300);
    const eventLines = text.split('\n').filter((l) => l.startsWith('    {"type":'));
    expect(eventLines).toHaveLength(all.length);
  });

  it('keeps the first events past the cap, counts them all and says it was capped', () => {
    const { text, all } = traceOf(1500, 50);
    const parsed = parseTrace(text);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(parsed.value.eventsCapped).toBe(true);
    expect(parsed.value.eventsIncluded).toBe(50);
    expect(parsed.value.eventCount).toBe(all.length);
    expect(parsed.value.events).toEqual(all.slice(0, 50));
  });

  it('is valid JSON with no events at tick 0', () => {
    const { text } = traceOf(0);
    expect(JSON.parse(text).events).toEqual([]);
  });

  it('names every problem of a file that is not a trace', () => {
    expect(parseTrace('{').ok).toBe(false);
    const bad = parseTrace(JSON.stringify({ format: 'x', formatVersion: 9, seed: -1, events: {} }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.join('\n')).toMatch(/format:/);
    expect(bad.errors.join('\n')).toMatch(
      /formatVersion: this app reads version 1, the file has 9/,
    );
    expect(bad.errors.join('\n')).toMatch(/seed:/);
    expect(bad.errors.join('\n')).toMatch(/scenario:/);
    expect(bad.errors.join('\n')).toMatch(/events:/);
  });
});
