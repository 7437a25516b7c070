/**
 * Scaling consumers from the inspector (issue 6): on a queue consumer or a group member, add a
 * consumer with its settings (the new id is the first free one after it: worker-2 → worker-3)
 * and remove this one. Joined into the table with the other action tables (nodeActions.ts).
 */
import { nextConsumerId } from '../viz/addedConsumers';
import type { ActionContext, NodeAction } from './nodeActions';

/** Ids in use: the scenario the page shows already holds the consumers the run adds. */
const taken = (c: ActionContext) => new Set(c.scenario.nodes.map((n) => n.id));

const live = (c: ActionContext) => c.entry.removed !== true;

const SCALE: readonly NodeAction[] = [
  {
    kind: 'button',
    id: 'addLike',
    label: 'Add a consumer like this one',
    type: 'consumerAdded',
    when: live,
    input: (c) => ({
      type: 'consumerAdded',
      consumerId: nextConsumerId(c.nodeId, taken(c)),
      like: c.nodeId,
    }),
  },
  {
    kind: 'button',
    id: 'remove',
    label: 'Remove this consumer',
    type: 'consumerRemoved',
    when: live,
    input: (c) => ({ type: 'consumerRemoved', consumerId: c.nodeId }),
  },
];

export const SCALE_ACTIONS: Readonly<Record<string, readonly NodeAction[]>> = {
  consumer: SCALE,
  member: SCALE,
};
