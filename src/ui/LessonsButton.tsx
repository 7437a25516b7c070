/**
 * The "Lessons" button of the header: opens the lesson player (loaded on the first click, with
 * the course, so neither costs anything in the initial JavaScript).
 */
import { useStore } from 'zustand';
import { lessonUi, openLessons } from './lessonEntry';

export function LessonsButton() {
  const open = useStore(lessonUi, (s) => s.open);
  return (
    <button
      type="button"
      className="btn"
      data-testid="lessons-open"
      aria-expanded={open}
      onClick={openLessons}
      title="The guided course: short lessons that run the simulator and ask you to predict"
    >
      Lessons
    </button>
  );
}
