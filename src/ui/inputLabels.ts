/**
 * Words for inputs (timeline markers, the log, notices), by input type. A type this table does
 * not know is shown as its name and the ids it carries, so new engine inputs still read well.
 */
import type { Input } from '../engine';

type Fields = Readonly<Record<string, unknown>>;

const restart = (i: Fields) =>
  typeof i.restartAfterMs === 'number' ? `, restart after ${i.restartAfterMs / 1000} s` : '';

/** A retry policy in a few words: "full-jitter 200 ms–5 s, 5 attempts". */
function retryLabel(r: Fields): string {
  const parts = [String(r.policy)];
  if (typeof r.baseMs === 'number' || typeof r.capMs === 'number')
    parts.push(
      `${typeof r.baseMs === 'number' ? `${r.baseMs} ms` : 'base'}–${typeof r.capMs === 'number' ? `${r.capMs} ms` : 'cap'}`,
    );
  const tail = typeof r.maxAttempts === 'number' ? `, ${r.maxAttempts} attempts` : '';
  return `${parts.join(' ')}${tail}`;
}

const LABELS: Readonly<Record<string, (i: Fields) => string>> = {
  producerPaused: (i) => `Pause ${String(i.producerId)}`,
  producerResumed: (i) => `Resume ${String(i.producerId)}`,
  rateChanged: (i) => `Rate of ${String(i.producerId)} → ${String(i.ratePerSec)}/s`,
  poisonPublished: (i) => `Poison message from ${String(i.producerId)}`,
  consumerCrashed: (i) =>
    `Crash ${String(i.consumerId)}${i.window && i.window !== 'now' ? ` ${String(i.window)}` : ''}${restart(i)}`,
  consumerRestarted: (i) => `Restart ${String(i.consumerId)}`,
  concurrencyChanged: (i) => `Concurrency of ${String(i.consumerId)} → ${String(i.concurrency)}`,
  prefetchChanged: (i) => `Prefetch of ${String(i.consumerId)} → ${String(i.prefetch)}`,
  ackModeChanged: (i) => `Ack mode of ${String(i.consumerId)} → ${String(i.ackMode)}`,
  failureRateChanged: (i) => `Failure rate of ${String(i.consumerId)} → ${String(i.probability)}`,
  brokerCrashed: (i) => `Crash the broker${restart(i)}`,
  brokerRestarted: () => 'Restart the broker',
  dlqRedriven: (i) =>
    `Redrive ${String(i.queueId)}${i.toQueueId ? ` to ${String(i.toQueueId)}` : ''}`,
  serviceStateChanged: (i) => {
    const id = String(i.serviceId);
    const factor = typeof i.factor === 'number' ? ` ×${i.factor}` : '';
    const span = typeof i.forMs === 'number' ? ` for ${i.forMs / 1000} s` : '';
    if (i.state === 'down') return `Take ${id} down${span}`;
    if (i.state === 'up') return `Bring ${id} up`;
    if (i.state === 'slow') return `Slow ${id} down${factor}${span}`;
    return `${id} ${String(i.state)}${factor}${span}`;
  },
  serviceFailureRateChanged: (i) =>
    `Failure rate of ${String(i.serviceId)} → ${String(i.probability)}`,
  groupSeek: (i) => {
    const to =
      i.to === 'beginning'
        ? 'the beginning'
        : i.to === 'end'
          ? 'the end'
          : i.to === 'offset'
            ? `offset ${String(i.offset ?? 0)}`
            : `the records of ${Number(i.atMs ?? 0) / 1000} s`;
    return `Seek ${String(i.groupId)} to ${to}`;
  },
  partitionPaused: (i) => `Pause ${String(i.topicId)} P${String(i.partition)}`,
  partitionResumed: (i) => `Resume ${String(i.topicId)} P${String(i.partition)}`,
  partitionsAdded: (i) =>
    `Add ${String(i.count)} partition${i.count === 1 ? '' : 's'} to ${String(i.topicId)}`,
  logBrokerCrashed: (i) => `Crash log broker ${String(i.broker)}${restart(i)}`,
  logBrokerRestarted: (i) => `Restart log broker ${String(i.broker)}`,
  retryPolicyChanged: (i) =>
    `Retry of ${String(i.consumerId)} → ${retryLabel((i.retry ?? {}) as Fields)}`,
  guaranteeChanged: (i) => `Guarantee of ${String(i.consumerId)} → ${String(i.guarantee)}`,
  consumerAdded: (i) => `Add ${String(i.consumerId)} like ${String(i.like)}`,
  consumerRemoved: (i) => `Remove ${String(i.consumerId)}`,
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
