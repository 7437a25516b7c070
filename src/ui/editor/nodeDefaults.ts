/**
 * Nodes the editor adds (a kind's smallest useful settings, linked to an existing node of the
 * right kind when there is one), free ids, and the links that name a node: what would dangle
 * if it were removed, and what follows it when it is renamed.
 */
import { asRecord, type Raw } from './docEdit';
import type { Path } from './paths';

/** The kinds the editor adds, in the order a message travels (and the list groups them). */
export const EDITOR_KINDS = [
  'producer',
  'exchange',
  'queue',
  'consumer',
  'service',
  'topic',
  'broker',
] as const;
export type EditorKind = (typeof EDITOR_KINDS)[number];

export const nodesOf = (doc: unknown): unknown[] => {
  const nodes = asRecord(doc)?.nodes;
  return Array.isArray(nodes) ? (nodes as unknown[]) : [];
};

const idOf = (node: unknown) => {
  const id = asRecord(node)?.id;
  return typeof id === 'string' ? id : null;
};

/** `base` if no node has it, else `base-2`, `base-3`, ... */
export function freeId(nodes: readonly unknown[], base: string): string {
  const taken = new Set(nodes.map(idOf));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Ids of the nodes of these kinds, in document order. */
export function idsOfKind(nodes: readonly unknown[], kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const r = asRecord(n);
    const id = idOf(n);
    if (r && id !== null && typeof r.kind === 'string' && kinds.includes(r.kind)) out.push(id);
  }
  return out;
}

const first = (nodes: readonly unknown[], kinds: readonly string[]) => {
  for (const k of kinds) {
    const id = idsOfKind(nodes, [k])[0];
    if (id !== undefined) return id;
  }
  return undefined;
};

const exponential = (meanMs: number) => ({ dist: 'exponential', meanMs });

/**
 * A new node of `kind` with a free id. A producer sends to the first queue (else exchange,
 * topic, service) and a consumer reads the first queue (else topic); with none, the link is
 * left empty and the validator asks for it.
 */
export function defaultNode(kind: EditorKind, nodes: readonly unknown[]): Raw {
  const id = freeId(nodes, kind);
  switch (kind) {
    case 'producer':
      return {
        id,
        kind,
        to: first(nodes, ['queue', 'exchange', 'topic', 'service']) ?? '',
        arrival: exponential(1000),
      };
    case 'exchange':
      return { id, kind, type: 'fanout', bindings: [] };
    case 'queue':
      return { id, kind };
    case 'consumer':
      return { id, kind, from: first(nodes, ['queue', 'topic']) ?? '', service: exponential(500) };
    case 'service':
      return { id, kind, service: exponential(100) };
    case 'topic':
      return { id, kind, partitions: 3 };
    case 'broker':
      return { id, kind };
  }
}

/** Input fields that name a node (as the engine's INPUT_ID_FIELDS, plus the log broker's). */
const INPUT_LINKS = [
  'producerId',
  'consumerId',
  'brokerId',
  'queueId',
  'toQueueId',
  'serviceId',
  'topicId',
];

/** Every place of the document that names a node: its path and the id it names. */
export function links(doc: unknown): { path: Path; id: string }[] {
  const out: { path: Path; id: string }[] = [];
  const add = (path: Path, value: unknown) => {
    if (typeof value === 'string') out.push({ path, id: value });
  };
  nodesOf(doc).forEach((raw, i) => {
    const n = asRecord(raw);
    if (!n) return;
    const at = ['nodes', i];
    for (const f of ['to', 'from', 'deadLetterTo', 'alternateExchange']) add([...at, f], n[f]);
    add([...at, 'publish', 'to'], asRecord(n.publish)?.to);
    add([...at, 'output', 'to'], asRecord(n.output)?.to);
    if (Array.isArray(n.calls))
      n.calls.forEach((c, j) => add([...at, 'calls', j, 'to'], asRecord(c)?.to));
    if (Array.isArray(n.bindings))
      n.bindings.forEach((b, j) => add([...at, 'bindings', j, 'queue'], asRecord(b)?.queue));
  });
  const schedule = asRecord(doc)?.schedule;
  if (Array.isArray(schedule))
    schedule.forEach((s, i) => {
      const input = asRecord(asRecord(s)?.input);
      if (input) for (const f of INPUT_LINKS) add(['schedule', i, 'input', f], input[f]);
    });
  return out;
}

/** The links that name node `id` from anywhere but that node itself. */
export function linksTo(doc: unknown, id: string): Path[] {
  const self = nodesOf(doc).findIndex((n) => idOf(n) === id);
  return links(doc)
    .filter((l) => l.id === id && !(l.path[0] === 'nodes' && l.path[1] === self))
    .map((l) => l.path);
}
