/**
 * Trips of the log broker (issue 6), for the canvas:
 *
 * - a record written to a topic travels from its producer (or the processor whose output it
 *   is) to its partition's row. The engine has no event for an append (engine request 11), so
 *   the store notices new records in the partitions' logs: after every event and at the end of
 *   every advance, records past the log ends it saw last are read from the state, each with its
 *   own append time. It is the same list whichever way a tick is reached: records found at the
 *   end of one advance come right after the events before them, as they would at the next
 *   event. Like a service request, the trip is placed one link latency before the append;
 * - a poll (`recordsPolled`) sends its batch from each partition's row to the member, drawn as
 *   a short train (at most TRAIN dots per partition: a batch of 500 would be one blob);
 * - a commit (`offsetsCommitted`) travels back from the member to the rows it owns, as an ack.
 *
 * Nothing travels with a link latency of 0, as for queues.
 */
import type { Scenario, SimEvent, SimState } from '../engine';
import { logEnds, memberBatch, ownedPartitions, recordsFrom } from './engineAccessLog';
import type { Flight } from './flights';

/** Dots at most per partition for one poll's batch. */
const TRAIN = 5;

export interface LogTrips {
  /** Trips an event starts (polls, commits) and those of records appended before it. */
  onEvent(e: SimEvent): Flight[];
  /** Records appended since the last look (end of an advance). */
  flush(): Flight[];
  /** Forget what was seen (after a restore, or while a seek only counts events). */
  sync(): void;
}

const port = (topic: string, p: number) => `${topic}#${p}`;

export function createLogTrips(
  scenario: Scenario,
  sim: () => SimState,
  linkUs: () => number,
  hopUs: () => number,
): LogTrips {
  const raw = scenario.nodes as unknown as readonly Readonly<Record<string, unknown>>[];
  const topics = new Set(raw.filter((n) => n.kind === 'topic').map((n) => String(n.id)));
  // The topic each reader reads, and who writes a processor's output into each topic.
  const readerTopic = new Map<string, string>();
  const outputWriter = new Map<string, string>();
  for (const n of raw) {
    if (typeof n.from === 'string' && topics.has(n.from)) readerTopic.set(String(n.id), n.from);
    const out = n.output as { to?: unknown } | undefined;
    if (typeof out?.to === 'string' && !outputWriter.has(out.to))
      outputWriter.set(out.to, String(n.id));
  }
  const active = topics.size > 0;
  let ends: number[][] = active ? logEnds(sim()) : [];

  const appended = (): Flight[] => {
    if (!active) return [];
    const now = logEnds(sim());
    const link = linkUs();
    const out: Flight[] = [];
    now.forEach((row, ti) => {
      const before = ends[ti] ?? [];
      row.forEach((end, p) => {
        const seen = before[p] ?? 0;
        if (end <= seen || link <= 0) return;
        for (const r of recordsFrom(sim(), ti, p, seen)) {
          const from = r.producer || outputWriter.get(r.topic);
          if (r.control || !from) continue;
          const departUs = r.atUs - link;
          out.push({
            msgId: null,
            originId: r.origin,
            from,
            to: port(r.topic, p),
            departUs,
            arriveUs: departUs + Math.max(link, hopUs()),
            state: 'new',
          });
        }
      });
    });
    ends = now;
    return out;
  };

  const polled = (e: SimEvent & { type: 'recordsPolled' }): Flight[] => {
    const topic = readerTopic.get(e.member);
    if (!topic || linkUs() <= 0) return [];
    const hop = Math.max(linkUs(), hopUs());
    const out: Flight[] = [];
    for (const [p, count] of memberBatch(sim(), e.member))
      for (let i = 0; i < Math.min(TRAIN, count); i++) {
        const departUs = e.atUs + (i * hop) / (2 * TRAIN);
        out.push({
          msgId: null,
          originId: null,
          from: port(topic, p),
          to: e.member,
          departUs,
          arriveUs: departUs + hop,
          state: 'new',
        });
      }
    return out;
  };

  const committed = (e: SimEvent & { type: 'offsetsCommitted' }): Flight[] => {
    const topic = readerTopic.get(e.member);
    if (!topic || linkUs() <= 0) return [];
    const hop = Math.max(linkUs(), hopUs());
    return ownedPartitions(sim(), e.member).map((p) => ({
      msgId: null,
      originId: null,
      from: e.member,
      to: port(topic, p),
      departUs: e.atUs,
      arriveUs: e.atUs + hop,
      state: 'ack',
    }));
  };

  return {
    onEvent(e) {
      if (!active) return [];
      const out = appended();
      if (e.type === 'recordsPolled') out.push(...polled(e));
      else if (e.type === 'offsetsCommitted') out.push(...committed(e));
      return out;
    },
    flush: appended,
    sync() {
      if (active) ends = logEnds(sim());
    },
  };
}
