/**
 * Columns of the topology, left to right as a message travels: producers, services that answer
 * requests before the broker (one column per step of a synchronous call chain), exchanges (one
 * column per step of an exchange chain, e.g. to an alternate exchange), queues, then consumers
 * and services that consume from a queue (and the services they call, one column per step).
 * Dead-letter queues (and dead-letter exchanges) stay in the queue column, below the queues, so
 * a dead-letter edge is a short arc rather than a detour across the consumers. A kind this
 * table does not know is placed by its longest path from the sources. The broker is not a
 * column: it is drawn around its exchanges and queues.
 *
 * Topics (the log broker) sit in the queue column and the members of their groups with the
 * consumers, unless a member or a service writes into a topic (read-process-write): that topic
 * goes one column after its writer, and its readers one more.
 */
import { rankNodes, type GraphEdge, type GraphNode } from './graph';

export const REGION_KIND = 'broker';

/** Exchanges that some queue dead-letters into. */
export const deadLetterExchanges = (nodes: readonly GraphNode[], edges: readonly GraphEdge[]) => {
  const isX = new Set(nodes.filter((n) => n.kind === 'exchange').map((n) => n.id));
  return new Set(edges.filter((e) => e.field === 'deadLetterTo' && isX.has(e.to)).map((e) => e.to));
};

/** Longest chain of exchange → exchange edges ending at each exchange. */
function exchangeDepths(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const isX = new Set(nodes.filter((n) => n.kind === 'exchange').map((n) => n.id));
  const depth = new Map<string, number>();
  for (const id of isX) depth.set(id, 0);
  // Bellman-Ford style relaxation, bounded by the node count (cycles cannot loop forever).
  for (let round = 0; round < isX.size; round++) {
    let changed = false;
    for (const e of edges) {
      if (!isX.has(e.from) || !isX.has(e.to) || e.field === 'deadLetterTo') continue;
      const d = (depth.get(e.from) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? 0) && d < isX.size) {
        depth.set(e.to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return depth;
}

/**
 * Services by where they sit: `post` are those that consume from a queue, and those they call
 * (directly or not); the others answer requests before the broker. For each, its step in a
 * call chain among services of its side (0 for one nobody on its side calls).
 */
function serviceSteps(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
  const services = new Set(nodes.filter((n) => n.kind === 'service').map((n) => n.id));
  const calls = edges.filter((e) => e.field === 'calls' && services.has(e.from));
  const post = new Set(
    edges.filter((e) => e.field === 'from' && services.has(e.to)).map((e) => e.to),
  );
  // Calls never loop (the engine refuses call cycles); the bound keeps a bad input finite.
  for (let round = 0; round < services.size; round++)
    for (const e of calls) if (post.has(e.from)) post.add(e.to);
  const step = new Map<string, number>();
  for (const id of services) step.set(id, 0);
  for (let round = 0; round < services.size; round++) {
    let changed = false;
    for (const e of calls) {
      if (post.has(e.from) !== post.has(e.to) || !services.has(e.to)) continue;
      const d = step.get(e.from)! + 1;
      if (d > step.get(e.to)! && d < services.size) {
        step.set(e.to, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { post, step };
}

/** Column index of every node but the broker, columns numbered from 0 without gaps. */
export function assignColumns(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Map<string, number> {
  const dlx = deadLetterExchanges(nodes, edges);
  const xDepth = exchangeDepths(
    nodes.filter((n) => !dlx.has(n.id)),
    edges,
  );
  const exchangeCols = nodes.some((n) => n.kind === 'exchange' && !dlx.has(n.id))
    ? Math.max(0, ...xDepth.values()) + 1
    : 0;
  const { post, step } = serviceSteps(nodes, edges);
  const preSteps = Math.max(
    0,
    ...nodes.filter((n) => n.kind === 'service' && !post.has(n.id)).map((n) => step.get(n.id)! + 1),
  );
  const queueCol = 1 + preSteps + exchangeCols;
  const rank = rankNodes(nodes, edges);
  const raw = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind === REGION_KIND) continue;
    if (n.kind === 'producer') raw.set(n.id, 0);
    else if (n.kind === 'service')
      raw.set(n.id, (post.has(n.id) ? queueCol + 1 : 1) + step.get(n.id)!);
    else if (dlx.has(n.id)) raw.set(n.id, queueCol);
    else if (n.kind === 'exchange') raw.set(n.id, 1 + preSteps + (xDepth.get(n.id) ?? 0));
    else if (n.kind === 'queue') raw.set(n.id, queueCol);
    else if (n.kind === 'consumer') raw.set(n.id, queueCol + 1);
    else raw.set(n.id, Math.min(queueCol + 1, rank.get(n.id) ?? 0));
  }
  placeLogChains(nodes, edges, raw, queueCol, step);
  const used = [...new Set(raw.values())].sort((a, b) => a - b);
  const out = new Map<string, number>();
  for (const [id, c] of raw) out.set(id, used.indexOf(c));
  return out;
}

/** Fields of a writer that name the topic it writes to. */
const WRITES = new Set(['to', 'publish', 'output']);

/**
 * Topics after their writers (producers: the queue column), and the readers of a topic (members,
 * services reading it) one column after it. Rounds until nothing moves, bounded by the node
 * count (a topic read and written in a loop stops there).
 */
function placeLogChains(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  raw: Map<string, number>,
  queueCol: number,
  step: ReadonlyMap<string, number>,
): void {
  const topics = new Set(nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
  if (topics.size === 0) return;
  const writers = edges.filter((e) => topics.has(e.to) && WRITES.has(e.field));
  const readers = edges.filter((e) => topics.has(e.from) && e.field === 'from');
  for (const t of topics) raw.set(t, queueCol);
  for (let round = 0; round <= nodes.length; round++) {
    let moved = false;
    for (const e of writers) {
      const want = Math.max(queueCol, (raw.get(e.from) ?? 0) + 1);
      if (want > raw.get(e.to)!) {
        raw.set(e.to, want);
        moved = true;
      }
    }
    for (const e of readers) {
      const want = raw.get(e.from)! + 1 + (step.get(e.to) ?? 0);
      if (raw.get(e.to) !== want) {
        raw.set(e.to, want);
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/**
 * Order each column so that edges rarely cross: by the mean row of each node's neighbours in
 * the columns already ordered (sweeps right, left, right). Dead-letter nodes keep their place
 * at the bottom of their column: `sinkRank` is 0 for other nodes, more for them (exchanges
 * above the queues they feed).
 */
export function orderColumns(
  columns: GraphNode[][],
  edges: readonly GraphEdge[],
  sinkRank: (id: string) => number,
): void {
  const row = new Map<string, number>();
  const place = (col: GraphNode[]) =>
    col.forEach((n, i) => row.set(n.id, i / Math.max(1, col.length)));
  const mean = (id: string, dir: 'in' | 'out') => {
    const near = edges
      .filter((e) => e.field !== 'deadLetterTo' && (dir === 'in' ? e.to === id : e.from === id))
      .map((e) => row.get(dir === 'in' ? e.from : e.to))
      .filter((r): r is number => r !== undefined);
    return near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : Number.NaN;
  };
  const sortBy = (col: GraphNode[], dir: 'in' | 'out') => {
    const key = new Map(col.map((n) => [n.id, mean(n.id, dir)] as const));
    const sink = (n: GraphNode) => sinkRank(n.id);
    col.sort(
      (a, b) => sink(a) - sink(b) || (key.get(a.id) || 0) - (key.get(b.id) || 0) || a.node - b.node,
    );
    place(col);
  };
  for (const col of columns) sortBy(col, 'in');
  for (let c = 1; c < columns.length; c++) sortBy(columns[c]!, 'in');
  for (let c = columns.length - 2; c >= 0; c--) sortBy(columns[c]!, 'out');
  for (let c = 1; c < columns.length; c++) sortBy(columns[c]!, 'in');
}
