/**
 * The lesson player's state and what it does to the page's simulation. A step is a function of
 * the lesson (src/lessons/stepRun.ts): showing a step loads its run into the page's store and
 * seeks to where it starts; "Run" plays it at the step's speed and pauses exactly at its pause
 * tick (store.playUntil); the answer is then read from the store's report, the same number the
 * headless run gives. Going back, a link or "Back to the lesson" rebuilds the step the same way.
 *
 * A step that compares two designs runs them as the compare view's pair (src/compare): two
 * stores on one clock with one seed, the synchronous design left and the asynchronous one right,
 * played to the pause together (see docs/lessons.md). The page's store is left as it was.
 */
import { createStore } from 'zustand/vanilla';
import { createComparePair, type ComparePair } from '../../compare/comparePair';
import { DEFAULT_SEED, type Scenario } from '../../engine';
import type { Lesson } from '../../lessons/lessonSchema';
import { explainWith, readMetric, rightChoice } from '../../lessons/metric';
import { questionReport } from '../../lessons/runStepReports';
import { pauseTickOf, stepRun, type Side } from '../../lessons/stepRun';
import type { LessonContext } from '../../lessons/validateLesson';
import { loadValidators, type SimStore } from '../../store';
import { markDone } from './progress';

export type Phase = 'ready' | 'running' | 'answered';

export type Result =
  { ok: true; value: number; right: number; explain: string } | { ok: false; error: string };

export interface StepAnswer {
  picked: number | null;
  /** The run reached the step's pause (the step is done). */
  done: boolean;
  /** The question's answer from that run (null: the step has no question). */
  result: Result | null;
}

export interface PlayerState {
  lesson: Lesson | null;
  /** Where the lesson came from: the course (its id names it) or a document (a file, a link). */
  origin: 'course' | 'document';
  step: number;
  phase: Phase;
  answers: Record<number, StepAnswer>;
  /** The student left the lesson to experiment: keys and panel step aside. */
  away: boolean;
  /** Both designs (sync left, async right) while a step compares two. */
  pair: ComparePair | null;
  busy: boolean;
  error: string | null;
}

const initial: PlayerState = {
  lesson: null,
  origin: 'course',
  step: 0,
  phase: 'ready',
  answers: {},
  away: false,
  pair: null,
  busy: false,
  error: null,
};

/** Resolves once the store is neither computing a seek nor playing. */
function settled(store: SimStore): Promise<void> {
  return new Promise((resolve) => {
    const done = (s = store.getState()) => s.computing === null && !s.playing;
    if (done()) return resolve();
    const off = store.subscribe((s) => {
      if (!done(s)) return;
      off();
      resolve();
    });
  });
}

export type Player = ReturnType<typeof createPlayer>;

export function createPlayer(main: SimStore) {
  const state = createStore<PlayerState>()(() => ({ ...initial }));
  let ctx: LessonContext | null = null;
  /**
   * Validated scenarios by document text: steps of one run without inputs of their own share
   * one, so stepping between them seeks instead of reloading.
   */
  let scenarios = new Map<string, Scenario>();
  let request = 0;
  const get = () => state.getState();
  const set = (partial: Partial<PlayerState>) => state.setState(partial);

  /** Each side of a step with the store that shows it. */
  async function sidesOf(index: number) {
    const lesson = get().lesson!;
    const run = stepRun(lesson, index, ctx!);
    const v = await loadValidators();
    const sides = run.sides.map(({ side, raw }) => {
      const key = JSON.stringify(raw);
      let scenario = scenarios.get(key);
      if (!scenario) {
        const checked = v.validateScenario(raw);
        if (!checked.ok) throw new Error(checked.errors.join('; '));
        scenario = checked.value;
        scenarios.set(key, scenario);
      }
      return { side, scenario };
    });
    if (sides.length === 1) {
      dropPair();
      return { run, pair: null, sides: [{ ...sides[0]!, store: main }] };
    }
    const [sync, async] = [sides[0]!.scenario, sides[1]!.scenario];
    const pair = pairFor(sync, async, (run.seed ?? sync.seed ?? DEFAULT_SEED) >>> 0);
    const stores = [pair.stores.left, pair.stores.right];
    return { run, pair, sides: sides.map((s, i) => ({ ...s, store: stores[i]! })) };
  }

  function dropPair() {
    const pair = get().pair;
    if (!pair) return;
    set({ pair: null });
    pair.destroy();
  }

  /**
   * The pair showing these two designs with this seed: the current one if it still holds
   * exactly them (its reset or seed field may have changed it), else a new one at tick 0.
   */
  function pairFor(sync: Scenario, async: Scenario, seed: number): ComparePair {
    const current = get().pair;
    const holds = (store: SimStore, scenario: Scenario) =>
      store.getState().scenario === scenario &&
      store.timeline().length === 0 &&
      store.sim().seed === seed;
    if (current && holds(current.stores.left, sync) && holds(current.stores.right, async))
      return current;
    dropPair();
    const pair = createComparePair({ left: sync, right: async }, { seed });
    set({ pair });
    return pair;
  }

  /** Load each side's run unless the store already holds exactly it, then seek to `tick(s)`. */
  async function place(index: number, tickOf: (tickUs: number) => number) {
    const { run, pair, sides } = await sidesOf(index);
    if (pair) {
      // The pair seeks both runs to one tick (the designs share the comparison's tick length).
      pair.actions.seek(tickOf(pair.stores.left.sim().tickUs));
      await Promise.all(sides.map((s) => settled(s.store)));
      return { run, pair, sides };
    }
    for (const { scenario, store } of sides) {
      const sim = store.sim();
      const same =
        store.getState().scenario === scenario &&
        store.timeline().length === 0 &&
        (run.seed === undefined || sim.seed === run.seed >>> 0);
      if (!same)
        store
          .getState()
          .actions.loadScenario(scenario, run.seed === undefined ? {} : { seed: run.seed });
      store.getState().actions.seek(tickOf(store.sim().tickUs));
    }
    await Promise.all(sides.map((s) => settled(s.store)));
    return { run, pair, sides };
  }

  function readAnswer(index: number, sides: { side: Side; store: SimStore }[]): Result | null {
    const q = get().lesson!.steps[index]!.question;
    if (!q) return null;
    const reports = sides.map((s) => ({ side: s.side, report: s.store.getState().report }));
    const read = readMetric(questionReport(reports, q.side).report, q.metric);
    if (!read.ok) return { ok: false, error: `This question cannot be answered: ${read.error}.` };
    return {
      ok: true,
      value: read.value,
      right: rightChoice(q.choices, read.value),
      explain: explainWith(q.explain, read.value),
    };
  }

  function answer(index: number, sides: { side: Side; store: SimStore }[]) {
    const result = readAnswer(index, sides);
    const prev = get().answers[index] ?? { picked: null, done: false, result: null };
    set({
      phase: 'answered',
      answers: { ...get().answers, [index]: { ...prev, done: true, result } },
    });
    const lesson = get().lesson!;
    if (get().origin === 'course') markDone(lesson.id, index, lesson.steps.length);
  }

  async function guarded(job: (token: number) => Promise<void>) {
    const token = ++request;
    set({ busy: true, error: null });
    try {
      await job(token);
    } catch (e) {
      if (token === request) set({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      if (token === request) set({ busy: false });
    }
  }

  const startTick = (index: number) => (tickUs: number) => {
    const lesson = get().lesson!;
    const run = stepRun(lesson, index, ctx!);
    return index === run.firstStep ? 0 : pauseTickOf(lesson.steps[index - 1]!.pauseAtMs, tickUs);
  };
  const pauseTick = (index: number) => (tickUs: number) =>
    pauseTickOf(get().lesson!.steps[index]!.pauseAtMs, tickUs);

  /** Show a step: at its result if it was answered, else where its run starts. */
  function show(index: number) {
    const lesson = get().lesson;
    if (!lesson) return Promise.resolve();
    const i = Math.max(0, Math.min(lesson.steps.length - 1, index));
    const done = get().answers[i]?.done === true;
    set({ step: i, away: false, phase: done ? 'answered' : 'ready' });
    return guarded(async () => {
      await place(i, done ? pauseTick(i) : startTick(i));
    });
  }

  /** Play the step's run at its speed to its pause, then answer. */
  function run(skip = false) {
    const i = get().step;
    const step = get().lesson?.steps[i];
    if (!step) return Promise.resolve();
    set({ phase: 'running', away: false });
    return guarded(async (token) => {
      if (skip) {
        const { sides } = await place(i, pauseTick(i));
        if (token === request) answer(i, sides);
        return;
      }
      const { pair, sides } = await place(i, startTick(i));
      if (token !== request) return;
      const target = pauseTick(i)(sides[0]!.store.sim().tickUs);
      const actions = pair ? pair.actions : main.getState().actions;
      actions.setSpeed(step.speed ?? 1);
      actions.playUntil(target);
      await Promise.all(sides.map((s) => settled(s.store)));
      if (token !== request) return;
      if (sides.every((s) => s.store.sim().tick === target)) answer(i, sides);
      else set({ phase: 'ready' }); // paused before the end: Run continues
    });
  }

  return {
    state,
    async open(lesson: Lesson, context: LessonContext, origin: PlayerState['origin'], step = 0) {
      ctx = context;
      scenarios = new Map();
      set({ ...initial, pair: get().pair, lesson, origin });
      await show(step);
    },
    close() {
      request++;
      dropPair();
      ctx = null;
      state.setState({ ...initial });
    },
    show,
    next: () => show(get().step + 1),
    back: () => show(get().step - 1),
    pick(choice: number) {
      const i = get().step;
      if (get().phase !== 'ready') return;
      const prev = get().answers[i] ?? { picked: null, done: false, result: null };
      set({ answers: { ...get().answers, [i]: { ...prev, picked: choice } } });
    },
    run: () => run(false),
    /** Play an answered step again from where its run starts (the same run, the same number). */
    replay: () => run(false),
    skipToResult: () => run(true),
    /** Leave the lesson to experiment with the normal controls. */
    leave: () => set({ away: true }),
    /** Back to the lesson: the step as it was (rebuilt from the lesson). */
    comeBack: () => show(get().step),
    /** Whether the page's store holds a lesson run (else the student loaded something else). */
    holdsLessonRun(): boolean {
      const scenario = main.getState().scenario;
      return [...scenarios.values()].includes(scenario) && main.timeline().length === 0;
    },
  };
}
