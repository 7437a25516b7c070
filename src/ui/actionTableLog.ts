/**
 * The inspector's actions on the log broker (issue 6), merged into actionTable.ts's ACTIONS:
 * a topic (pause or resume a partition, add partitions), a consumer group (seek to the
 * beginning, the end, a time or an offset: replay), a group member (crash now or at a chosen
 * moment of its next record, with an optional restart; restart) and the log brokers (crash one,
 * with an optional restart; restart one). Each is an engine input on the timeline.
 */
import { crashAndRestart, RESTART_FIELD, restartOf } from './actionCrash';
import type { ActionContext, Choice, NodeAction } from './nodeActions';

/** A member's crash moments in words (the engine's crash windows as they apply to a poll loop). */
const MEMBER_WINDOWS: Readonly<Record<string, string>> = {
  now: 'now',
  afterReceive: 'after its next poll',
  afterEffect: "after its next record's effect, before the commit",
  afterAck: 'after its next commit',
};

const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];

/** Partitions of the topic (facts.partitions: how many) that are paused or not (facts.paused). */
function partitionChoices(c: ActionContext, paused: boolean): Choice[] {
  const count = typeof c.facts.partitions === 'number' ? c.facts.partitions : 0;
  const isPaused = new Set(numbers(c.facts.paused));
  return Array.from({ length: count }, (_, p) => p)
    .filter((p) => isPaused.has(p) === paused)
    .map((p) => ({ value: String(p), label: `P${p}` }));
}

/** Log brokers (facts.brokersUp) that are up or down. */
function brokerChoices(c: ActionContext, up: boolean): Choice[] {
  const list = Array.isArray(c.facts.brokersUp) ? (c.facts.brokersUp as boolean[]) : [];
  return list.flatMap((u, b) => (u === up ? [{ value: String(b), label: `broker ${b}` }] : []));
}

const SEEK_TO: Choice[] = [
  { value: 'beginning', label: 'the beginning (replay everything kept)' },
  { value: 'end', label: 'the end (skip what is not read yet)' },
  { value: 'time', label: 'the records written at a time' },
  { value: 'offset', label: 'an offset (every partition)' },
];

export const LOG_ACTIONS: Readonly<Record<string, readonly NodeAction[]>> = {
  topic: [
    {
      kind: 'form',
      id: 'pausePartition',
      label: 'Pause partition',
      type: 'partitionPaused',
      when: (c) => partitionChoices(c, false).length > 0,
      fields: [
        {
          kind: 'select',
          id: 'partition',
          label: 'Partition',
          options: (c) => partitionChoices(c, false),
        },
      ],
      initial: (c) => ({ partition: partitionChoices(c, false)[0]?.value ?? '0' }),
      input: (c, v) => ({
        type: 'partitionPaused',
        topicId: c.nodeId,
        partition: Number(v.partition),
      }),
    },
    {
      kind: 'form',
      id: 'resumePartition',
      label: 'Resume partition',
      type: 'partitionResumed',
      when: (c) => partitionChoices(c, true).length > 0,
      fields: [
        {
          kind: 'select',
          id: 'partition',
          label: 'Paused partition',
          options: (c) => partitionChoices(c, true),
        },
      ],
      initial: (c) => ({ partition: partitionChoices(c, true)[0]?.value ?? '0' }),
      input: (c, v) => ({
        type: 'partitionResumed',
        topicId: c.nodeId,
        partition: Number(v.partition),
      }),
    },
    {
      kind: 'form',
      id: 'addPartitions',
      label: 'Add partitions',
      type: 'partitionsAdded',
      when: () => true,
      fields: [{ kind: 'number', id: 'count', label: 'How many', min: 1, max: 256, hint: 'count' }],
      initial: () => ({ count: '1' }),
      input: (c, v) => ({ type: 'partitionsAdded', topicId: c.nodeId, count: Number(v.count) }),
    },
  ],
  group: [
    {
      kind: 'form',
      id: 'seek',
      label: 'Seek the group',
      type: 'groupSeek',
      when: () => true,
      fields: [
        { kind: 'select', id: 'to', label: 'Move its offsets to', options: () => SEEK_TO },
        {
          kind: 'number',
          id: 'atS',
          label: 'Time (s), for "a time"',
          min: 0,
          max: 7 * 24 * 3600,
          hint: 'seconds',
        },
        {
          kind: 'number',
          id: 'offset',
          label: 'Offset, for "an offset"',
          min: 0,
          max: Number.MAX_SAFE_INTEGER,
          hint: 'offset',
        },
      ],
      initial: () => ({ to: 'beginning', atS: '', offset: '' }),
      input: (c, v) => ({
        type: 'groupSeek',
        groupId: c.nodeId,
        to: v.to,
        ...(v.to === 'time' ? { atMs: Number(v.atS || 0) * 1000 } : {}),
        ...(v.to === 'offset' ? { offset: Number(v.offset || 0) } : {}),
      }),
    },
  ],
  member: [...crashAndRestart('member', MEMBER_WINDOWS, (c) => c.entry.up !== false)],
  logCluster: [
    {
      kind: 'form',
      id: 'crashLogBroker',
      label: 'Crash log broker',
      type: 'logBrokerCrashed',
      when: (c) => brokerChoices(c, true).length > 0,
      fields: [
        { kind: 'select', id: 'broker', label: 'Broker', options: (c) => brokerChoices(c, true) },
        RESTART_FIELD,
      ],
      initial: (c) => ({ broker: brokerChoices(c, true)[0]?.value ?? '0', restartAfterMs: '' }),
      input: (_c, v) => ({ type: 'logBrokerCrashed', broker: Number(v.broker), ...restartOf(v) }),
    },
    {
      kind: 'form',
      id: 'restartLogBroker',
      label: 'Restart log broker',
      type: 'logBrokerRestarted',
      when: (c) => brokerChoices(c, false).length > 0,
      fields: [
        {
          kind: 'select',
          id: 'broker',
          label: 'Broker',
          options: (c) => brokerChoices(c, false),
        },
      ],
      initial: (c) => ({ broker: brokerChoices(c, false)[0]?.value ?? '0' }),
      input: (_c, v) => ({ type: 'logBrokerRestarted', broker: Number(v.broker) }),
    },
  ],
};
