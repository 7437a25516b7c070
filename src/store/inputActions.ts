/**
 * Actions that change the run itself: inputs from the page, reset, clearing inputs, loading a
 * scenario and changing the seed.
 *
 * An input is validated with the engine's schema (loaded after the first paint: validators.ts)
 * and appended to the timeline at the current
 * tick. If the run had been computed past that tick, the run forks: later inputs and everything
 * computed after the tick are discarded, and a notice says so. When paused, the store steps one
 * tick so the input's effect is on screen at once (inputs apply at the start of their tick).
 */
import type { Input, TimedInput, Validation } from '../engine';
import type { CreateOptions, Scenario } from '../engine';
import type { StoreContext } from './actions';
import { createRun } from './run';
import { loadValidators, validators } from './validators';
import type { Notice, SimActions } from './view';

type InputActions = Pick<
  SimActions,
  'applyInput' | 'reset' | 'clearInputs' | 'loadScenario' | 'setSeed'
>;

let noticeId = 0;
const notice = (kind: Notice['kind'], text: string): Notice => ({ id: ++noticeId, kind, text });

const secondsText = (us: number) => `${(us / 1e6).toFixed(2)} s`;

export function createInputActions(
  ctx: StoreContext,
  helpers: { halt(): void; seek(tick: number): void },
): InputActions {
  const applyInput = (raw: unknown): Validation<Input> => {
    const run = ctx.run();
    const check = validators();
    if (!check) {
      void loadValidators();
      const errors = ['the page is still loading its input checks: try again in a moment'];
      ctx.setPartial({ notice: notice('error', `Not applied: ${errors[0]}`) });
      return { ok: false, errors };
    }
    // Consumers that the inputs so far (and the schedule) added or removed, up to this tick.
    const known = check.consumerIdsAt(run.scenario, run.timeline(), run.sim().tick);
    const result = check.validateInput(raw, run.scenario, 'input', known);
    if (!result.ok) {
      ctx.setPartial({ notice: notice('error', `Not applied: ${result.errors.join('; ')}`) });
      return result;
    }
    const sim = run.sim();
    if (sim.tick >= sim.endTick) {
      const errors = ['the run has ended: reset or step back first'];
      ctx.setPartial({ notice: notice('error', `Not applied: ${errors[0]}`) });
      return { ok: false, errors };
    }
    const wasPlaying = ctx.clock.playing();
    ctx.stopSeek();
    const tick = sim.tick;
    const horizon = run.horizonTick();
    const old = run.timeline();
    const dropped = old.filter((e) => e.tick > tick).length;
    const next: TimedInput[] = [
      ...old.filter((e) => e.tick <= tick),
      { tick, input: result.value },
    ];
    run.setTimeline(next);
    if (horizon > tick) {
      run.forkAt(tick);
      const inputs = dropped > 0 ? ` and ${dropped} later input${dropped === 1 ? '' : 's'}` : '';
      ctx.setPartial({
        notice: notice(
          'fork',
          `You changed the past at ${secondsText(tick * sim.tickUs)}: the run after it ` +
            `(computed up to ${secondsText(horizon * sim.tickUs)})${inputs} was discarded.`,
        ),
      });
    }
    if (!wasPlaying) run.advanceBy(1);
    ctx.settle();
    return result;
  };

  const replace = (scenario: Scenario, options: CreateOptions, timeline: TimedInput[]) => {
    ctx.setRun(createRun(scenario, options, timeline));
    ctx.setPartial({ selectedMsg: null, selectedNode: null, notice: null });
    ctx.settle();
  };

  return {
    applyInput,
    reset() {
      helpers.halt();
      ctx.setPartial({ selectedMsg: null });
      helpers.seek(0);
    },
    clearInputs() {
      helpers.halt();
      const run = ctx.run();
      const first = run.timeline()[0];
      if (!first) return;
      run.setTimeline([]);
      run.forkAt(first.tick);
      ctx.setPartial({
        selectedMsg: null,
        notice: notice('info', 'Inputs cleared: the run starts again from tick 0 without them.'),
      });
      helpers.seek(0);
    },
    loadScenario(scenario, options = {}, timeline = []) {
      replace(scenario, options, [...timeline]);
    },
    setSeed(seed) {
      const run = ctx.run();
      replace(run.scenario, { ...run.options, seed: seed >>> 0 }, [...run.timeline()]);
    },
  };
}
