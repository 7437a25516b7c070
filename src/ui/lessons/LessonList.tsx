/** The course: each lesson with its summary and how many of its steps the student has done. */
import { COURSE_ENTRIES } from './lessonSource';
import { progressOf } from './progress';

export function LessonList({ onOpen }: { onOpen(id: string): void }) {
  return (
    <ol className="lesson-list" data-testid="lesson-list">
      {COURSE_ENTRIES.map((e) => {
        const done = progressOf(e.id, e.steps);
        return (
          <li key={e.id} className="lesson-list-item">
            <button
              type="button"
              className="lesson-list-open"
              data-testid={`lesson-${e.id}`}
              onClick={() => onOpen(e.id)}
            >
              <span className="lesson-list-title">{e.title}</span>
              <span
                className="lesson-list-progress"
                aria-label={`${done} of ${e.steps} steps done`}
              >
                {done}/{e.steps}
              </span>
            </button>
            <p className="muted lesson-list-summary">{e.summary}</p>
          </li>
        );
      })}
    </ol>
  );
}
