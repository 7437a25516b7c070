/**
 * The edges of a consumer the run adds or removes (addedConsumers.ts) drawn like the node: an
 * edge into or out of a removed consumer is greyed and dashed ("removed"), one of a consumer not
 * added yet is faint ("absent"). A link that carries nothing any more should not look like one
 * that does; the dash says it without colour (CSS: topology.css, `.edge.is-removed`).
 *
 * Edges are indexed by their ends once; update() is called for every node on every frame and
 * touches the DOM only when a node's state changes (seeking back before the removal draws the
 * edges live again, as it does the node).
 */
import type { Edge } from './layout';

export type ScaleState = 'removed' | 'absent' | null;

export interface ScaledEdges {
  /** The node's state now; its edges' classes follow when it changed. */
  update(nodeId: string, state: ScaleState): void;
}

export function createScaledEdges(
  edges: readonly Edge[],
  elementsOf: (key: string) => readonly Element[],
): ScaledEdges {
  const byNode = new Map<string, Edge[]>();
  for (const e of edges)
    for (const end of [e.from, e.to]) {
      const list = byNode.get(end) ?? [];
      list.push(e);
      byNode.set(end, list);
    }
  const states = new Map<string, ScaleState>();
  const stateOf = (id: string) => states.get(id) ?? null;
  return {
    update(nodeId, state) {
      if (stateOf(nodeId) === state) return;
      states.set(nodeId, state);
      for (const e of byNode.get(nodeId) ?? []) {
        // Either end decides: removed wins over absent.
        const ends = [stateOf(e.from), stateOf(e.to)];
        const edgeState = ends.includes('removed')
          ? 'removed'
          : ends.includes('absent')
            ? 'absent'
            : null;
        for (const el of elementsOf(e.key)) {
          el.classList.toggle('is-removed', edgeState === 'removed');
          el.classList.toggle('is-absent', edgeState === 'absent');
        }
      }
    },
  };
}
