/**
 * What the inspector lets a user do to a node, by node kind (actionTable.ts): each action builds
 * an engine input, which the store validates with the engine's schema before it joins the
 * timeline. Only actions whose input type the engine lists in INPUT_TYPES are offered, so the
 * table can run ahead of the engine, and a new input type is one row.
 *
 * Three forms: a button (crash, restart, send a poison message), a number applied on Enter or
 * with its button (rate, prefetch, failure rate), and a small form with choices (crash at a
 * chosen moment with an optional restart, ack mode, redrive target).
 */
import { INPUT_TYPES, type Scenario } from '../engine';
import type { ReportEntry } from '../viz/nodeStats';
import { ACTIONS } from './actionTable';
import { LOG_ACTIONS } from './actionTableLog';
import { SETTINGS_ACTIONS } from './actionTableSettings';
import { SCALE_ACTIONS } from './actionTableScale';

/** What an action may look at: the node's report entry plus facts the report does not have. */
export interface ActionContext {
  nodeId: string;
  scenario: Scenario;
  entry: ReportEntry;
  /** Extra facts by name (a consumer's failure rate, whether a queue is a DLQ, ...). */
  facts: Readonly<Record<string, unknown>>;
}

export interface ButtonAction {
  kind: 'button';
  id: string;
  label: string;
  type: string;
  /** Offered only when this holds. */
  when(c: ActionContext): boolean;
  input(c: ActionContext): unknown;
}

export interface NumberAction {
  kind: 'number';
  id: string;
  label: string;
  type: string;
  value(c: ActionContext): number | undefined;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
  input(nodeId: string, value: number): unknown;
}

export interface Choice {
  value: string;
  label: string;
}

export type FormField =
  | { kind: 'select'; id: string; label: string; options(c: ActionContext): Choice[] }
  | { kind: 'number'; id: string; label: string; min: number; max: number; hint: string };

export interface FormAction {
  kind: 'form';
  id: string;
  /** The submit button's words. */
  label: string;
  type: string;
  when(c: ActionContext): boolean;
  fields: readonly FormField[];
  /** Initial values of the fields (select: an option's value; number: '' for none). */
  initial(c: ActionContext): Record<string, string>;
  /** A line on the setting as it is now ("Now: ..."), or null. */
  note?(c: ActionContext): string | null;
  /** A line on what the values chosen would do, shown under the fields as they change. */
  explain?(values: Readonly<Record<string, string>>): string;
  input(c: ActionContext, values: Readonly<Record<string, string>>): unknown;
}

export type NodeAction = ButtonAction | NumberAction | FormAction;

const SUPPORTED = new Set<string>(INPUT_TYPES);
type Table = Readonly<Record<string, readonly NodeAction[]>>;

/** Tables by node kind joined: a kind in several keeps the actions of each, in order. */
function join(...tables: Table[]): Table {
  const out: Record<string, NodeAction[]> = {};
  for (const t of tables)
    for (const [kind, list] of Object.entries(t)) out[kind] = [...(out[kind] ?? []), ...list];
  return out;
}

const TABLE = join(ACTIONS, LOG_ACTIONS, SETTINGS_ACTIONS, SCALE_ACTIONS);

export function actionsFor(kind: string): NodeAction[] {
  return (TABLE[kind] ?? []).filter((a) => SUPPORTED.has(a.type));
}
