/**
 * Trips of the log broker (issue 6), for the canvas:
 *
 * - a record written to a topic (`recordAppended`, one event per data record) travels from its
 *   writer (or the processor whose output it is) to its partition's row. Like a service
 *   request, the trip is placed one link latency before the append;
 * - a poll (`recordsPolled`) sends its batch from each partition's row to the member, drawn as
 *   a short train (at most TRAIN dots per partition: a batch of 500 would be one blob);
 * - a commit (`offsetsCommitted`) travels back from the member to the rows it owns, as an ack.
 *
 * Nothing travels with a link latency of 0, as for queues.
 */
import type { Scenario, SimEvent, SimState } from '../engine';
import { memberBatch, ownedPartitions } from './engineAccessLog';
import type { Flight } from './flights';

/** Dots at most per partition for one poll's batch. */
const TRAIN = 5;

export interface LogTrips {
  /** Trips an event starts: a record's append, a poll's batch, a commit. */
  onEvent(e: SimEvent): Flight[];
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

  const appended = (e: SimEvent & { type: 'recordAppended' }): Flight[] => {
    const link = linkUs();
    const from = e.writer ?? outputWriter.get(e.topic);
    if (link <= 0 || !from) return [];
    const departUs = e.atUs - link;
    return [
      {
        msgId: null,
        originId: e.originId,
        from,
        to: port(e.topic, e.partition),
        departUs,
        arriveUs: departUs + Math.max(link, hopUs()),
        state: 'new',
      },
    ];
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
      if (e.type === 'recordAppended') return appended(e);
      if (e.type === 'recordsPolled') return polled(e);
      if (e.type === 'offsetsCommitted') return committed(e);
      return [];
    },
  };
}
