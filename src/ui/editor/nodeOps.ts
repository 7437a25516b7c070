/** Adding, removing and renaming nodes of a raw document, and switching a distribution. */
import { asRecord, getAt, removeAt, setAt, type Raw } from './docEdit';
import { defaultNode, links, nodesOf, type EditorKind } from './nodeDefaults';

/** The document with a new node of `kind` at the end, and the new node's index. */
export function addNode(doc: unknown, kind: EditorKind): { doc: unknown; index: number } {
  const nodes = nodesOf(doc);
  return {
    doc: setAt(doc, ['nodes', nodes.length], defaultNode(kind, nodes)),
    index: nodes.length,
  };
}

export const removeNode = (doc: unknown, index: number): unknown => removeAt(doc, ['nodes'], index);

/**
 * Node `index` takes id `next`, and every link that named it follows, unless another node
 * already has `next` (then only the id changes, and the validator reports the duplicate).
 */
export function renameNode(doc: unknown, index: number, next: string): unknown {
  const old = getAt(doc, ['nodes', index, 'id']);
  let out = setAt(doc, ['nodes', index, 'id'], next);
  if (typeof old !== 'string' || old === next) return out;
  const clash = nodesOf(doc).some((n, i) => i !== index && asRecord(n)?.id === next);
  if (clash) return out;
  for (const l of links(doc)) if (l.id === old) out = setAt(out, l.path, next);
  return out;
}

export const DISTS = ['exponential', 'constant', 'uniform', 'lognormal'] as const;
export type DistKind = (typeof DISTS)[number];

/** Fields of each distribution, with their bounds. */
export const DIST_FIELDS: Record<
  DistKind,
  readonly { key: string; label: string; min: number; max?: number }[]
> = {
  exponential: [{ key: 'meanMs', label: 'mean (ms)', min: 0 }],
  constant: [{ key: 'ms', label: 'ms', min: 0 }],
  uniform: [
    { key: 'minMs', label: 'min (ms)', min: 0 },
    { key: 'maxMs', label: 'max (ms)', min: 0 },
  ],
  lognormal: [
    { key: 'meanMs', label: 'mean (ms)', min: 0 },
    { key: 'sigma', label: 'sigma', min: 0, max: 4 },
  ],
};

/** The mean of a raw distribution, when it has one. */
function meanOf(d: Raw | null): number | undefined {
  const n = (k: string) => (typeof d?.[k] === 'number' ? (d[k] as number) : undefined);
  switch (d?.dist) {
    case 'constant':
      return n('ms');
    case 'uniform': {
      const lo = n('minMs');
      const hi = n('maxMs');
      return lo !== undefined && hi !== undefined ? (lo + hi) / 2 : undefined;
    }
    default:
      return n('meanMs');
  }
}

/** Another kind of distribution with the same mean (100 ms when the old one had none). */
export function switchDist(old: unknown, kind: DistKind): Raw {
  const mean = meanOf(asRecord(old)) ?? 100;
  switch (kind) {
    case 'exponential':
      return { dist: kind, meanMs: mean };
    case 'constant':
      return { dist: kind, ms: mean };
    case 'uniform':
      return { dist: kind, minMs: 0, maxMs: mean * 2 };
    case 'lognormal':
      return { dist: kind, meanMs: mean, sigma: 1 };
  }
}
