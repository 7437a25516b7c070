/** Building the log broker's state from a validated scenario: topics, log producers, groups, members. */
import { compileDist } from './distributions';
import { EV } from './eventKinds';
import { createHistogram } from './histogram';
import { createLatencySeries, latencyPeriodUs } from './latencySeries';
import { createPartition } from './logPartition';
import { schedulePoll } from './logMember';
import { withGuarantee } from './guarantees';
import { addStream } from './rng';
import type { ConsumerNode, Scenario, TopicNode } from './scenarioSchema';
import { createSeries } from './series';
import { schedule } from './sim';
import {
  CrashPoint,
  type GroupState,
  type LogState,
  type MemberState,
  type SimState,
  type TopicState,
} from './state';

const toUs = (ms: number) => Math.round(ms * 1000);

/** Kafka defaults (K5, K6, K8, K9, K14). */
export const LOG_DEFAULTS = {
  sessionTimeoutMs: 45_000,
  maxPollIntervalMs: 300_000,
  autoCommitIntervalMs: 5_000,
  maxPollRecords: 500,
  rebalancePauseMs: 3_000,
  requestTimeoutMs: 30_000,
  retries: 5,
  maxInFlight: 5,
  recordBytes: 100,
  segmentRecords: 1000,
  deleteRetentionMs: 24 * 3600 * 1000,
  retentionCheckMs: 1000,
  replicationMs: 2,
  transactionCommitMs: 10,
} as const;

export function emptyLog(): LogState {
  return {
    brokersUp: [],
    keys: [],
    keyIndex: {},
    topics: [],
    producers: [],
    producerLog: [],
    sends: [],
    freeSends: [],
    groups: [],
    members: [],
    nextToken: 1,
    retentionCheckUs: 0,
  };
}

export function keyId(log: LogState, key: string): number {
  const known = log.keyIndex[key];
  if (known !== undefined) return known;
  log.keys.push(key);
  log.keyIndex[key] = log.keys.length - 1;
  return log.keys.length - 1;
}

function compileTopic(n: TopicNode, node: number, brokers: number): TopicState {
  const rf = Math.min(n.replicationFactor ?? 1, brokers);
  const partitions = n.partitions ?? 1;
  return {
    node,
    parts: Array.from({ length: partitions }, (_, p) =>
      createPartition(Array.from({ length: rf }, (_, i) => (p + i) % brokers)),
    ),
    rf,
    minIsr: n.minInsyncReplicas ?? 1,
    replicationUs: toUs(n.replicationMs ?? LOG_DEFAULTS.replicationMs),
    unclean: n.uncleanLeaderElection ?? false,
    compact: n.cleanupPolicy === 'compact',
    retentionUs: n.retentionMs === undefined ? 0 : toUs(n.retentionMs),
    retentionBytes: n.retentionBytes ?? 0,
    segmentRecords: n.segmentRecords ?? LOG_DEFAULTS.segmentRecords,
    deleteRetentionUs: toUs(n.deleteRetentionMs ?? LOG_DEFAULTS.deleteRetentionMs),
    stats: {
      appended: 0,
      duplicatesDropped: 0,
      notEnoughReplicas: 0,
      offline: 0,
      deletedByRetention: 0,
      compactedAway: 0,
      truncated: 0,
      ackedLost: 0,
      outOfOrder: 0,
    },
  };
}

function compileMember(
  n: ConsumerNode,
  node: number,
  group: number,
  seed: number,
  rng: number[],
): MemberState {
  return {
    node,
    svc: -1,
    slowdown: 1,
    group,
    up: true,
    joined: false,
    service: compileDist(n.service),
    stream: addStream(rng, seed, `service:${n.id}`),
    failStream: addStream(rng, seed, `failure:${n.id}`),
    failureP: 0,
    commit: n.commit ?? 'auto',
    autoCommitUs: toUs(n.autoCommitIntervalMs ?? LOG_DEFAULTS.autoCommitIntervalMs),
    lastAutoCommitUs: 0,
    maxPoll: n.maxPollRecords ?? LOG_DEFAULTS.maxPollRecords,
    readCommitted: n.isolation === 'read_committed',
    sessionUs: toUs(n.sessionTimeoutMs ?? LOG_DEFAULTS.sessionTimeoutMs),
    maxPollIntervalUs: toUs(n.maxPollIntervalMs ?? LOG_DEFAULTS.maxPollIntervalMs),
    lastPollUs: 0,
    position: [],
    ...freshMemberRun(),
    outTopic: -1,
    transactional: n.output?.transactional ?? false,
    txnCommitUs: toUs(n.transactionCommitMs ?? LOG_DEFAULTS.transactionCommitMs),
    txn: 0,
    txnParts: [],
    stats: newMemberStats(),
  };
}

/** Fill st.log from the scenario (after producers and templates are compiled). */
export function attachLog(
  st: SimState,
  scenario: Scenario,
  seed: number,
  seriesPeriodUs: number,
): void {
  const log = st.log;
  const maxRf = Math.max(
    1,
    ...scenario.nodes.map((n) => (n.kind === 'topic' ? (n.replicationFactor ?? 1) : 1)),
  );
  log.brokersUp = Array.from({ length: scenario.logBrokers ?? maxRf }, () => true);
  const topicIndexOf = (id: string) => st.nodeIndex[st.nodeIds.indexOf(id)]!;
  scenario.nodes.forEach((n, node) => {
    if (n.kind === 'topic') log.topics.push(compileTopic(n, node, log.brokersUp.length));
  });
  log.producerLog = st.producers.map(() => -1);
  st.producers.forEach((prod, pi) => {
    if (st.nodeKinds[prod.target] !== 'topic') return;
    const spec = scenario.nodes[prod.node]!;
    // A service publishing to a topic writes with the defaults (acks=all, idempotent).
    const n = spec.kind === 'producer' ? spec : undefined;
    for (const t of st.templates[pi]!) t.keyId = -1;
    (n?.templates ?? []).forEach((t, i) => {
      if ('key' in t && t.key !== undefined) st.templates[pi]![i]!.keyId = keyId(log, t.key);
    });
    const topic = st.nodeIndex[prod.target]!;
    log.producerLog[pi] = log.producers.length;
    log.producers.push({
      producer: pi,
      topic,
      acks: n?.acks === 'all' || n?.acks === undefined ? -1 : n.acks,
      // Kafka 3.0+: idempotent by default, unless acks is set below all (K11).
      idempotent: n?.idempotent ?? (n?.acks === undefined || n.acks === 'all'),
      retries: n?.retries ?? LOG_DEFAULTS.retries,
      requestTimeoutUs: toUs(n?.requestTimeoutMs ?? LOG_DEFAULTS.requestTimeoutMs),
      maxInFlight: n?.maxInFlight ?? LOG_DEFAULTS.maxInFlight,
      lostResponses: n?.lostResponses ?? 0,
      recordBytes: n?.recordBytes ?? LOG_DEFAULTS.recordBytes,
      keyIds: Array.from({ length: n?.keys?.count ?? 0 }, (_, i) =>
        keyId(log, `${n?.keys?.prefix ?? 'key-'}${i}`),
      ),
      keyStream: addStream(st.rng, seed, `key:${st.nodeIds[prod.node]!}`),
      respStream: addStream(st.rng, seed, `response:${st.nodeIds[prod.node]!}`),
      nextSeq: log.topics[topic]!.parts.map(() => 0),
      rr: 0,
      inFlight: 0,
      backlog: [],
      stats: {
        sent: 0,
        acked: 0,
        failed: 0,
        retries: 0,
        lostResponses: 0,
        ackLatency: createHistogram(),
      },
    });
  });
  const groupIndex = new Map<string, number>();
  scenario.nodes.forEach((spec, node) => {
    const fromTopic =
      (spec.kind === 'consumer' && st.nodeKinds[node] === 'member') ||
      (spec.kind === 'service' &&
        spec.from !== undefined &&
        st.nodeKinds[st.nodeIds.indexOf(spec.from)] === 'topic');
    if (!fromTopic) return;
    // A service's consuming side is a member of its own group, committing after processing.
    const n: ConsumerNode =
      spec.kind === 'consumer'
        ? withGuarantee(spec, true)
        : {
            id: spec.id,
            kind: 'consumer',
            from: spec.from!,
            service: spec.service,
            commit: 'after',
            ...(spec.idempotent ? { idempotent: spec.idempotent } : {}),
          };
    const topic = topicIndexOf(n.from);
    const name = n.group ?? n.id;
    let gi = groupIndex.get(name);
    if (gi === undefined) {
      gi = log.groups.length;
      groupIndex.set(name, gi);
      const parts = log.topics[topic]!.parts.length;
      const g: GroupState = {
        id: name,
        topic,
        members: [],
        generation: 0,
        owner: new Array<number>(parts).fill(-1),
        committed: new Array<number>(parts).fill(-1),
        from: new Array<number>(parts).fill(-1),
        pausedUntilUs: new Array<number>(parts).fill(0),
        rebalances: 0,
        assignor: n.assignor ?? 'range',
        pauseUs: toUs(n.rebalancePauseMs ?? LOG_DEFAULTS.rebalancePauseMs),
        reset: n.autoOffsetReset ?? 'latest',
        effects: {},
        dedup: null,
        skipped: 0,
        commitFailed: 0,
        final: { exactlyOnce: 0, duplicated: 0, extraEffects: 0, lost: 0 },
        stats: {
          processed: 0,
          latency: createHistogram(),
          lagSeries: createSeries(true, seriesPeriodUs),
          processedSeries: createSeries(false, seriesPeriodUs),
          latencySeries: createLatencySeries(latencyPeriodUs(st.tickUs, st.endTick)),
        },
      };
      log.groups.push(g);
    }
    const mi = log.members.length;
    const m = compileMember(n, node, gi, seed, st.rng);
    if (spec.kind === 'service') {
      m.svc = st.nodeIndex[node]!;
      st.services[m.svc]!.member = mi;
    }
    if (n.output) m.outTopic = topicIndexOf(n.output.to);
    m.position = new Array<number>(log.topics[topic]!.parts.length).fill(-1);
    log.members.push(m);
    log.groups[gi]!.members.push(mi);
    // The processed-ids table lives in the business database: one for the whole group.
    if (n.idempotent) log.groups[gi]!.dedup = {};
  });
  if (log.topics.some((t) => t.retentionUs > 0 || t.retentionBytes > 0 || t.compact))
    log.retentionCheckUs = toUs(LOG_DEFAULTS.retentionCheckMs);
}

/** Initial membership: members without a start time are in their group from t = 0. */
export function startLog(st: SimState, startMsOf: (node: number) => number): void {
  const log = st.log;
  log.members.forEach((m, mi) => {
    const startMs = startMsOf(m.node);
    if (startMs > 0) schedule(st, toUs(startMs), EV.MemberJoin, mi);
    else {
      m.joined = true;
      // The first poll at start fixes its position (latest = 0 on an empty log).
      m.idle = false;
      schedulePoll(st, mi, 0);
    }
  });
  log.groups.forEach((g) => {
    // The first assignment of a group formed at start costs no pause.
    const live = g.members.filter((mi) => log.members[mi]!.joined);
    const parts = g.owner.length;
    live.sort((a, b) =>
      st.nodeIds[log.members[a]!.node]! < st.nodeIds[log.members[b]!.node]! ? -1 : 1,
    );
    const per = Math.floor(parts / Math.max(1, live.length));
    const extra = parts % Math.max(1, live.length);
    let p = 0;
    live.forEach((mi, i) => {
      for (let k = 0; k < per + (i < extra ? 1 : 0); k++) g.owner[p++] = mi;
    });
    if (live.length > 0) g.generation = 1;
  });
  if (log.retentionCheckUs > 0) schedule(st, log.retentionCheckUs, EV.LogRetention, 0);
}

/** A group member's counters at its start (declared in the scenario, or added by an input). */
export function newMemberStats(): MemberState['stats'] {
  return {
    polls: 0,
    processed: 0,
    effects: 0,
    duplicatesSkipped: 0,
    commits: 0,
    evictions: 0,
    busyUs: 0,
    outputs: 0,
    txnCommitted: 0,
    txnAborted: 0,
  };
}

/** A member's state of work at its start: no batch, no armed crash (declared or added). */
export function freshMemberRun() {
  return {
    batchPart: [] as number[],
    batchOff: [] as number[],
    batchAt: -1,
    token: 0,
    idle: true,
    rr: 0,
    crashWindow: CrashPoint.None,
    crashRestartUs: 0,
    removed: false,
  };
}
