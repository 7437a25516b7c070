/**
 * Presenter keys: space plays or pauses; while paused, → steps one tick, ← steps back one tick
 * and Shift+→ steps to the next event.
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
import type { SimActions } from '../store';

/** What the keys drive: a simulation store, or the compare view's pair of them. */
export interface ShortcutTarget {
  getState(): {
    playing: boolean;
    actions: Pick<SimActions, 'toggle' | 'stepTick' | 'stepBack' | 'stepToNextEvent'>;
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
      const { actions, playing } = store.getState();
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
