/**
 * A URL hash as `key=value` pairs, percent-decoded, refused early when too long or malformed.
 * Keys land in a Map, never on an object, so no key (`__proto__` included) can touch a
 * prototype. The text of each pair is kept so that a rewrite keeps other features' keys as
 * they were.
 */
import { isLinkKey, LINK_LIMITS } from './linkFormat';

export interface HashPair {
  key: string;
  value: string;
  /** The pair as it was written (still percent-encoded). */
  raw: string;
}

export type ParsedHash = { ok: true; pairs: HashPair[] } | { ok: false; errors: string[] };

const stripHash = (hash: string) => (hash.startsWith('#') ? hash.slice(1) : hash);

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const snippet = (text: string) => JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);

export function parseHash(hash: string): ParsedHash {
  const body = stripHash(hash);
  // By length first: nothing of an oversized link is decoded.
  if (body.length > LINK_LIMITS.hashChars)
    return {
      ok: false,
      errors: [
        `link: is ${body.length} characters long; a link may hold at most ${LINK_LIMITS.hashChars}`,
      ],
    };
  if (body === '') return { ok: true, pairs: [] };
  const parts = body.split('&').filter((p) => p !== '');
  if (parts.length > LINK_LIMITS.keys)
    return {
      ok: false,
      errors: [`link: has ${parts.length} keys; a link may hold at most ${LINK_LIMITS.keys}`],
    };
  const errors: string[] = [];
  const pairs: HashPair[] = [];
  const seen = new Set<string>();
  for (const raw of parts) {
    const eq = raw.indexOf('=');
    const rawKey = eq < 0 ? raw : raw.slice(0, eq);
    const key = decode(rawKey);
    if (key === null) {
      errors.push(
        `link: the key ${snippet(rawKey)} has broken percent-encoding (a % must start a valid escape such as %20)`,
      );
      continue;
    }
    const value = decode(eq < 0 ? '' : raw.slice(eq + 1));
    if (value === null) {
      errors.push(
        `${key}: has broken percent-encoding (a % must start a valid escape such as %20)`,
      );
      continue;
    }
    if (isLinkKey(key)) {
      if (seen.has(key)) errors.push(`${key}: appears more than once; a link gives each key once`);
      seen.add(key);
    }
    pairs.push({ key, value, raw });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, pairs };
}

/**
 * A hash with the run's keys replaced by `own` (already encoded) and every other feature's key
 * kept as it was, in its place before ours.
 */
export function mergeHash(current: string, own: string): string {
  const others = stripHash(current)
    .split('&')
    .filter((raw) => {
      if (raw === '') return false;
      const eq = raw.indexOf('=');
      const key = decode(eq < 0 ? raw : raw.slice(0, eq));
      return key !== null && !isLinkKey(key);
    });
  return [...others, own].filter((p) => p !== '').join('&');
}
