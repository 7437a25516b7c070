/**
 * Lesson keys, which win over the page's own while a lesson is shown (and the student has not
 * left it to experiment): → or PageDown next step, ← or PageUp back (what presentation clickers
 * send), Home and End the first and last step, digits 1–9 a step, Esc leaves presenter mode.
 * Space keeps playing and pausing the run. Keys typed into a form control are left alone, and so
 * is Shift + an arrow on a focused stage node (it moves the node).
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { isNodeMoveKey } from '../../viz/stageKeys';
import { lessonUi } from '../lessonEntry';
import type { Player } from './player';
import { stopPresenting } from './presenter';

const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function useLessonKeys(player: Player): void {
  const active = useStore(player.state, (s) => s.lesson !== null && !s.away);
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const t = e.target;
      if (t instanceof HTMLElement && (FORM_CONTROLS.has(t.tagName) || t.isContentEditable)) return;
      if (t instanceof Element && t.closest('dialog, [role="dialog"]')) return;
      // Shift + an arrow on a focused stage node moves the node (viz/stageKeys.ts).
      if (isNodeMoveKey(e)) return;
      const { lesson, step } = player.state.getState();
      if (!lesson) return;
      let handled = true;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') void player.next();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') void player.back();
      else if (e.key === 'Home') void player.show(0);
      else if (e.key === 'End') void player.show(lesson.steps.length - 1);
      else if (/^[1-9]$/.test(e.key) && !e.shiftKey) {
        const n = Number(e.key) - 1;
        if (n < lesson.steps.length && n !== step) void player.show(n);
      } else if (e.key === 'Escape' && lessonUi.getState().presenting) stopPresenting();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // Capture phase: before the page's own arrow keys (useKeyboardShortcuts), which then see
    // the event as handled.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, player]);
}
