/** Lesson validation names each problem at its path; step runs chain as documented. */
import { describe, expect, it } from 'vitest';
import { LESSON_FORMAT } from '../../src/lessons/lessonSchema';
import { explainWith, readMetric, rightChoice } from '../../src/lessons/metric';
import { presetContext } from '../../src/lessons/presetContext';
import { stepRun } from '../../src/lessons/stepRun';
import { validateLesson } from '../../src/lessons/validateLesson';

const ctx = presetContext();
const step = (extra: Record<string, unknown> = {}) => ({
  title: 'A step',
  narration: 'Watch.',
  run: { preset: 'work-queue' },
  pauseAtMs: 2000,
  ...extra,
});
const lesson = (steps: unknown[]) => ({ format: LESSON_FORMAT, id: 'l1', title: 'L', steps });
const errorsOf = (raw: unknown) => {
  const r = validateLesson(raw, ctx);
  return r.ok ? [] : r.errors;
};

describe('validateLesson', () => {
  it('accepts a small valid lesson', () => {
    expect(errorsOf(lesson([step(), step({ run: { continue: true }, pauseAtMs: 3000 })]))).toEqual(
      [],
    );
  });

  it('names schema problems by path', () => {
    const errors = errorsOf(lesson([{ ...step(), pauseAtMs: -1, title: 3 }]));
    expect(errors.some((e) => e.startsWith('steps[0].pauseAtMs'))).toBe(true);
    expect(errors.some((e) => e.startsWith('steps[0].title'))).toBe(true);
    expect(errorsOf({ format: 'x' })[0]).toMatch(/^format/);
    expect(errorsOf(null)[0]).toMatch(/^\(lesson\)/);
  });

  it('refuses a first step that continues, unknown runs, and pauses past the end', () => {
    expect(errorsOf(lesson([step({ run: { continue: true } })]))).toEqual([
      'steps[0].run: the first step has no run to continue',
    ]);
    expect(errorsOf(lesson([step({ run: { preset: 'nope' } })]))[0]).toMatch(/no preset "nope"/);
    expect(errorsOf(lesson([step({ run: { compare: 'nope' } })]))[0]).toMatch(/no comparison/);
    expect(errorsOf(lesson([step({ pauseAtMs: 86_000_000 })]))[0]).toMatch(/the run ends at/);
  });

  it('refuses inputs in the past, after the pause, or invalid for the scenario', () => {
    const cont = (inputs: unknown[]) =>
      lesson([step(), step({ run: { continue: true }, pauseAtMs: 3000, inputs })]);
    const crash = { type: 'consumerCrashed', consumerId: 'worker-1' };
    expect(errorsOf(cont([{ atMs: 1000, input: crash }]))[0]).toMatch(/continues from 2000 ms/);
    expect(errorsOf(cont([{ atMs: 5000, input: crash }]))[0]).toMatch(/after the pause/);
    const bad = errorsOf(
      cont([{ atMs: 2500, input: { type: 'consumerCrashed', consumerId: 'x' } }]),
    );
    expect(bad[0]).toMatch(/^steps\[1\]\.inputs\[0\]\.input/);
  });

  it('refuses overlapping choices and sides outside a comparison', () => {
    const q = (choices: unknown[], side?: string) => ({
      prompt: 'How many?',
      metric: 'totals.acked',
      choices,
      explain: '{value}',
      ...(side ? { side } : {}),
    });
    const overlapping = q([
      { label: 'a', max: 10 },
      { label: 'b', min: 10 },
    ]);
    expect(errorsOf(lesson([step({ question: overlapping })]))[0]).toMatch(
      /choices 1 and 2 overlap/,
    );
    const sided = q(
      [
        { label: 'a', max: 10 },
        { label: 'b', min: 11 },
      ],
      'async',
    );
    expect(errorsOf(lesson([step({ question: sided })]))[0]).toMatch(/only a step that compares/);
    expect(errorsOf(lesson([step({ highlight: ['ghost'] })]))[0]).toMatch(/no node "ghost"/);
  });
});

describe('step runs', () => {
  it('a continued step carries the earlier inputs and the run start', () => {
    const raw = lesson([
      step({ inputs: [{ atMs: 500, input: { type: 'producerPaused', producerId: 'jobs' } }] }),
      step({
        run: { continue: true },
        pauseAtMs: 3000,
        inputs: [{ atMs: 2500, input: { type: 'producerResumed', producerId: 'jobs' } }],
      }),
    ]);
    const r = validateLesson(raw, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const run = stepRun(r.value, 1, ctx);
    expect(run.firstStep).toBe(0);
    expect(run.sides).toHaveLength(1);
    const schedule = run.sides[0]!.raw.schedule as { atMs: number }[];
    expect(schedule.slice(-2).map((s) => s.atMs)).toEqual([500, 2500]);
  });

  it('a comparison step has both designs', () => {
    const raw = lesson([step({ run: { compare: 'compare-happy-path' } })]);
    const r = validateLesson(raw, ctx);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(stepRun(r.value, 0, ctx).sides.map((s) => s.side)).toEqual(['sync', 'async']);
  });
});

describe('metrics and choices', () => {
  it('reads numbers by path and says what is missing', () => {
    const report = { flow: { failed: 3, name: 'x' } };
    expect(readMetric(report, 'flow.failed')).toEqual({ ok: true, value: 3 });
    expect(readMetric(report, 'flow.lost')).toEqual({
      ok: false,
      error: 'the report has no "flow.lost"',
    });
    expect(readMetric(report, 'flow.name').ok).toBe(false);
    expect(readMetric(report, '__proto__.x').ok).toBe(false);
  });

  it('picks the choice a value falls in, and fills the explanation', () => {
    const choices = [{ max: 0 }, { min: 1, max: 50 }, { min: 51 }];
    expect([0, 1, 50, 51, 9999].map((x) => rightChoice(choices, x))).toEqual([0, 1, 1, 2, 2]);
    expect(rightChoice([{ max: 0 }, { min: 2 }], 1)).toBe(-1);
    expect(explainWith('{value} orders failed', 1227)).toBe('1,227 orders failed');
  });
});
