/**
 * The CLI as a function: `run(argv, io)` parses the arguments, runs the scenario and writes the
 * report, returning the exit code. It never calls process.exit and touches no global stream, so
 * tests drive it with fake streams and main.ts stays a two-line shell.
 */
import { createSim, report } from '../engine';
import { comparisonIds, loadComparison, presetDescription, presetIds } from '../scenarios';
import { parseArgs, type Command } from './args';
import { compareJson, runDesigns, runSweep, type ProgressFor } from './compare';
import { formatCompare, formatSweep } from './compareFormat';
import { loadComparisonTarget } from './compareLoad';
import { formatReport } from './format';
import { formatJson } from './json';
import { loadTarget } from './load';
import { pairJson, runPair } from './pair';
import { formatPair } from './pairFormat';
import { runScenario } from './progress';
import { renderTable } from './table';
import { USAGE } from './usage';

export interface Output {
  write(text: string): unknown;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Is stderr a terminal? Only then is progress shown. */
  isTTY: boolean;
  /** Wall clock in ms for the progress line; defaults to Date.now. */
  now?: () => number;
  /** Directory that relative scenario paths are read from; defaults to process.cwd(). */
  cwd?: string;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

const PROGRAM = 'sim';

function fail(io: CliIO, lines: readonly string[], hint: boolean): number {
  const text = lines.map((line, i) => (i === 0 ? `${PROGRAM}: error: ${line}` : line)).join('\n');
  io.stderr.write(text + '\n');
  if (hint) io.stderr.write(`Run "npm run -s sim -- --help" for usage.\n`);
  return EXIT_USAGE;
}

/** What `--list --json` prints per entry; `kind` tells scenarios (run with `sim <id>`) from
 * comparisons (run with `sim compare <id>`). */
export interface ListEntry {
  id: string;
  description: string;
  kind: 'scenario' | 'comparison';
}

function list(io: CliIO, json: boolean): number {
  const presets: ListEntry[] = presetIds().map((id) => ({
    id,
    description: presetDescription(id),
    kind: 'scenario',
  }));
  const comparisons: ListEntry[] = comparisonIds().map((id) => ({
    id,
    description: loadComparison(id).description,
    kind: 'comparison',
  }));
  if (json) io.stdout.write(JSON.stringify([...presets, ...comparisons], null, 2) + '\n');
  else {
    const table = (title: string, entries: ListEntry[]) =>
      renderTable(
        [title, 'description'],
        entries.map((p) => [p.id, p.description]),
        2,
      );
    io.stdout.write(
      [
        ...table('preset', presets),
        '',
        ...table('comparison', comparisons),
        '',
        'Run a preset with "sim <preset>", a comparison with "sim compare <comparison>",',
        'two presets side by side with "sim compare <preset> <preset>".',
      ].join('\n') + '\n',
    );
  }
  return EXIT_OK;
}

/** Progress options for one of several runs, on a terminal and without --json only. */
function progressFor(io: CliIO, json: boolean): ProgressFor {
  const now = io.now ?? Date.now;
  const since = now();
  return (label) =>
    io.isTTY && !json ? { write: (t) => io.stderr.write(t), now, label, since } : null;
}

function compare(io: CliIO, cmd: Extract<Command, { kind: 'compare' }>): number {
  const loaded = loadComparisonTarget(cmd.target, io.cwd ?? process.cwd());
  if (!loaded.ok) return fail(io, loaded.errors, false);
  const options = { seed: cmd.seed, durationMs: cmd.durationMs };
  const progress = progressFor(io, cmd.json);
  if (cmd.sweep) {
    const swept = runSweep(loaded.raw, loaded.comparison, cmd.sweep, options, progress);
    if (!swept.ok) return fail(io, swept.errors, false);
    io.stdout.write(
      cmd.json
        ? JSON.stringify(swept.value, null, 2) + '\n'
        : formatSweep(swept.value, loaded.source),
    );
    return EXIT_OK;
  }
  const runs = runDesigns(loaded.comparison, options, progress);
  io.stdout.write(
    cmd.json
      ? JSON.stringify(compareJson(loaded.comparison, runs), null, 2) + '\n'
      : formatCompare(loaded.comparison, loaded.source, runs),
  );
  return EXIT_OK;
}

/** `sim compare <a> <b>`: two plain scenarios, each loaded and checked before either runs. */
function compareScenarios(io: CliIO, cmd: Extract<Command, { kind: 'compareScenarios' }>): number {
  const cwd = io.cwd ?? process.cwd();
  const [a, b] = cmd.targets.map((target) => loadTarget(target, cwd, 'pair'));
  // Both are reported when both are wrong, each starting with its own "sim: error:".
  const errors = [a!, b!].flatMap((loaded) => (loaded.ok ? [] : loaded.errors));
  if (!a!.ok && !b!.ok) errors[a!.errors.length] = `${PROGRAM}: error: ${b!.errors[0]}`;
  if (!a!.ok || !b!.ok) return fail(io, errors, false);
  const runs = runPair(
    { a: a!, b: b! },
    { seed: cmd.seed, durationMs: cmd.durationMs },
    progressFor(io, cmd.json),
  );
  io.stdout.write(cmd.json ? JSON.stringify(pairJson(runs), null, 2) + '\n' : formatPair(runs));
  return EXIT_OK;
}

function runOne(io: CliIO, cmd: Extract<Command, { kind: 'run' }>): number {
  const loaded = loadTarget(cmd.target, io.cwd ?? process.cwd());
  if (!loaded.ok) return fail(io, loaded.errors, false);
  const st = createSim(loaded.scenario, { seed: cmd.seed, durationMs: cmd.durationMs });
  const showProgress = io.isTTY && !cmd.json;
  runScenario(
    st,
    showProgress ? { write: (t) => io.stderr.write(t), now: io.now ?? Date.now } : null,
  );
  const tickMs = st.tickUs / 1000;
  const r = report(st);
  io.stdout.write(
    cmd.json ? formatJson(r, tickMs) : formatReport(r, { source: loaded.source, tickMs }),
  );
  return EXIT_OK;
}

export function run(argv: readonly string[], io: CliIO): number {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return fail(io, [parsed.error], true);
    const cmd = parsed.command;
    switch (cmd.kind) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT_OK;
      case 'list':
        return list(io, cmd.json);
      case 'run':
        return runOne(io, cmd);
      case 'compare':
        return compare(io, cmd);
      case 'compareScenarios':
        return compareScenarios(io, cmd);
    }
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr.write(`${PROGRAM}: internal error: ${detail}\n`);
    return EXIT_INTERNAL;
  }
}
