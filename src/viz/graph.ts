/**
 * The graph a scenario describes, read generically: any field of a node whose value names another
 * node (`to`, `from`, `deadLetterTo`, `bindings[].queue`, ...) is an edge. So node kinds and
 * fields the engine adds later (exchanges, dead-letter queues, brokers) show up without a table
 * of which field links what. `from` is the one field that points backwards (consumer ← queue).
 */
import type { Scenario } from '../engine';

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  /** Index in scenario.nodes (and so in the engine's node arrays). */
  node: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The field that made the edge (`to`, `deadLetterTo`, ...), for styling. */
  field: string;
}

/**
 * Fields that hold words, never node ids, at any depth: a service's effect name ("payment" may
 * also be a service's id), routing and binding keys, labels.
 */
const SKIP = new Set(['id', 'kind', 'label', 'description', 'effect', 'routingKey', 'key']);
const BACKWARD = new Set(['from']);

function collect(value: unknown, ids: ReadonlySet<string>, out: string[], depth: number): void {
  if (typeof value === 'string') {
    if (ids.has(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, ids, out, depth);
  } else if (value && typeof value === 'object' && depth < 2) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (!SKIP.has(k)) collect(v, ids, out, depth + 1);
  }
}

export function readGraph(scenario: Scenario): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const raw = scenario.nodes as readonly Readonly<Record<string, unknown>>[];
  const ids = new Set(raw.map((n) => String(n.id)));
  const nodes = raw.map((n, node) => ({
    id: String(n.id),
    label: typeof n.label === 'string' ? n.label : String(n.id),
    kind: String(n.kind),
    node,
  }));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  raw.forEach((n) => {
    const self = String(n.id);
    for (const [field, value] of Object.entries(n)) {
      if (SKIP.has(field)) continue;
      const found: string[] = [];
      collect(value, ids, found, 0);
      for (const other of found) {
        if (other === self) continue;
        const [from, to] = BACKWARD.has(field) ? [other, self] : [self, other];
        const key = `${from}\u2192${to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from, to, field });
      }
    }
  });
  return { nodes, edges };
}

/**
 * Columns by longest path from the sources (producers end up left, consumers right), ignoring
 * edges that close a cycle (a redrive from a dead-letter queue back to its source).
 */
export function rankNodes(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Map<string, number> {
  const out = new Map<string, GraphEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const hasIncoming = new Set(edges.map((e) => e.to));
  const visit = (id: string, r: number) => {
    if (visiting.has(id) || (rank.get(id) ?? -1) >= r) return;
    rank.set(id, r);
    visiting.add(id);
    for (const e of out.get(id) ?? []) visit(e.to, r + 1);
    visiting.delete(id);
  };
  for (const n of nodes) if (!hasIncoming.has(n.id)) visit(n.id, 0);
  for (const n of nodes) if (!rank.has(n.id)) visit(n.id, 0);
  return rank;
}
