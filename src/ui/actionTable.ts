/**
 * The inspector's actions by node kind (see nodeActions.ts for what each form means). Every
 * input type of the engine is reachable from here: producers (pause, resume, rate, poison),
 * consumers (crash at a chosen moment with an optional restart, restart, concurrency, prefetch,
 * ack mode, failure rate), the broker (crash with an optional restart, restart), dead-letter
 * queues (redrive) and services (take down for a while or until brought up, slow down by a
 * factor, bring up, failure rate).
 */
import type { Scenario } from '../engine';
import { hasBrokerNode } from '../viz/scenarioFacts';
import { crashAndRestart, RESTART_FIELD, restartOf } from './actionCrash';
import type { ActionContext, Choice, FormField, NodeAction, NumberAction } from './nodeActions';

const num = (c: ActionContext, key: string) =>
  typeof c.entry[key] === 'number' ? (c.entry[key] as number) : undefined;

const up = (c: ActionContext) => c.entry.up !== false;

function numberAction(
  id: string,
  label: string,
  type: string,
  field: string,
  range: [number, number, boolean],
  value: (c: ActionContext) => number | undefined,
  idKey: string,
): NumberAction {
  const [min, max, integer] = range;
  return {
    kind: 'number',
    id,
    label,
    type,
    value,
    min,
    max,
    integer,
    input: (nodeId, v) => ({ type, [idKey]: nodeId, [field]: v }),
  };
}

const WINDOW_WORDS: Readonly<Record<string, string>> = {
  now: 'now',
  afterReceive: 'after it next receives a message',
  afterEffect: 'after its next effect, before the ack',
  afterAck: 'after its next ack',
};

const FOR_FIELD: FormField = {
  kind: 'number',
  id: 'forMs',
  label: 'For (ms)',
  min: 1,
  max: 24 * 3600 * 1000,
  hint: 'until brought up',
};

/** The optional duration of a service state change, as the input's field. */
const forOf = (v: Readonly<Record<string, string>>) =>
  v.forMs?.trim() ? { forMs: Number(v.forMs) } : {};

/** The service's slow-down factor when the user leaves the field empty (the engine's default). */
const slowFactorOf = (c: ActionContext) => {
  const n = c.scenario.nodes.find((x) => x.id === c.nodeId);
  return n?.kind === 'service' ? (n.slowFactor ?? 10) : 10;
};

const serviceState = (c: ActionContext) =>
  typeof c.entry.state === 'string' ? c.entry.state : 'up';

/** The broker's id field: only a broker the scenario declares may be named in an input. */
const brokerField = (s: Scenario, id: string) => (hasBrokerNode(s) ? { brokerId: id } : {});

/** Queues a DLQ can send its messages back to ('' = where each one came from). */
function redriveTargets(c: ActionContext): Choice[] {
  const sources = Array.isArray(c.facts.deadLetterSources)
    ? (c.facts.deadLetterSources as string[])
    : [];
  const others = c.scenario.nodes
    .filter((n) => n.kind === 'queue' && n.id !== c.nodeId && !sources.includes(n.id))
    .map((n) => n.id);
  return [
    { value: '', label: 'where each came from' },
    ...[...sources, ...others].map((id) => ({ value: id, label: id })),
  ];
}

export const ACTIONS: Readonly<Record<string, readonly NodeAction[]>> = {
  producer: [
    {
      kind: 'button',
      id: 'pause',
      label: 'Pause producer',
      type: 'producerPaused',
      when: (c) => c.entry.paused !== true,
      input: (c) => ({ type: 'producerPaused', producerId: c.nodeId }),
    },
    {
      kind: 'button',
      id: 'resume',
      label: 'Resume producer',
      type: 'producerResumed',
      when: (c) => c.entry.paused === true,
      input: (c) => ({ type: 'producerResumed', producerId: c.nodeId }),
    },
    {
      kind: 'button',
      id: 'poison',
      label: 'Send a poison message',
      type: 'poisonPublished',
      when: () => true,
      input: (c) => ({ type: 'poisonPublished', producerId: c.nodeId }),
    },
    numberAction(
      'rate',
      'Rate (messages per second)',
      'rateChanged',
      'ratePerSec',
      [0.001, 1_000_000, false],
      (c) => num(c, 'ratePerSec'),
      'producerId',
    ),
  ],
  consumer: [
    ...crashAndRestart('consumer', WINDOW_WORDS, up),
    numberAction(
      'concurrency',
      'Concurrency (workers)',
      'concurrencyChanged',
      'concurrency',
      [1, 1000, true],
      (c) => num(c, 'concurrency'),
      'consumerId',
    ),
    numberAction(
      'prefetch',
      'Prefetch per worker (0 = unlimited)',
      'prefetchChanged',
      'prefetch',
      [0, 10_000, true],
      (c) => num(c, 'prefetch'),
      'consumerId',
    ),
    numberAction(
      'failureRate',
      'Failure probability (0–1)',
      'failureRateChanged',
      'probability',
      [0, 1, false],
      (c) => (typeof c.facts.failureRate === 'number' ? c.facts.failureRate : undefined),
      'consumerId',
    ),
    {
      kind: 'form',
      id: 'ackMode',
      label: 'Apply ack mode',
      type: 'ackModeChanged',
      when: () => true,
      fields: [
        {
          kind: 'select',
          id: 'ackMode',
          label: 'Ack mode',
          options: () => [
            { value: 'manual', label: 'manual (ack after processing)' },
            { value: 'auto', label: 'auto (forgotten when sent)' },
          ],
        },
      ],
      initial: (c) => ({ ackMode: c.entry.ackMode === 'auto' ? 'auto' : 'manual' }),
      input: (c, v) => ({ type: 'ackModeChanged', consumerId: c.nodeId, ackMode: v.ackMode }),
    },
  ],
  broker: [
    {
      kind: 'form',
      id: 'crash',
      label: 'Crash broker',
      type: 'brokerCrashed',
      when: up,
      fields: [RESTART_FIELD],
      initial: () => ({ restartAfterMs: '' }),
      input: (c, v) => ({
        type: 'brokerCrashed',
        ...brokerField(c.scenario, c.nodeId),
        ...restartOf(v),
      }),
    },
    {
      kind: 'button',
      id: 'restart',
      label: 'Restart broker',
      type: 'brokerRestarted',
      when: (c) => !up(c),
      input: (c) => ({ type: 'brokerRestarted', ...brokerField(c.scenario, c.nodeId) }),
    },
  ],
  service: [
    {
      kind: 'form',
      id: 'takeDown',
      label: 'Take down',
      type: 'serviceStateChanged',
      when: (c) => serviceState(c) !== 'down',
      fields: [FOR_FIELD],
      initial: () => ({ forMs: '' }),
      input: (c, v) => ({
        type: 'serviceStateChanged',
        serviceId: c.nodeId,
        state: 'down',
        ...forOf(v),
      }),
    },
    {
      kind: 'button',
      id: 'bringUp',
      label: 'Bring up',
      type: 'serviceStateChanged',
      when: (c) => serviceState(c) !== 'up',
      input: (c) => ({ type: 'serviceStateChanged', serviceId: c.nodeId, state: 'up' }),
    },
    {
      kind: 'form',
      id: 'slowDown',
      label: 'Slow down',
      type: 'serviceStateChanged',
      when: () => true,
      fields: [
        {
          kind: 'number',
          id: 'factor',
          label: 'Work takes × (1–1000)',
          min: 1,
          max: 1000,
          hint: 'factor',
        },
        FOR_FIELD,
      ],
      initial: (c) => ({ factor: String(slowFactorOf(c)), forMs: '' }),
      input: (c, v) => ({
        type: 'serviceStateChanged',
        serviceId: c.nodeId,
        state: 'slow',
        ...(v.factor?.trim() ? { factor: Number(v.factor) } : {}),
        ...forOf(v),
      }),
    },
    numberAction(
      'failureRate',
      'Failure probability (0–1)',
      'serviceFailureRateChanged',
      'probability',
      [0, 1, false],
      (c) => (typeof c.facts.failureRate === 'number' ? c.facts.failureRate : undefined),
      'serviceId',
    ),
  ],
  queue: [
    {
      kind: 'form',
      id: 'redrive',
      label: 'Redrive dead letters',
      type: 'dlqRedriven',
      when: (c) => c.facts.dlq === true,
      fields: [{ kind: 'select', id: 'toQueueId', label: 'Send them to', options: redriveTargets }],
      initial: () => ({ toQueueId: '' }),
      input: (c, v) => ({
        type: 'dlqRedriven',
        queueId: c.nodeId,
        ...(v.toQueueId ? { toQueueId: v.toQueueId } : {}),
      }),
    },
  ],
};
