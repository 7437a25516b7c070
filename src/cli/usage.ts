/** The text of `sim --help`. Keep it in step with docs/cli.md. */
import { DURATION_FORMS } from './duration';
import { DEFAULT_STEPS, MAX_STEPS, MIN_STEPS } from './sweep';

export const USAGE = `Usage:
  npm run -s sim -- <scenario.json | preset-id> [--seed N] [--duration D] [--json]
  npm run -s sim -- compare <comparison.json | comparison-id> [--seed N] [--duration D] [--json]
  npm run -s sim -- compare <comparison> --sweep <producer>.ratePerSec=<from>..<to> [--steps K] ...
  npm run -s sim -- compare <scenario-a> <scenario-b> [--seed N] [--duration D] [--json]
  npm run -s sim -- --list [--json]
  npm run -s sim -- --help

Runs a scenario headless to its end and prints its numbers: totals, one row per
producer, queue and consumer (throughput, latency mean/p50/p95/p99, wait and
service means), and for service scenarios the services and the order flow.
Times are in milliseconds.

"compare" runs both designs of a comparison (synchronous calls and asynchronous
messaging, on the same workload and faults) with the same seed and duration, and
prints them side by side: availability, latency, throughput, resilience, error
handling and resources, with the better design marked. With --sweep it reruns
both designs at several arrival rates, to show where each one collapses.

"compare" with two scenarios (preset ids or .json files) runs both, with the
same --seed and --duration when given, and prints general measures side by side:
published, delivered, throughput, end-to-end latency, backlog, lost, duplicated,
dead-lettered, redelivered; and the order rows when both have services.

Arguments:
  scenario.json      path to a scenario file (any argument ending in .json)
  preset-id          a built-in preset (any other argument); see --list
  comparison.json    path to a comparison file ("kind": "compare")
  comparison-id      a built-in comparison, such as compare-tight-coupling; see --list

Options:
  --seed N           override the seed: an integer from 0 to 4294967295
  --duration D       override the duration: ${DURATION_FORMS}
                     (at most 7 days, the engine's limit)
  --json             print nothing but one JSON document on stdout (see docs/cli.md)
  --sweep P.ratePerSec=FROM..TO
                     (compare only) run at rates from FROM to TO messages per second
                     of the workload producer P, spaced geometrically (at most 1000000/s)
  --steps K          (with --sweep) how many rates: ${MIN_STEPS} to ${MAX_STEPS}, default ${DEFAULT_STEPS}
  --list             list the presets and the comparisons, one per line with its description
  -h, --help         show this help

Examples:
  npm run -s sim -- mm1 --duration 10m
  npm run -s sim -- compare compare-tight-coupling
  npm run -s sim -- compare work-queue pubsub-fanout --duration 1m
  npm run -s sim -- compare compare-happy-path --sweep orders.ratePerSec=10..400 --duration 30s

Exit codes:
  0  success
  1  internal error (a bug: please report it with the command line)
  2  bad argument, unknown preset or comparison, unreadable file, invalid JSON,
     invalid scenario or comparison, or a sweep that does not fit the comparison

Progress is shown on stderr for long runs when stderr is a terminal (never with --json).
`;
