/** Open a lesson from a file; the player shows the problems of a refused one. */
import { useId } from 'react';

export function LessonLoader({ onFile }: { onFile(file: File): void }) {
  const id = useId();
  return (
    <p className="lesson-loader">
      <label htmlFor={id}>Open a lesson file</label>{' '}
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        data-testid="lesson-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </p>
  );
}
