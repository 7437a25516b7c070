/**
 * A lesson is data: a title and a list of steps, each with narration, the run to watch, inputs
 * at given times, what to highlight, where to pause, and optionally a predict-then-run question
 * whose answer is read from the run (never written in the lesson). Documented for teachers in
 * docs/authoring-lessons.md.
 */
import * as v from 'valibot';
import {
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  numberIn,
  oneOf,
  strictObject,
  text,
} from '../engine/schemaHelpers';

export const LESSON_FORMAT = 'mq-sim-lesson/1';

/** Up to a day of simulated time: a lesson step never needs more. */
const MAX_MS = 24 * 3600 * 1000;
const lessonId = nodeId;

/** Which run a step shows. */
const StepRunSchema = v.union(
  [
    strictObject({ preset: lessonId }),
    /** Both designs of a sync-vs-async comparison, side by side (the comparison's id). */
    strictObject({ compare: lessonId }),
    /** The previous step's run goes on from where it paused, with this step's inputs. */
    strictObject({ continue: v.literal(true, () => 'must be true') }),
  ],
  () => 'must be { "preset": id }, { "compare": id } or { "continue": true }',
);

const StepInputSchema = strictObject({
  atMs: nonNegativeNumber(MAX_MS),
  /** Checked against the step's scenario with the engine's input validator. */
  input: v.unknown(),
  /** For a comparison: which design gets it (default both). */
  side: v.optional(oneOf(['sync', 'async'] as const)),
});

const ChoiceSchema = strictObject({
  label: text(120),
  /** The choice is right when the run's number is in [min, max] (either bound may be left out). */
  min: v.optional(v.number()),
  max: v.optional(v.number()),
});

const QuestionSchema = strictObject({
  prompt: text(300),
  /**
   * Where the answer comes from: a dotted path into the run's report at the pause
   * (`flow.failed`, `queues.orders.depth`, `totals.duplicateEffects`).
   */
  metric: v.pipe(
    text(160),
    v.regex(/^[A-Za-z_][\w-]*(\.[\w-]+)*$/, 'must be a dotted path like "flow.failed"'),
  ),
  /** For a comparison: whose report (default sync). */
  side: v.optional(oneOf(['sync', 'async'] as const)),
  choices: v.pipe(v.array(ChoiceSchema), v.minLength(2, 'needs at least two choices')),
  /** Shown after the run; `{value}` is replaced by the run's number. */
  explain: text(600),
});

const StepSchema = strictObject({
  title: text(120),
  narration: text(2000),
  run: StepRunSchema,
  seed: v.optional(integerIn(0, 0xffffffff)),
  /** Where the step pauses, in simulated ms from the start of the run. */
  pauseAtMs: numberIn(0, MAX_MS, 'a time in ms from 0'),
  /** Playback speed while the step runs (default 1). */
  speed: v.optional(numberIn(0.1, 100, 'a speed from 0.1 to 100')),
  inputs: v.optional(v.array(StepInputSchema)),
  /** Node ids (or `#<message id>`) to draw attention to. */
  highlight: v.optional(v.array(v.pipe(text(80)))),
  question: v.optional(QuestionSchema),
});

export const LessonSchema = strictObject({
  format: literalOf(LESSON_FORMAT),
  id: lessonId,
  title: text(120),
  /** The section of the course it teaches (1-based), for ordering. */
  section: v.optional(integerIn(1, 99)),
  summary: v.optional(text(400)),
  steps: v.pipe(v.array(StepSchema), v.minLength(1, 'needs at least one step')),
});

export type Lesson = v.InferOutput<typeof LessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type Question = NonNullable<LessonStep['question']>;
export type Choice = Question['choices'][number];
