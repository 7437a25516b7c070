/**
 * The compare view's keys in the URL hash (docs/sharing.md, docs/compare.md):
 * `compare=<left>~<right>` opens the view with these two sides, `cseed=<n>` gives the pair's
 * seed. A side is a preset id, a preset with a variant (`retry-backoff-dlq:no-jitter`), or
 * `edited` (the scenario editor's document). Pure and small: the first chunk reads it to know
 * whether the page opens on the compare view.
 */
import { isVariant, type Variant } from './variants';

export const COMPARE_KEYS = { pair: 'compare', seed: 'cseed' } as const;

export type Side = { kind: 'preset'; id: string; variant: Variant | null } | { kind: 'edited' };

export interface PairLink {
  left: Side;
  right: Side;
  seed: number | null;
}

export type ParsedPair = { ok: true; pair: PairLink } | { ok: false; errors: string[] };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function sideText(side: Side): string {
  if (side.kind === 'edited') return 'edited';
  return side.variant ? `${side.id}:${side.variant}` : side.id;
}

function parseSide(text: string, at: string, presetIds: readonly string[]): Side | string {
  if (text === 'edited') return { kind: 'edited' };
  const [id = '', variant, ...more] = text.split(':');
  if (more.length > 0 || !ID.test(id))
    return `${at}: ${JSON.stringify(text.slice(0, 40))} is not a side; write a preset id, optionally with :variant, or "edited"`;
  if (!presetIds.includes(id)) return `${at}: there is no preset ${JSON.stringify(id)}`;
  if (variant === undefined) return { kind: 'preset', id, variant: null };
  if (!isVariant(variant))
    return `${at}: ${JSON.stringify(variant.slice(0, 40))} is not a variant; use at-most-once, at-least-once, exactly-once, jitter or no-jitter`;
  return { kind: 'preset', id, variant };
}

/** The hash's pairs as a Map (no prototype), tolerant of broken percent-encoding elsewhere. */
function pairsOf(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const raw of body.split('&')) {
    const eq = raw.indexOf('=');
    if (eq < 0) continue;
    try {
      out.set(decodeURIComponent(raw.slice(0, eq)), decodeURIComponent(raw.slice(eq + 1)));
    } catch {
      // Not one of ours, or refused by the run's link reader, which says why.
    }
  }
  return out;
}

export const hasCompareKey = (hash: string): boolean => pairsOf(hash).has(COMPARE_KEYS.pair);

/** The pair a hash asks for; null when it has no compare key. */
export function parsePairLink(hash: string, presetIds: readonly string[]): ParsedPair | null {
  if (hash.length > 2000) return { ok: false, errors: ['compare: the link is too long'] };
  const pairs = pairsOf(hash);
  const value = pairs.get(COMPARE_KEYS.pair);
  if (value === undefined) return null;
  const parts = value.split('~');
  if (parts.length !== 2)
    return {
      ok: false,
      errors: [`compare: expected two sides joined by "~" (left~right), got ${parts.length}`],
    };
  const errors: string[] = [];
  const left = parseSide(parts[0]!, 'compare (left)', presetIds);
  const right = parseSide(parts[1]!, 'compare (right)', presetIds);
  if (typeof left === 'string') errors.push(left);
  if (typeof right === 'string') errors.push(right);
  let seed: number | null = null;
  const seedText = pairs.get(COMPARE_KEYS.seed);
  if (seedText !== undefined) {
    const n = Number(seedText);
    if (!/^\d{1,10}$/.test(seedText) || n > 4294967295)
      errors.push(`${COMPARE_KEYS.seed}: must be a whole number 0 … 4294967295`);
    else seed = n;
  }
  if (typeof left === 'string' || typeof right === 'string' || errors.length > 0)
    return { ok: false, errors };
  return { ok: true, pair: { left, right, seed } };
}

/** A hash with the compare keys set to this pair (or removed: null), other keys kept. */
export function withPairLink(hash: string, pair: PairLink | null): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const ours = new Set<string>(Object.values(COMPARE_KEYS));
  const kept = body.split('&').filter((raw) => {
    if (raw === '') return false;
    const key = raw.slice(0, raw.indexOf('=') < 0 ? raw.length : raw.indexOf('='));
    return !ours.has(key);
  });
  if (pair) {
    kept.push(`${COMPARE_KEYS.pair}=${sideText(pair.left)}~${sideText(pair.right)}`);
    if (pair.seed !== null) kept.push(`${COMPARE_KEYS.seed}=${pair.seed}`);
  }
  return kept.join('&');
}
