/**
 * What the export needs from a run, as plain data read at one moment (src/export turns it into
 * files): the run's identity (scenario, options, timeline, tick), its report, and the series
 * behind the charts up to the current tick. Copies, so a run that goes on playing while a file
 * is being written does not change it.
 */
import type { CreateOptions, RunReport, Scenario, TimedInput } from '../engine';
import type { LatencyPoint } from './buckets';
import { consumersOf } from './chartData';
import { consumerAckSeries, queueDepthSeries, type SeriesData } from './engineAccess';
import type { Run } from './run';

export interface NamedSeries {
  id: string;
  label: string;
  series: SeriesData | null;
}

export interface ExportData {
  scenario: Scenario;
  options: CreateOptions;
  seed: number;
  timeline: readonly TimedInput[];
  tick: number;
  tickUs: number;
  nowUs: number;
  report: RunReport;
  /** Chart buckets (buckets.ts): width in ticks, completed latency points, in-flight samples. */
  bucketTicks: number;
  latency: LatencyPoint[];
  /** The bucket being filled at the current tick (null on a bucket boundary). */
  latencyPartial: LatencyPoint | null;
  /** In flight at tick i·bucketTicks, for each boundary up to the current tick. */
  inFlight: number[];
  depth: NamedSeries[];
  acks: NamedSeries[];
}

export function exportData(run: Run): ExportData {
  const sim = run.sim();
  const b = run.buckets;
  const done = Math.floor(sim.tick / b.ticks);
  const named = (
    match: (n: Run['scenario']['nodes'][number]) => boolean,
    read: typeof queueDepthSeries,
  ) =>
    run.scenario.nodes.filter(match).map((n) => ({
      id: n.id,
      label: n.label ?? n.id,
      series: read(sim, n.id),
    }));
  return {
    scenario: run.scenario,
    options: { ...run.options },
    seed: sim.seed,
    timeline: run.timeline(),
    tick: sim.tick,
    tickUs: sim.tickUs,
    nowUs: sim.nowUs,
    report: structuredClone(run.report()),
    bucketTicks: b.ticks,
    latency: b.latency.slice(0, done).map((p) => ({ ...p })),
    latencyPartial: sim.tick % b.ticks === 0 ? null : b.partial(),
    inFlight: b.inFlight.slice(0, done + 1),
    depth: named((n) => n.kind === 'queue', queueDepthSeries),
    acks: named(consumersOf(run.scenario), consumerAckSeries),
  };
}
