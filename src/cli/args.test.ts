import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads a scenario with every option, in either --flag value or --flag=value form', () => {
    expect(parseArgs(['mm1', '--seed', '7', '--duration=60s', '--json'])).toEqual({
      ok: true,
      command: { kind: 'run', target: 'mm1', seed: 7, durationMs: 60_000, json: true },
    });
    expect(parseArgs(['--seed=4294967295', 'x.json'])).toEqual({
      ok: true,
      command: { kind: 'run', target: 'x.json', seed: 4294967295, json: false },
    });
  });

  it('treats everything after -- as the scenario', () => {
    expect(parseArgs(['--', '--odd.json'])).toEqual({
      ok: true,
      command: { kind: 'run', target: '--odd.json', json: false },
    });
  });

  it('reads --list, --list --json and --help (which wins over everything)', () => {
    expect(parseArgs(['--list'])).toEqual({ ok: true, command: { kind: 'list', json: false } });
    expect(parseArgs(['--list', '--json'])).toEqual({
      ok: true,
      command: { kind: 'list', json: true },
    });
    expect(parseArgs(['mm1', '-h'])).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parseArgs(['--bogus', '--help'])).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it.each([
    [[], /missing the scenario/],
    [['mm1', '--bogus'], /unknown option "--bogus"/],
    [['mm1', '-x'], /unknown option "-x"/],
    [['mm1', '--seed'], /--seed needs a value/],
    [['mm1', '--seed', '--json'], /--seed needs a value/],
    [['mm1', '--seed='], /--seed needs a value/],
    [['mm1', '--duration'], /--duration needs a value/],
    [['mm1', '--seed', 'abc'], /--seed must be an integer from 0 to 4294967295, got "abc"/],
    [['mm1', '--seed', '-1'], /--seed must be an integer.*"-1"/],
    [['mm1', '--seed', '1.5'], /--seed must be an integer.*"1.5"/],
    [['mm1', '--seed', '1e3'], /--seed must be an integer.*"1e3"/],
    [['mm1', '--seed', '4294967296'], /--seed must be an integer.*"4294967296"/],
    [['mm1', '--duration', 'soon'], /--duration: not a duration: "soon"/],
    [['mm1', '--duration', '8d'], /exceeds the engine's limit/],
    [['mm1', '--seed', '1', '--seed', '2'], /--seed is given more than once/],
    [['mm1', 'mmc'], /expected one scenario, got 2/],
    [['--list', 'mm1'], /--list takes no scenario/],
    [['--list', '--seed', '3'], /--list takes no scenario or run options, got "--seed"/],
    [['mm1', '--json=yes'], /--json takes no value/],
  ])('%j is refused: %s', (argv, message) => {
    const result = parseArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
