/**
 * What the inspector lets a user do to a node, by node kind: each action builds an engine input
 * (validated by the store with the engine's schema before it joins the timeline). Only actions
 * whose input type the engine lists in INPUT_TYPES are offered, so the table can run ahead of
 * the engine, and a new input type is one row here.
 */
import { INPUT_TYPES } from '../engine';
import type { ReportEntry } from '../viz/nodeStats';

export interface ButtonAction {
  kind: 'button';
  id: string;
  label: string;
  type: string;
  /** Offered only when this holds for the node's report entry. */
  when(e: ReportEntry): boolean;
  input(nodeId: string): unknown;
}

export interface NumberAction {
  kind: 'number';
  id: string;
  label: string;
  type: string;
  value(e: ReportEntry): number | undefined;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  input(nodeId: string, value: number): unknown;
}

export type NodeAction = ButtonAction | NumberAction;

const num = (e: ReportEntry, key: string) =>
  typeof e[key] === 'number' ? (e[key] as number) : undefined;

const TABLE: Readonly<Record<string, readonly NodeAction[]>> = {
  producer: [
    {
      kind: 'button',
      id: 'pause',
      label: 'Pause producer',
      type: 'producerPaused',
      when: (e) => e.paused !== true,
      input: (producerId) => ({ type: 'producerPaused', producerId }),
    },
    {
      kind: 'button',
      id: 'resume',
      label: 'Resume producer',
      type: 'producerResumed',
      when: (e) => e.paused === true,
      input: (producerId) => ({ type: 'producerResumed', producerId }),
    },
    {
      kind: 'number',
      id: 'rate',
      label: 'Rate (messages per second)',
      type: 'rateChanged',
      value: (e) => num(e, 'ratePerSec'),
      min: 0.001,
      max: 1_000_000,
      integer: false,
      input: (producerId, ratePerSec) => ({ type: 'rateChanged', producerId, ratePerSec }),
    },
  ],
  consumer: [
    {
      kind: 'button',
      id: 'crash',
      label: 'Crash consumer',
      type: 'consumerCrashed',
      when: (e) => e.up !== false,
      input: (consumerId) => ({ type: 'consumerCrashed', consumerId }),
    },
    {
      kind: 'button',
      id: 'restart',
      label: 'Restart consumer',
      type: 'consumerRestarted',
      when: (e) => e.up === false,
      input: (consumerId) => ({ type: 'consumerRestarted', consumerId }),
    },
    {
      kind: 'number',
      id: 'concurrency',
      label: 'Concurrency (workers)',
      type: 'concurrencyChanged',
      value: (e) => num(e, 'concurrency'),
      min: 1,
      max: 1000,
      integer: true,
      input: (consumerId, concurrency) => ({ type: 'concurrencyChanged', consumerId, concurrency }),
    },
  ],
};

const SUPPORTED = new Set<string>(INPUT_TYPES);

export function actionsFor(kind: string): NodeAction[] {
  return (TABLE[kind] ?? []).filter((a) => SUPPORTED.has(a.type));
}
