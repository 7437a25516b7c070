/** Entry point of `npm run sim`: wire the real process to `run` and report its exit code. */
import { run } from './run';

// A reader that stops early (`sim --json | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// exitCode rather than exit(): piped stdout is flushed before the process ends.
process.exitCode = run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stderr.isTTY),
});
