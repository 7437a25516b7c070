/** The real entry point, as a process: proves `npm run sim` is wired to `run`. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { presetIds } from '../scenarios';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sim(...args: string[]) {
  // The same thing `npm run sim` runs (tsx src/cli/main.ts), without npm in between.
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('src/cli/main.ts as a process', () => {
  it('--list prints every preset and exits 0', () => {
    const p = sim('--list');
    expect(p.stderr).toBe('');
    expect(p.status).toBe(0);
    for (const id of presetIds()) expect(p.stdout).toContain(id);
  });

  it('exits 2 with a message on stderr and nothing on stdout for a bad argument', () => {
    const p = sim('mm1', '--seed', 'banana');
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain('--seed must be an integer from 0 to 4294967295, got "banana"');
  });

  it('--json to a pipe is one JSON document and no progress', () => {
    const p = sim('mm1', '--duration', '5s', '--json');
    expect(p.status).toBe(0);
    expect(p.stderr).toBe('');
    expect(JSON.parse(p.stdout)).toMatchObject({
      scenario: 'M/M/1 at 90 % load',
      simulatedMs: 5000,
    });
  });
});
