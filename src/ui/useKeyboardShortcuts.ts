/**
 * Presenter keys: space plays or pauses; while paused, → steps one tick, ← steps back one tick
 * and Shift+→ steps to the next event; + and − change the speed a step; ? lists the keys
 * (SHORTCUTS, shown by a11y/ShortcutsDialog.tsx). Shift + arrows on a focused stage node move
 * the node instead: the stage stops those keys before they get here (viz/stageKeys.ts).
 *
 * Keys typed into a form control keep their native meaning (arrows move through a select), so
 * a shortcut never steals a control's key; the timeline slider handles its own arrows (and
 * marks them handled). A button reached with the keyboard keeps space and enter (space presses
 * it, as everywhere else). But a button that was last *clicked* keeps focus too, and a teacher
 * who clicked Reset and then presses space means play, not a second reset: so buttons focused
 * by the pointer do not own space. (Chromium's :focus-visible cannot tell these apart at
 * keydown: any key press makes it match.)
 */
import { useEffect } from 'react';
import { SPEED_STEPS, type SimActions } from '../store';
import { prefsStore, setShortcutsOpen } from './a11y/prefs';

/** Every key the page answers, in words: the ? dialog lists exactly these. */
export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['Space'], does: 'Play or pause' },
  { keys: ['→'], does: 'Step one tick (while paused)' },
  { keys: ['←'], does: 'Step back one tick (while paused)' },
  { keys: ['Shift', '→'], does: 'Step to the next event (while paused)' },
  // The stage handles these itself (viz/stageKeys.ts), so Shift + → there does not step.
  {
    keys: ['Shift', 'Arrow keys'],
    does: 'Move the focused node of the diagram (with Alt too: 5 times as far)',
  },
  { keys: ['+'], does: 'Faster (one speed step)' },
  { keys: ['−'], does: 'Slower (one speed step)' },
  // A lesson's keys (src/ui/lessons/useLessonKeys.ts) win over the arrows while it is shown.
  { keys: ['PageDown'], does: 'In a lesson: the next step (→ too)' },
  { keys: ['PageUp'], does: 'In a lesson: the step before (← too)' },
  { keys: ['Home'], does: 'In a lesson: the first step (End: the last)' },
  { keys: ['1–9'], does: 'In a lesson: go to that step' },
  { keys: ['?'], does: 'Show these shortcuts' },
  { keys: ['Esc'], does: 'Close this list' },
  { keys: ['Tab'], does: 'Move between controls; Enter or Space uses one' },
];

/** The speed one step up (+1) or down (−1) from `speed` in SPEED_STEPS. */
export function stepSpeed(speed: number, dir: 1 | -1): number {
  const at = SPEED_STEPS.findIndex((s) => s >= speed);
  const i = at < 0 ? SPEED_STEPS.length - 1 : at;
  const exact = SPEED_STEPS[i] === speed;
  const next = dir > 0 ? (exact ? i + 1 : i) : i - 1;
  return SPEED_STEPS[Math.min(SPEED_STEPS.length - 1, Math.max(0, next))]!;
}

/** What the keys drive: a simulation store, or the compare view's pair of them. */
export interface ShortcutTarget {
  getState(): {
    playing: boolean;
    speed: number;
    actions: Pick<SimActions, 'toggle' | 'stepTick' | 'stepBack' | 'stepToNextEvent' | 'setSpeed'>;
  };
}

const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

function ownsKey(target: EventTarget | null, key: string, focusedByPointer: boolean): boolean {
  if (!(target instanceof Element)) return false;
  if (
    FORM_CONTROLS.has(target.tagName) ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
    return true;
  const activatable = ACTIVATABLE.has(target.tagName) || target.getAttribute('role') === 'button';
  return activatable && (key === ' ' || key === 'Enter') && !focusedByPointer;
}

export function useKeyboardShortcuts(store: ShortcutTarget | null): void {
  useEffect(() => {
    if (!store) return;
    let focusedByPointer = false;
    const onPointer = () => {
      focusedByPointer = true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') focusedByPointer = false;
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (ownsKey(e.target, e.key, focusedByPointer)) return;
      // The shortcuts dialog is modal: it handles its own keys (Esc).
      if (prefsStore.getState().shortcutsOpen) return;
      const { actions, playing, speed } = store.getState();
      if (e.key === '?') {
        e.preventDefault();
        setShortcutsOpen(true);
        return;
      }
      if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '−') {
        e.preventDefault();
        actions.setSpeed(stepSpeed(speed, e.key === '+' || e.key === '=' ? 1 : -1));
        return;
      }
      if (e.key === ' ') {
        e.preventDefault();
        if (!e.repeat) actions.toggle();
      } else if (e.key === 'ArrowRight' && !playing) {
        e.preventDefault();
        if (e.shiftKey) actions.stepToNextEvent();
        else actions.stepTick();
      } else if (e.key === 'ArrowLeft' && !playing && !e.shiftKey) {
        e.preventDefault();
        actions.stepBack();
      }
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [store]);
}
