/**
 * Immutable edits of a raw (not yet validated) document: read and write at a path, creating
 * objects on the way. The keys come from the editor's own field list, never from the document,
 * and are written as own data properties, so a `__proto__` key stays a plain key.
 */
import type { Path } from './paths';

export type Raw = Record<string, unknown>;

export const asRecord = (x: unknown): Raw | null =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Raw) : null;

export function getAt(doc: unknown, path: Path): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (typeof key === 'number') at = Array.isArray(at) ? at[key] : undefined;
    else {
      const rec = asRecord(at);
      at = rec && Object.hasOwn(rec, key) ? rec[key] : undefined;
    }
  }
  return at;
}

/** A copy of `doc` with `value` at `path` (`undefined` removes the key or leaves a hole). */
export function setAt(doc: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Path];
  if (typeof key === 'number') {
    const list = Array.isArray(doc) ? [...(doc as unknown[])] : [];
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const rec: Raw = { ...(asRecord(doc) ?? {}) };
  const next = setAt(Object.hasOwn(rec, key) ? rec[key] : undefined, rest, value);
  if (next === undefined) delete rec[key];
  else
    Object.defineProperty(rec, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return rec;
}

/** A copy of the list at `path` without its element `index`. */
export function removeAt(doc: unknown, path: Path, index: number): unknown {
  const list = getAt(doc, path);
  if (!Array.isArray(list)) return doc;
  return setAt(
    doc,
    path,
    list.filter((_, i) => i !== index),
  );
}
