/** The text of `sim --help`. Keep it in step with docs/cli.md. */
import { DURATION_FORMS } from './duration';

export const USAGE = `Usage:
  npm run -s sim -- <scenario.json | preset-id> [--seed N] [--duration D] [--json]
  npm run -s sim -- --list [--json]
  npm run -s sim -- --help

Runs a scenario headless to its end and prints its numbers: totals, one row per
producer, queue and consumer (throughput, latency mean/p50/p95/p99, wait and
service means). Times are in milliseconds.

Arguments:
  scenario.json      path to a scenario file (any argument ending in .json)
  preset-id          a built-in preset (any other argument); see --list

Options:
  --seed N           override the scenario's seed: an integer from 0 to 4294967295
  --duration D       override the scenario's duration: ${DURATION_FORMS}
                     (at most 7 days, the engine's limit)
  --json             print nothing but one JSON document on stdout (see docs/cli.md)
  --list             list the presets, one per line with its description
  -h, --help         show this help

Exit codes:
  0  success
  1  internal error (a bug: please report it with the command line)
  2  bad argument, unknown preset, unreadable file, invalid JSON or invalid scenario

Progress is shown on stderr for long runs when stderr is a terminal (never with --json).
`;
