/**
 * The lesson player, as the lazy panels' chunk exposes it: the player and the course are a chunk
 * of their own, loaded when the player opens; its loader and the failure notice wait in the lazy
 * panels' chunk, so none of it is in the initial JavaScript (~149 KB of its 150 KB budget).
 */
import { lazy } from 'react';

function LessonLoadFailed() {
  return (
    <p className="notice notice--error" role="alert">
      The lessons could not be loaded; reload the page to try again.
    </p>
  );
}

export const LessonPlayer = lazy(() =>
  import('./lessons/LessonPlayer').then(
    (m) => ({ default: m.LessonPlayer }),
    () => ({ default: LessonLoadFailed }),
  ),
);
