/** Fake streams for calling `run` in tests: everything written is kept as text. */
import type { CliIO } from './run';

export interface Captured {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

/** `clockStepMs`: each reading of the fake wall clock advances it by this much. */
export function captureIO(
  options: { isTTY?: boolean; clockStepMs?: number; cwd?: string } = {},
): Captured {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  const step = options.clockStepMs ?? 0;
  const io: CliIO = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    isTTY: options.isTTY ?? false,
    now: () => (clock += step),
  };
  if (options.cwd !== undefined) io.cwd = options.cwd;
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
