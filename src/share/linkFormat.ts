/**
 * The share link's format (docs/sharing.md): a URL hash of `key=value` pairs joined by `&`, so
 * other features can add keys of their own (a lesson's `lesson` and `step`). These are the keys
 * a run's link uses, and its limits. Small and dependency-free: the page's first chunk reads it
 * to know whether it opens on a link; the coding itself loads later.
 */

/** The format version written as `v`; a link of any other version is refused. */
export const LINK_VERSION = 1;

export const LINK_KEYS = {
  version: 'v',
  preset: 'preset',
  scenario: 'scenario',
  seed: 'seed',
  inputs: 'inputs',
  tick: 't',
} as const;

const OWN_KEYS: ReadonlySet<string> = new Set(Object.values(LINK_KEYS));

export const LINK_LIMITS = {
  /** A hash longer than this is refused before anything is decoded (chars). */
  hashChars: 200_000,
  /** A compressed value may expand to at most this many bytes (a zip bomb stops here). */
  scenarioBytes: 512 * 1024,
  inputsBytes: 1024 * 1024,
  /** Input timeline entries (the same cap as a timeline loaded from a file). */
  inputs: 10_000,
  /** Keys in one hash (ours and other features'). */
  keys: 32,
} as const;

/** Whether a key belongs to the run's link (other keys are other features'). */
export const isLinkKey = (key: string): boolean => OWN_KEYS.has(key);

/**
 * Whether the hash names a run (a preset or a scenario, or any other key of ours). Cheap and
 * forgiving: it only decides whether the page waits for the link before playing; the decoder
 * says what is wrong.
 */
export function isRunLink(hash: string): boolean {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return false;
  if (body.length > LINK_LIMITS.hashChars) return true;
  return body.split('&').some((pair) => isLinkKey(pair.split('=', 1)[0] ?? ''));
}
