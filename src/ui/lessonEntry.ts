/**
 * What the initial JavaScript knows of lessons: whether the lesson player is open, whether the
 * page presents (presenter mode), and whether the address is a lesson link. The player itself
 * (src/ui/lessons) loads on the first click or when the page opens on a lesson link.
 */
import { createStore } from 'zustand/vanilla';
import type { ShortcutTarget } from './useKeyboardShortcuts';

export const LESSON_KEYS = { lesson: 'lesson', step: 'step', doc: 'lessonDoc' } as const;

const OWN_KEYS: ReadonlySet<string> = new Set(Object.values(LESSON_KEYS));

export const isLessonKey = (key: string): boolean => OWN_KEYS.has(key);

/** Whether the hash opens a lesson (`#lesson=<id>&step=<n>` or `#lessonDoc=...`). */
export function isLessonLink(hash: string): boolean {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.split('&').some((pair) => {
    const key = pair.split('=', 1)[0] ?? '';
    return key === LESSON_KEYS.lesson || key === LESSON_KEYS.doc;
  });
}

export interface LessonUi {
  open: boolean;
  presenting: boolean;
  /** Where the page's keys go while a lesson step shows two designs (their pair), else null. */
  keys: ShortcutTarget | null;
}

export const lessonUi = createStore<LessonUi>()(() => ({
  open: false,
  presenting: false,
  keys: null,
}));

export const openLessons = () => lessonUi.setState({ open: true });
