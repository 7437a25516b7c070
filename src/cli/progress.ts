/**
 * Progress for long runs on a terminal: the run advances in chunks of ticks and a percentage
 * line overwrites itself on stderr. Chunking does not change the result: advancing N ticks in
 * pieces gives exactly what advancing them at once gives (the engine's tick loop is stateless
 * between calls).
 */
import { advance, finished, runToEnd, type SimState } from '../engine';
import { formatDuration } from './duration';

/** Runs shorter than this (wall time) print nothing, so quick runs leave no trace on screen. */
export const SHOW_AFTER_MS = 250;
/** About this many chunks per run: enough for a smooth percentage, cheap to check. */
const CHUNKS = 200;

export interface ProgressOptions {
  write: (text: string) => void;
  /** Wall clock in ms (injected so tests can drive it). */
  now: () => number;
  /** What is running, after "simulating" (for commands that run several scenarios). */
  label?: string;
  /** Wall time the quarter-second delay counts from; defaults to the start of this run. */
  since?: number;
}

/** Run to the end, showing a self-overwriting progress line; clears it when done. */
export function runWithProgress(st: SimState, opts: ProgressOptions): void {
  const total = st.endTick;
  const chunk = Math.max(1, Math.ceil(total / CHUNKS));
  const started = opts.since ?? opts.now();
  const what = opts.label ? `simulating ${opts.label}` : 'simulating';
  const totalMs = (total * st.tickUs) / 1000;
  let shown = -1;
  while (!finished(st)) {
    advance(st, chunk);
    const percent = Math.floor((st.tick * 100) / total);
    if (percent !== shown && percent < 100 && opts.now() - started >= SHOW_AFTER_MS) {
      shown = percent;
      const simMs = (st.tick * st.tickUs) / 1000;
      opts.write(
        `\r${what}: ${percent} %  (${formatDuration(simMs)} of ${formatDuration(totalMs)})\x1b[K`,
      );
    }
  }
  if (shown >= 0) opts.write('\r\x1b[K');
}

/** Run to the end, with progress only when asked for. */
export function runScenario(st: SimState, progress: ProgressOptions | null): void {
  if (progress) runWithProgress(st, progress);
  else runToEnd(st);
}
