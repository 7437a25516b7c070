/**
 * Engine throughput against the practical limit (see docs/benchmark.md).
 *
 *   npm run bench                      1,000,000 messages, 5 timed runs after warm-ups
 *   npm run bench -- --messages 100000 --runs 5 --json
 *
 * M/M/1 at utilisation 0.9 (arrivals every 1 ms on average, service 0.9 ms) through the real
 * engine path, headless and without an event sink, next to a minimal hand-written M/M/1 loop
 * that draws the same variates. Both walk the same sample path, so their sums must agree.
 */
import { arch, cpus, platform } from 'node:os';
import {
  advance,
  createSim,
  finished,
  LIMITS,
  runToEnd,
  validateScenario,
  type Scenario,
  type SimState,
} from '../src/engine';
import {
  collectGarbage,
  MB,
  median,
  peakRssMB,
  sampleHeap,
  timeNs,
  type HeapSample,
} from './measure';
import { runMinimalMm1, type Mm1Sums } from './mm1Minimal';

const ARRIVAL_MEAN_MS = 1;
const SERVICE_MEAN_MS = 0.9;
const SEED = 1;
const TARGET_RATIO = 0.25;

interface Options {
  messages: number;
  runs: number;
  json: boolean;
}

const USAGE = 'usage: npm run bench -- [--messages N] [--runs N] [--json]';

function parseOptions(argv: readonly string[]): Options {
  const opts: Options = { messages: 1_000_000, runs: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--json' && inline === undefined) opts.json = true;
    else if (name === '--help' || name === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else if (name === '--messages' || name === '--runs') {
      const text = inline ?? argv[++i];
      const max = name === '--messages' ? LIMITS.count : 100;
      const n = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
      if (!(n >= 1 && n <= max))
        fail(`${name} must be an integer from 1 to ${max}, got ${JSON.stringify(text ?? '')}`);
      if (name === '--messages') opts.messages = n;
      else opts.runs = n;
    } else fail(`unknown option ${JSON.stringify(arg)}`);
  }
  return opts;
}

function fail(message: string): never {
  process.stderr.write(`bench: error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** The M/M/1 scenario as a user would write it, validated like any other. */
function mm1Scenario(messages: number): Scenario {
  // Room for every arrival (mean N ms, sd √N ms) and the drain; idle ticks after it cost nothing.
  const durationMs = Math.ceil(
    messages * ARRIVAL_MEAN_MS * 1.2 + 10 * Math.sqrt(messages) + 60_000,
  );
  const raw = {
    version: 1,
    name: `bench: M/M/1 at rho 0.9, ${messages} messages`,
    seed: SEED,
    durationMs,
    nodes: [
      {
        id: 'arrivals',
        kind: 'producer',
        to: 'queue',
        arrival: { dist: 'exponential', meanMs: ARRIVAL_MEAN_MS },
        count: messages,
      },
      { id: 'queue', kind: 'queue' },
      {
        id: 'server',
        kind: 'consumer',
        from: 'queue',
        concurrency: 1,
        prefetch: 1,
        service: { dist: 'exponential', meanMs: SERVICE_MEAN_MS },
      },
    ],
  };
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(`bench scenario is invalid:\n${result.errors.join('\n')}`);
  return result.value;
}

interface EngineSums extends Mm1Sums {
  acked: number;
}

function engineSums(st: SimState): EngineSums {
  const c = st.consumers[0]!;
  return {
    acked: c.stats.acked,
    completed: c.stats.acked,
    waitSumUs: c.stats.wait.sumUs,
    sojournSumUs: c.stats.latency.sumUs,
    endUs: st.nowUs,
  };
}

function runEngine(scenario: Scenario): EngineSums {
  const st = createSim(scenario);
  runToEnd(st);
  return engineSums(st);
}

/** Untimed engine runs after the memory run, before timing starts. */
const ENGINE_WARMUPS = 3;

/** The untimed warm-up run, in chunks so the heap can be sampled at 10 %, 50 % and 100 %. */
function engineMemoryRun(scenario: Scenario, messages: number) {
  const samples: Record<string, HeapSample> = {};
  const before = sampleHeap();
  const st = createSim(scenario);
  const marks = [0.1, 0.5];
  const chunkTicks = 100; // 1 s of simulated time, about 1,000 messages
  while (!finished(st) && marks.length > 0) {
    advance(st, chunkTicks);
    if (st.queues[0]!.stats.acked >= marks[0]! * messages)
      samples[`${Math.round(marks.shift()! * 100)}%`] = sampleHeap();
  }
  runToEnd(st);
  samples['100%'] = sampleHeap();
  return {
    before,
    samples,
    sums: engineSums(st),
    liveMessages: st.msgs.length,
    heapEvents: st.heap.size,
  };
}

function minimal(messages: number, mathLog: boolean): Mm1Sums {
  return runMinimalMm1({
    messages,
    seed: SEED,
    arrivalMeanUs: ARRIVAL_MEAN_MS * 1000,
    serviceMeanUs: SERVICE_MEAN_MS * 1000,
    arrivalStream: 'arrival:arrivals',
    serviceStream: 'service:server',
    mathLog,
  });
}

const perSec = (messages: number, ns: number) => (messages * 1e9) / ns;
const meanMs = (sumUs: number, n: number) => sumUs / n / 1000;

function main(): void {
  const rssAtStartMB = process.memoryUsage().rss / MB;
  const opts = parseOptions(process.argv.slice(2));
  const n = opts.messages;
  const scenario = mm1Scenario(n);
  const log = (line: string) => {
    if (!opts.json) process.stdout.write(line + '\n');
  };
  log(
    `M/M/1, rho = ${SERVICE_MEAN_MS / ARRIVAL_MEAN_MS}, ${n} messages, ${opts.runs} timed runs after warm-ups (median reported)`,
  );
  log(
    `node ${process.version}, ${platform()} ${arch()}, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}`,
  );

  // Warm-up, so that both are timed at their steady state: the engine, a much larger program,
  // needs a few runs before the JIT stops re-optimising it (its first runs are up to 50 %
  // slower); the minimal loop settles at once. The first engine run doubles as the memory run.
  const memory = engineMemoryRun(scenario, n);
  for (let w = 0; w < ENGINE_WARMUPS; w++) runEngine(scenario);
  const warmMinimal = minimal(n, false);
  minimal(n, true);
  const rssAfterWarmupMB = peakRssMB();

  const times = { engine: [] as number[], minimal: [] as number[], mathLog: [] as number[] };
  let engine: EngineSums = memory.sums;
  let exact: Mm1Sums = warmMinimal;
  let mathLog: Mm1Sums = warmMinimal;
  // Interleaved rounds, each after a full GC, so drift in machine load hits all three alike.
  for (let r = 0; r < opts.runs; r++) {
    collectGarbage?.();
    const e = timeNs(() => runEngine(scenario));
    times.engine.push(e.ns);
    engine = e.value;
    collectGarbage?.();
    const m = timeNs(() => minimal(n, false));
    times.minimal.push(m.ns);
    exact = m.value;
    collectGarbage?.();
    const l = timeNs(() => minimal(n, true));
    times.mathLog.push(l.ns);
    mathLog = l.value;
    log(
      `  run ${r + 1}: engine ${(e.ns / 1e6).toFixed(0)} ms, minimal ${(m.ns / 1e6).toFixed(0)} ms, minimal+Math.log ${(l.ns / 1e6).toFixed(0)} ms`,
    );
  }
  if (engine.acked !== n || exact.completed !== n) {
    throw new Error(
      `not every message was acked: engine ${engine.acked}, minimal ${exact.completed} of ${n}`,
    );
  }

  const rho = SERVICE_MEAN_MS / ARRIVAL_MEAN_MS;
  // 1/(mu - lambda), rounded so float noise (9.000000000000002) does not show.
  const theorySojournMs = Number((SERVICE_MEAN_MS / (1 - rho)).toFixed(9));
  const theoryWaitMs = Number((rho * theorySojournMs).toFixed(9)); // rho/(mu - lambda)
  const rate = {
    engine: perSec(n, median(times.engine)),
    minimal: perSec(n, median(times.minimal)),
    minimalMathLog: perSec(n, median(times.mathLog)),
  };
  const result = {
    messages: n,
    runs: opts.runs,
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} x${cpus().length}`,
    messagesPerSec: rate,
    medianWallMs: {
      engine: median(times.engine) / 1e6,
      minimal: median(times.minimal) / 1e6,
      minimalMathLog: median(times.mathLog) / 1e6,
    },
    ratioEngineToMinimal: rate.engine / rate.minimal,
    targetRatio: TARGET_RATIO,
    meetsTarget: rate.engine / rate.minimal >= TARGET_RATIO,
    meanSojournMs: {
      theory: theorySojournMs,
      engine: meanMs(engine.sojournSumUs, engine.completed),
      minimal: meanMs(exact.sojournSumUs, exact.completed),
      minimalMathLog: meanMs(mathLog.sojournSumUs, mathLog.completed),
    },
    meanWaitMs: {
      theory: theoryWaitMs,
      engine: meanMs(engine.waitSumUs, engine.completed),
      minimal: meanMs(exact.waitSumUs, exact.completed),
      minimalMathLog: meanMs(mathLog.waitSumUs, mathLog.completed),
    },
    samePathAsEngine:
      engine.sojournSumUs === exact.sojournSumUs && engine.waitSumUs === exact.waitSumUs,
    memory: {
      gcAvailable: collectGarbage !== null,
      heapBefore: memory.before,
      heapDuringEngineRun: memory.samples,
      engineStateAtEnd: { msgSlots: memory.liveMessages, heapEvents: memory.heapEvents },
      rssAtStartMB,
      peakRssAfterWarmupMB: rssAfterWarmupMB,
      peakRssMB: peakRssMB(),
    },
  };
  if (opts.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const f0 = (x: number) => Math.round(x).toLocaleString('en-US');
  const f2 = (x: number) => x.toFixed(2);
  const dev = (x: number, ref: number) =>
    `${x >= ref ? '+' : ''}${(((x - ref) / ref) * 100).toFixed(1)} %`;
  log('');
  log(`throughput (messages acked per second, median)`);
  log(`  engine                   ${f0(rate.engine).padStart(12)} msg/s`);
  log(
    `  minimal loop             ${f0(rate.minimal).padStart(12)} msg/s   (same generator and deterministic ln as the engine)`,
  );
  log(
    `  minimal loop, Math.log   ${f0(rate.minimalMathLog).padStart(12)} msg/s   (for information)`,
  );
  log(
    `  engine / minimal         ${(result.ratioEngineToMinimal * 100).toFixed(1).padStart(10)} %       (target >= ${TARGET_RATIO * 100} %: ${result.meetsTarget ? 'met' : 'NOT met'})`,
  );
  log('');
  log(`mean sojourn (publish to ack), theory 1/(mu - lambda) = ${f2(theorySojournMs)} ms`);
  log(
    `  engine ${f2(result.meanSojournMs.engine)} ms (${dev(result.meanSojournMs.engine, theorySojournMs)}), minimal ${f2(result.meanSojournMs.minimal)} ms, minimal+Math.log ${f2(result.meanSojournMs.minimalMathLog)} ms`,
  );
  log(`mean wait in queue, theory rho/(mu - lambda) = ${f2(theoryWaitMs)} ms`);
  log(
    `  engine ${f2(result.meanWaitMs.engine)} ms (${dev(result.meanWaitMs.engine, theoryWaitMs)}), minimal ${f2(result.meanWaitMs.minimal)} ms, minimal+Math.log ${f2(result.meanWaitMs.minimalMathLog)} ms`,
  );
  log(
    `  engine and minimal loop walked the same sample path (equal sums): ${result.samePathAsEngine ? 'yes' : 'NO'}`,
  );
  log('');
  const heap = (s: HeapSample | undefined) =>
    s
      ? `${f2(s.heapUsedMB)} MB${s.liveHeapMB === null ? '' : ` (live after GC ${f2(s.liveHeapMB)} MB)`}`
      : 'n/a';
  log(`memory`);
  log(`  heapUsed before the engine run   ${heap(memory.before)}`);
  for (const mark of ['10%', '50%', '100%'])
    log(`  heapUsed at ${mark.padEnd(4)} of messages      ${heap(memory.samples[mark])}`);
  log(
    `  engine state at the end: ${memory.liveMessages} message slots, ${memory.heapEvents} pending events`,
  );
  log(
    `  RSS ${f2(rssAtStartMB)} MB at start (Node + tsx); peak RSS ${f2(rssAfterWarmupMB)} MB after the warm-up, ${f2(result.memory.peakRssMB)} MB at the end`,
  );
}

main();
