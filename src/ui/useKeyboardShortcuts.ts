/**
 * Presenter keys: space plays or pauses, right arrow steps one tick while paused.
 *
 * Keys typed into a form control keep their native meaning (arrows move through a select), so
 * a shortcut never steals a control's key. A button reached with the keyboard keeps space and
 * enter (space presses it, as everywhere else). But a button that was last *clicked* keeps
 * focus too, and a teacher who clicked Reset and then presses space means play, not a second
 * reset: so buttons focused by the pointer do not own space. (Chromium's :focus-visible cannot
 * tell these apart at keydown: any key press makes it match.)
 */
import { useEffect } from 'react';
import type { SimStore } from '../store';

const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const ACTIVATABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

function ownsKey(target: EventTarget | null, key: string, focusedByPointer: boolean): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (FORM_CONTROLS.has(target.tagName) || target.isContentEditable) return true;
  return ACTIVATABLE.has(target.tagName) && (key === ' ' || key === 'Enter') && !focusedByPointer;
}

export function useKeyboardShortcuts(store: SimStore): void {
  useEffect(() => {
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
        actions.stepTick();
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
