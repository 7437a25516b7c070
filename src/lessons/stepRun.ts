/**
 * The run a lesson step shows, as data: the scenario document(s) with the step's inputs (and
 * those of the steps it continues) in their schedule, the seed, and where to pause. The page
 * and the tests build a step's run the same way, so a step's number is the same in both, and a
 * step is a function of the lesson alone: going back restores it exactly.
 */
import type { Lesson, LessonStep } from './lessonSchema';

export type Side = 'single' | 'sync' | 'async';

/** Where a run's scenario comes from. */
export type RunSource = { preset: string } | { compare: string };

export interface SideRun {
  side: Side;
  /** The scenario document, raw (the engine validates it), with the step's inputs scheduled. */
  raw: Record<string, unknown>;
  /** The same document without the lesson's inputs. */
  base: Record<string, unknown>;
}

export interface StepRun {
  source: RunSource;
  sides: SideRun[];
  seed: number | undefined;
  pauseAtMs: number;
  /** The step that starts this run (itself unless it continues an earlier one). */
  firstStep: number;
}

/** Raw documents by source: a preset's scenario, or a comparison document. */
export interface RunDocuments {
  preset(id: string): unknown;
  comparison(id: string): unknown;
  /** One design of a comparison document as a scenario document. */
  design(comparison: unknown, side: 'sync' | 'async'): Record<string, unknown>;
}

/** The step that starts the run step `index` belongs to, or -1 (a first step that continues). */
export function runStart(steps: readonly LessonStep[], index: number): number {
  for (let i = index; i >= 0; i--) if (!('continue' in steps[i]!.run)) return i;
  return -1;
}

const asRecord = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? { ...(x as object) } : {};

export function stepRun(lesson: Lesson, index: number, docs: RunDocuments): StepRun {
  const step = lesson.steps[index];
  if (!step) throw new Error(`lesson ${lesson.id} has no step ${index + 1}`);
  const first = runStart(lesson.steps, index);
  if (first < 0)
    throw new Error(`step ${index + 1} continues a run, but no step before starts one`);
  const source = lesson.steps[first]!.run as RunSource;
  const bases: { side: Side; raw: Record<string, unknown> }[] =
    'preset' in source
      ? [{ side: 'single', raw: asRecord(docs.preset(source.preset)) }]
      : (['sync', 'async'] as const).map((side) => ({
          side,
          raw: docs.design(docs.comparison(source.compare), side),
        }));
  const chain = lesson.steps.slice(first, index + 1);
  const sides = bases.map(({ side, raw }) => {
    const scheduled = chain.flatMap((s) =>
      (s.inputs ?? [])
        .filter((i) => i.side === undefined || i.side === side)
        .map((i) => ({ atMs: i.atMs, input: i.input })),
    );
    const schedule = [...(Array.isArray(raw.schedule) ? raw.schedule : []), ...scheduled];
    return { side, base: raw, raw: scheduled.length > 0 ? { ...raw, schedule } : raw };
  });
  const seed = [...chain].reverse().find((s) => s.seed !== undefined)?.seed;
  return { source, sides, seed, pauseAtMs: step.pauseAtMs, firstStep: first };
}

/** The tick a step pauses at, for a run of this tick length (the page and the tests agree). */
export const pauseTickOf = (pauseAtMs: number, tickUs: number) =>
  Math.round((pauseAtMs * 1000) / tickUs);
