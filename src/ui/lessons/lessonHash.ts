/**
 * A lesson's link: `#lesson=<id>&step=<n>` (a course lesson, step 1-based) or
 * `#lessonDoc=<compressed lesson>&step=<n>`. Parsed with the run link's parser (same limits,
 * same refusals); the run's keys, which the address also carries, are left to the run's code.
 */
import { LESSON_KEYS as K, isLessonKey } from '../lessonEntry';
import { parseHash } from '../../share/parseHash';

export type LessonLink =
  | { kind: 'none' }
  | { kind: 'course'; id: string; step: string | undefined }
  | { kind: 'doc'; packed: string; step: string | undefined }
  | { kind: 'refused'; errors: string[] };

export function parseLessonHash(hash: string): LessonLink {
  const parsed = parseHash(hash);
  if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
  const value = (key: string) => parsed.pairs.find((p) => p.key === key)?.value;
  const id = value(K.lesson);
  const packed = value(K.doc);
  const step = value(K.step);
  if (id !== undefined && packed !== undefined)
    return {
      kind: 'refused',
      errors: [`lesson: a link names a course lesson or carries one (${K.doc}), not both`],
    };
  if (id !== undefined) return { kind: 'course', id, step };
  if (packed !== undefined) return { kind: 'doc', packed, step };
  return { kind: 'none' };
}

/** The 0-based step of a link's `step` (1-based; default 1), or why it is refused. */
export function stepIndex(
  step: string | undefined,
  steps: number,
): { ok: true; index: number } | { ok: false; error: string } {
  if (step === undefined) return { ok: true, index: 0 };
  const n = /^\d{1,4}$/.test(step) ? Number(step) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > steps)
    return {
      ok: false,
      error: `step: "${step.slice(0, 12)}" is not a step of this lesson; give a whole number from 1 to ${steps}`,
    };
  return { ok: true, index: n - 1 };
}

/** The hash with the lesson's keys replaced by `own` (encoded pairs), other keys kept. */
export function withLessonKeys(current: string, own: string[]): string {
  const body = current.startsWith('#') ? current.slice(1) : current;
  const others = body.split('&').filter((raw) => {
    if (raw === '') return false;
    const key = raw.split('=', 1)[0] ?? '';
    return !isLessonKey(key);
  });
  return [...own, ...others].join('&');
}

export function writeLessonHash(own: string[]): void {
  const next = withLessonKeys(window.location.hash, own);
  const target = next === '' ? window.location.pathname + window.location.search : `#${next}`;
  if (`#${next}` !== window.location.hash)
    window.history.replaceState(window.history.state, '', target);
}
