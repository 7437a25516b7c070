/**
 * Command-line arguments of `sim`: one scenario (a .json file or a preset id) and a few flags, or
 * `compare` and one comparison (a .json file or a comparison id), optionally with a rate sweep,
 * or `compare` and two plain scenarios, run side by side.
 * Parsing never throws and never exits: it returns the options or the first problem found, so
 * `run` decides what to print.
 */
import { LIMITS } from '../engine';
import { formatDuration, parseDuration } from './duration';
import {
  DEFAULT_STEPS,
  MAX_STEPS,
  MIN_STEPS,
  parseSteps,
  parseSweep,
  SWEEP_FORM,
  type SweepSpec,
} from './sweep';

export type Command =
  | { kind: 'help' }
  | { kind: 'list'; json: boolean }
  | { kind: 'run'; target: string; seed?: number; durationMs?: number; json: boolean }
  | {
      kind: 'compare';
      target: string;
      seed?: number;
      durationMs?: number;
      json: boolean;
      sweep?: SweepSpec;
    }
  | {
      kind: 'compareScenarios';
      targets: [string, string];
      seed?: number;
      durationMs?: number;
      json: boolean;
    };

/** The subcommand word: `sim compare <comparison>`. */
export const COMPARE = 'compare';

export type ArgsResult = { ok: true; command: Command } | { ok: false; error: string };

const SEED_MAX = 4294967295;

/** Flags that take a value, and what the value must be (for "missing value" messages). */
const VALUE_FLAGS: Readonly<Record<string, string>> = {
  '--seed': `an integer from 0 to ${SEED_MAX}`,
  '--duration': 'a duration such as 60s, 500ms, 10m or 1h',
  '--sweep': `${SWEEP_FORM}, for example orders.ratePerSec=10..400`,
  '--steps': `an integer from ${MIN_STEPS} to ${MAX_STEPS} (default ${DEFAULT_STEPS})`,
};
const BOOLEAN_FLAGS = new Set(['--json', '--list']);

export function parseSeed(text: string): { ok: true; seed: number } | { ok: false; error: string } {
  // Digits only: "1e3", "0x10", "1.0" and "-1" are all refused rather than silently converted.
  const seed = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  if (!(seed <= SEED_MAX)) {
    return {
      ok: false,
      error: `--seed must be an integer from 0 to ${SEED_MAX}, got ${JSON.stringify(text)}`,
    };
  }
  return { ok: true, seed };
}

export function parseDurationFlag(
  text: string,
): { ok: true; ms: number } | { ok: false; error: string } {
  const d = parseDuration(text);
  if (!d.ok) return { ok: false, error: `--duration: ${d.error}` };
  if (d.ms > LIMITS.durationMs) {
    return {
      ok: false,
      error:
        `--duration ${text} (${d.ms} ms) exceeds the engine's limit of ` +
        `${formatDuration(LIMITS.durationMs)} (${LIMITS.durationMs} ms); nothing was run`,
    };
  }
  return d;
}

/** Split `--flag=value` into its two halves; other arguments come back unchanged. */
function splitInline(arg: string): [string, string | undefined] {
  if (!arg.startsWith('--')) return [arg, undefined];
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/** Does --help or -h appear before any "--"? Then help wins over every other argument. */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  if (wantsHelp(argv)) return { ok: true, command: { kind: 'help' } };
  const fail = (error: string): ArgsResult => ({ ok: false, error });
  const flags = new Map<string, string>();
  const positionals: string[] = [];
  let onlyPositionals = false;
  // "compare" is the subcommand only as the first positional before any "--".
  let subcommand = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      if (positionals.length === 0 && !onlyPositionals && arg === COMPARE) subcommand = true;
      else positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const [name, inline] = splitInline(arg);
    if (flags.has(name)) return fail(`${name} is given more than once`);
    if (BOOLEAN_FLAGS.has(name)) {
      if (inline !== undefined) return fail(`${name} takes no value, got ${JSON.stringify(arg)}`);
      flags.set(name, '');
      continue;
    }
    const expects = VALUE_FLAGS[name];
    if (expects === undefined) return fail(`unknown option ${JSON.stringify(name)}`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // "--seed --json" is a missing value, not a seed called "--json"; "--seed -1" is a bad one.
      if (next === undefined || next.startsWith('--'))
        return fail(`${name} needs a value: ${expects}`);
      value = next;
      i++;
    }
    if (value === '') return fail(`${name} needs a value: ${expects}`);
    flags.set(name, value);
  }
  const json = flags.has('--json');
  if (flags.has('--list')) {
    const extra =
      (subcommand ? COMPARE : positionals[0]) ??
      ['--seed', '--duration', '--sweep', '--steps'].find((f) => flags.has(f));
    if (extra !== undefined)
      return fail(`--list takes no scenario or run options, got ${JSON.stringify(extra)}`);
    return { ok: true, command: { kind: 'list', json } };
  }
  if (positionals.length === 0)
    return fail(
      subcommand
        ? 'missing the comparison: give a path to a comparison .json file or a comparison id (see --list), ' +
            'or two scenarios to compare side by side'
        : 'missing the scenario: give a path to a .json file or a preset id (see --list)',
    );
  const shown = positionals.map((p) => JSON.stringify(p)).join(' ');
  if (!subcommand && positionals.length > 1)
    return fail(`expected one scenario, got ${positionals.length}: ${shown}`);
  if (subcommand && positionals.length > 2)
    return fail(
      `${COMPARE} takes one comparison, or two scenarios to compare side by side; ` +
        `got ${positionals.length}: ${shown}`,
    );
  const sweepOrSteps = ['--sweep', '--steps'].find((f) => flags.has(f));
  if (!subcommand && sweepOrSteps !== undefined)
    return fail(
      `${sweepOrSteps} only works with ${COMPARE}: sim ${COMPARE} <comparison> ${sweepOrSteps} ...`,
    );
  if (positionals.length === 2 && sweepOrSteps !== undefined)
    return fail(
      `${sweepOrSteps} works with one comparison (sim ${COMPARE} <comparison> --sweep ...), ` +
        `not with two scenarios`,
    );
  const command: Command = !subcommand
    ? { kind: 'run', target: positionals[0]!, json }
    : positionals.length === 2
      ? { kind: 'compareScenarios', targets: [positionals[0]!, positionals[1]!], json }
      : { kind: 'compare', target: positionals[0]!, json };
  const seedText = flags.get('--seed');
  if (seedText !== undefined) {
    const seed = parseSeed(seedText);
    if (!seed.ok) return fail(seed.error);
    command.seed = seed.seed;
  }
  const durationText = flags.get('--duration');
  if (durationText !== undefined) {
    const d = parseDurationFlag(durationText);
    if (!d.ok) return fail(d.error);
    command.durationMs = d.ms;
  }
  if (command.kind === 'compare') {
    const sweepText = flags.get('--sweep');
    const stepsText = flags.get('--steps');
    if (sweepText === undefined) {
      if (stepsText !== undefined) return fail(`--steps needs --sweep ${SWEEP_FORM}`);
    } else {
      let steps = DEFAULT_STEPS;
      if (stepsText !== undefined) {
        const k = parseSteps(stepsText);
        if (!k.ok) return fail(k.error);
        steps = k.value;
      }
      const sweep = parseSweep(sweepText, steps);
      if (!sweep.ok) return fail(sweep.error);
      command.sweep = sweep.value;
    }
  }
  return { ok: true, command };
}
