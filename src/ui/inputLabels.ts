/**
 * Words for inputs (timeline markers, the log, notices), by input type. A type this table does
 * not know is shown as its name and the ids it carries, so new engine inputs still read well.
 */
import type { Input } from '../engine';

type Fields = Readonly<Record<string, unknown>>;

const LABELS: Readonly<Record<string, (i: Fields) => string>> = {
  producerPaused: (i) => `Pause ${String(i.producerId)}`,
  producerResumed: (i) => `Resume ${String(i.producerId)}`,
  rateChanged: (i) => `Rate of ${String(i.producerId)} → ${String(i.ratePerSec)}/s`,
  consumerCrashed: (i) => `Crash ${String(i.consumerId)}`,
  consumerRestarted: (i) => `Restart ${String(i.consumerId)}`,
  concurrencyChanged: (i) => `Concurrency of ${String(i.consumerId)} → ${String(i.concurrency)}`,
};

export function describeInput(input: Input): string {
  const fields = input as unknown as Fields;
  const known = LABELS[input.type];
  if (known) return known(fields);
  const rest = Object.entries(fields)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return rest ? `${input.type} ${rest}` : input.type;
}
