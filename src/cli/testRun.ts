/** Running the CLI in tests: a run that must succeed, and one that must be refused. */
import { expect } from 'vitest';
import { EXIT_OK, EXIT_USAGE, run } from './run';
import { captureIO } from './testIO';

type Options = Parameters<typeof captureIO>[0];

/** Exit 0 with nothing on stderr; returns stdout. */
export function runOk(argv: string[], options: Options = {}): string {
  const c = captureIO(options);
  const code = run(argv, c.io);
  expect(c.stderr(), 'nothing on stderr').toBe('');
  expect(code).toBe(EXIT_OK);
  return c.stdout();
}

/** Exit 2 with an error on stderr and nothing on stdout; returns stderr. */
export function refused(argv: string[], options: Options = {}): string {
  const c = captureIO(options);
  expect(run(argv, c.io)).toBe(EXIT_USAGE);
  expect(c.stdout()).toBe('');
  expect(c.stderr()).toMatch(/^sim: error: /);
  return c.stderr();
}
