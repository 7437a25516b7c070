/**
 * Consumer ids in inputs, once inputs can add and remove consumers (consumerAdded,
 * consumerRemoved): an input may name a consumer the scenario declares or one an earlier input
 * added, but not one already removed. Validation walks the inputs in the order the engine applies
 * them and keeps the ids added and removed so far here.
 */
import type { Scenario } from './scenarioSchema';

export interface ConsumerIds {
  added: Set<string>;
  removed: Set<string>;
}

/** Consumers a run can gain from inputs (each adds state, a node and a drawing). */
export const MAX_ADDED_CONSUMERS = 256;

export const newConsumerIds = (): ConsumerIds => ({ added: new Set(), removed: new Set() });

/** A wrong-kind or unknown-id message in the caller's style (field path, id, kind found). */
export type KindError = (field: string, id: string, found: string | undefined) => string;

export interface ConsumerIdCheck {
  errors: string[];
  /** Record what the input adds or removes (call only once the whole input is accepted). */
  record(): void;
}

const q = (id: string) => JSON.stringify(id);

/**
 * Check an input's `consumerId` (and `like`) against the scenario's kinds and the ids added and
 * removed so far. Inputs without a consumerId pass.
 */
export function checkConsumerIds(
  input: Readonly<Record<string, unknown>>,
  kindOf: (id: string) => string | undefined,
  ids: ConsumerIds,
  at: string,
  kindError: KindError,
): ConsumerIdCheck {
  const id = input.consumerId;
  const none = { errors: [], record() {} };
  if (typeof id !== 'string') return none;
  const isConsumer = (x: string) => ids.added.has(x) || kindOf(x) === 'consumer';
  if (input.type === 'consumerAdded') {
    const errors: string[] = [];
    if (kindOf(id) !== undefined)
      errors.push(`${at}.consumerId: ${q(id)} is already a node of the scenario; use a new id`);
    else if (ids.added.has(id))
      errors.push(`${at}.consumerId: ${q(id)} was already added by an earlier input`);
    else if (ids.added.size >= MAX_ADDED_CONSUMERS)
      errors.push(`${at}: a run can add at most ${MAX_ADDED_CONSUMERS} consumers`);
    const like = input.like;
    if (typeof like === 'string' && !isConsumer(like))
      errors.push(kindError(`${at}.like`, like, kindOf(like)));
    return { errors, record: () => ids.added.add(id) };
  }
  if (!isConsumer(id))
    return { errors: [kindError(`${at}.consumerId`, id, kindOf(id))], record() {} };
  if (ids.removed.has(id))
    return {
      errors: [`${at}.consumerId: ${q(id)} was removed by an earlier input`],
      record() {},
    };
  return {
    errors: [],
    record: () => {
      if (input.type === 'consumerRemoved') ids.removed.add(id);
    },
  };
}

/** Fold one input (already valid) into the ids. */
function fold(ids: ConsumerIds, input: unknown): void {
  const i = input as Record<string, unknown> | null;
  if (typeof i?.consumerId !== 'string') return;
  if (i.type === 'consumerAdded') ids.added.add(i.consumerId);
  if (i.type === 'consumerRemoved') ids.removed.add(i.consumerId);
}

const toUs = (ms: number) => Math.round(ms * 1000);

export const tickUsOf = (scenario: Scenario) => Math.max(1, toUs(scenario.tickMs ?? 10));

/** The scenario's scheduled inputs in the order they run (time, then their order in the list). */
export function scheduleInOrder(scenario: Scenario): { us: number; input: unknown }[] {
  return (scenario.schedule ?? [])
    .map((s, i) => ({ us: toUs(s.atMs), i, input: s.input as unknown }))
    .sort((a, b) => a.us - b.us || a.i - b.i);
}

/**
 * The consumer ids known to an input given at `tick` after the timeline entries at or before
 * it: what the schedule and those entries added and removed. For the page, which appends an
 * input to the timeline at the current tick.
 */
export function consumerIdsAt(
  scenario: Scenario,
  timeline: readonly { tick: number; input: unknown }[],
  tick: number,
): ConsumerIds {
  const tickUs = tickUsOf(scenario);
  const events = [
    ...(scenario.schedule ?? []).map((s, i) => ({ us: toUs(s.atMs), rank: 1, i, input: s.input })),
    ...timeline.map((e, i) => ({ us: e.tick * tickUs, rank: 0, i, input: e.input })),
  ]
    .filter((e) => (e.rank === 0 ? e.us <= tick * tickUs : e.us < tick * tickUs))
    .sort((a, b) => a.us - b.us || a.rank - b.rank || a.i - b.i);
  const ids = newConsumerIds();
  for (const e of events) fold(ids, e.input);
  return ids;
}

export { fold as foldConsumerIds };
