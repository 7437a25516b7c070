/** Checks on topics and on the producers and consumers that use them (issue 5). */
import type { ConsumerNode, ProducerNode, Scenario, TopicNode } from './scenarioSchema';

const QUEUE_PRODUCER_FIELDS = [
  'persistent',
  'mandatory',
  'confirms',
  'publishRetry',
  'onBlocked',
  'bufferLimit',
  'retryAfterMs',
  'routingKey',
] as const;
const LOG_PRODUCER_FIELDS = [
  'keys',
  'acks',
  'idempotent',
  'retries',
  'requestTimeoutMs',
  'maxInFlight',
  'lostResponses',
  'recordBytes',
] as const;
const QUEUE_CONSUMER_FIELDS = ['prefetch', 'ackMode', 'retry', 'failure'] as const;
const LOG_CONSUMER_FIELDS = [
  'group',
  'startMs',
  'commit',
  'autoCommitIntervalMs',
  'maxPollRecords',
  'autoOffsetReset',
  'isolation',
  'sessionTimeoutMs',
  'maxPollIntervalMs',
  'assignor',
  'rebalancePauseMs',
] as const;

export function topicErrors(sc: Scenario, n: TopicNode, at: string): string[] {
  const errors: string[] = [];
  const rf = n.replicationFactor ?? 1;
  const brokers = sc.logBrokers;
  if (n.minInsyncReplicas !== undefined && n.minInsyncReplicas > rf)
    errors.push(
      `${at}.minInsyncReplicas: must be at most replicationFactor (${rf}), got ${n.minInsyncReplicas}`,
    );
  if (brokers !== undefined && rf > brokers)
    errors.push(
      `${at}.replicationFactor: the cluster has ${brokers} log brokers (logBrokers), got ${rf}`,
    );
  if (
    n.cleanupPolicy === 'compact' &&
    (n.retentionMs !== undefined || n.retentionBytes !== undefined)
  )
    errors.push(
      `${at}.cleanupPolicy: a compacted topic keeps the latest value per key; drop retentionMs/retentionBytes (K10)`,
    );
  if (n.cleanupPolicy !== 'compact' && n.deleteRetentionMs !== undefined)
    errors.push(`${at}.deleteRetentionMs: applies to compacted topics only (K10)`);
  return errors;
}

export function logProducerErrors(toTopic: boolean, n: ProducerNode, at: string): string[] {
  const errors: string[] = [];
  const wrong = toTopic ? QUEUE_PRODUCER_FIELDS : LOG_PRODUCER_FIELDS;
  for (const f of wrong)
    if (n[f] !== undefined)
      errors.push(
        `${at}.${f}: applies to producers that write to ${toTopic ? 'a queue or an exchange' : 'a topic'}`,
      );
  if (!toTopic)
    (n.templates ?? []).forEach((t, i) => {
      if ('key' in t && t.key !== undefined)
        errors.push(`${at}.templates[${i}].key: record keys apply to topics (use routingKey)`);
      if ('tombstone' in t && t.tombstone !== undefined)
        errors.push(`${at}.templates[${i}].tombstone: tombstones apply to topics`);
    });
  if (toTopic && n.idempotent === true && n.acks !== undefined && n.acks !== 'all')
    errors.push(
      `${at}.idempotent: the idempotent producer needs acks "all" (K11), got acks ${JSON.stringify(n.acks)}`,
    );
  return errors;
}

export function logConsumerErrors(fromTopic: boolean, n: ConsumerNode, at: string): string[] {
  const errors: string[] = [];
  const wrong = fromTopic ? QUEUE_CONSUMER_FIELDS : LOG_CONSUMER_FIELDS;
  for (const f of wrong)
    if (n[f] !== undefined)
      errors.push(
        `${at}.${f}: applies to consumers that read ${fromTopic ? 'a queue' : 'a topic'}`,
      );
  if (
    n.output?.transactional &&
    (n.commit === 'before' || n.commit === 'auto' || n.guarantee === 'at-most-once')
  )
    errors.push(
      `${at}.output.transactional: a transactional processor commits its offsets with its transaction, after processing (K12); drop commit "${n.commit ?? 'before'}" or the at-most-once guarantee`,
    );
  if (fromTopic && n.concurrency !== undefined && n.concurrency !== 1)
    errors.push(
      `${at}.concurrency: a group member processes its records one at a time (add members to scale)`,
    );
  return errors;
}
