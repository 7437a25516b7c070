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

  it('reads compare, its comparison and a sweep; "compare" after -- is a scenario name', () => {
    expect(parseArgs(['compare', 'compare-blocking', '--seed', '3', '--duration=5s'])).toEqual({
      ok: true,
      command: {
        kind: 'compare',
        target: 'compare-blocking',
        seed: 3,
        durationMs: 5000,
        json: false,
      },
    });
    expect(
      parseArgs([
        '--json',
        'compare',
        'c.json',
        '--sweep',
        'orders.ratePerSec=10..400',
        '--steps=4',
      ]),
    ).toEqual({
      ok: true,
      command: {
        kind: 'compare',
        target: 'c.json',
        json: true,
        sweep: { producer: 'orders', param: 'ratePerSec', from: 10, to: 400, steps: 4 },
      },
    });
    expect(parseArgs(['compare', 'c.json', '--sweep', 'orders.ratePerSec=1..2'])).toMatchObject({
      ok: true,
      command: { sweep: { steps: 6 } },
    });
    expect(parseArgs(['--', 'compare'])).toEqual({
      ok: true,
      command: { kind: 'run', target: 'compare', json: false },
    });
  });

  it('reads compare with two scenarios, with the options that apply to both', () => {
    expect(parseArgs(['compare', 'work-queue', 'b.json', '--seed=4', '--duration', '1m'])).toEqual({
      ok: true,
      command: {
        kind: 'compareScenarios',
        targets: ['work-queue', 'b.json'],
        seed: 4,
        durationMs: 60_000,
        json: false,
      },
    });
    expect(parseArgs(['--json', 'compare', 'a', '--', '-b.json'])).toEqual({
      ok: true,
      command: { kind: 'compareScenarios', targets: ['a', '-b.json'], json: true },
    });
  });

  it.each([
    [
      ['compare'],
      /missing the comparison: give a path to a comparison \.json file or a comparison id/,
    ],
    [['compare'], /or two scenarios to compare side by side/],
    [
      ['compare', 'a', 'b', 'c'],
      /compare takes one comparison, or two scenarios to compare side by side; got 3: "a" "b" "c"/,
    ],
    [
      ['compare', 'a', 'b', '--sweep', 'p.ratePerSec=1..2'],
      /--sweep works with one comparison .*, not with two scenarios/,
    ],
    [['compare', 'a', 'b', '--steps', '3'], /--steps works with one comparison/],
    [['compare', 'a', 'b', '--seed', 'x'], /--seed must be an integer/],
    [['mm1', '--sweep', 'p.ratePerSec=1..2'], /--sweep only works with compare/],
    [['mm1', '--steps', '3'], /--steps only works with compare/],
    [['compare', 'c', '--steps', '3'], /--steps needs --sweep/],
    [['compare', 'c', '--sweep'], /--sweep needs a value: <producerId>\.ratePerSec/],
    [
      ['compare', 'c', '--sweep', 'p.ratePerSec=1..2', '--steps', '1'],
      /--steps must be an integer from 2 to 50, got "1"/,
    ],
    [
      ['compare', 'c', '--sweep', 'p.ratePerSec=1..2', '--steps', '2.5'],
      /--steps must be an integer/,
    ],
    [['compare', 'c', '--sweep', 'p.ratePerSec=2..1'], /from must be less than to/],
    [['--list', 'compare'], /--list takes no scenario or run options, got "compare"/],
    [
      ['--list', '--sweep', 'p.ratePerSec=1..2'],
      /--list takes no scenario or run options, got "--sweep"/,
    ],
  ])('compare: %j is refused: %s', (argv, message) => {
    const result = parseArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
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
