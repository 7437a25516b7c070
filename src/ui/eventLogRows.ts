/** Filtering and wording of event log rows (pure functions, for EventLog.tsx). */
import type { SimEvent } from '../engine';
import { concernsMessage, nodesOf, type MessageSelection } from '../store';
import { describeEvent } from '../store/serviceWords';

export interface LogFilter {
  /** Event type, or '' for all. */
  type: string;
  /** Node id, or '' for all. */
  node: string;
}

export function filterEvents(
  events: readonly SimEvent[],
  filter: LogFilter,
  nodeIds: ReadonlySet<string>,
): readonly SimEvent[] {
  if (filter.type === '' && filter.node === '') return events;
  return events.filter(
    (e) =>
      (filter.type === '' || e.type === filter.type) &&
      (filter.node === '' || nodesOf(e, nodeIds).includes(filter.node)),
  );
}

/** Event types present in the log (sorted), so the filter offers every type the engine emits. */
export function typesIn(events: readonly SimEvent[], keep: string): string[] {
  const types = new Set<string>();
  for (const e of events) types.add(e.type);
  if (keep) types.add(keep);
  return [...types].sort();
}

export const isSelected = (e: SimEvent, sel: MessageSelection | null): boolean =>
  sel !== null && concernsMessage(e, sel.msgId, sel.originId);

export const rowDetail = (e: SimEvent): string => describeEvent(e);
