/**
 * The settings the form shows, by node kind: the common ones (ids, links, numbers with their
 * bounds, choices). The rarer fields (templates, failure models, retry policies, calls, ...)
 * are edited in the JSON view rather than given a form each. Bounds and defaults follow
 * docs/scenario-format.md; they only guide the inputs: the engine's validator decides.
 */
import type { EditorKind } from './nodeDefaults';

interface Base {
  key: string;
  label: string;
}
export type FieldSpec =
  | (Base & { type: 'text'; maxLength?: number; optional?: boolean; multiline?: boolean })
  | (Base & { type: 'number'; min?: number; max?: number; integer?: boolean; optional?: boolean })
  | (Base & { type: 'choice'; options: readonly string[]; defaultText?: string })
  | (Base & { type: 'flag'; defaultValue: boolean })
  | (Base & { type: 'link'; kinds: readonly string[]; optional?: boolean })
  | (Base & { type: 'dist' })
  | (Base & { type: 'bindings' });

const num = (key: string, label: string, more: Partial<FieldSpec & { type: 'number' }> = {}) =>
  ({ key, label, type: 'number', optional: true, ...more }) as FieldSpec;
const int = (key: string, label: string, min: number, max?: number) =>
  num(key, label, { integer: true, min, max });
const choice = (key: string, label: string, options: readonly string[], defaultText?: string) =>
  ({ key, label, type: 'choice', options, defaultText }) as FieldSpec;
const flag = (key: string, label: string, defaultValue = false): FieldSpec => ({
  key,
  label,
  type: 'flag',
  defaultValue,
});

export const LABEL_FIELD: FieldSpec = {
  key: 'label',
  label: 'Label (shown instead of the id)',
  type: 'text',
  maxLength: 80,
  optional: true,
};

export const KIND_FIELDS: Record<EditorKind, readonly FieldSpec[]> = {
  producer: [
    {
      key: 'to',
      label: 'Sends to',
      type: 'link',
      kinds: ['queue', 'exchange', 'service', 'topic'],
    },
    { key: 'arrival', label: 'Time between messages', type: 'dist' },
    int('count', 'Stop after (messages)', 1, 100_000_000),
    num('startMs', 'Starts at (ms)', { min: 0 }),
    { key: 'routingKey', label: 'Routing key', type: 'text', maxLength: 255, optional: true },
    flag('persistent', 'Persistent messages'),
    flag('confirms', 'Publisher confirms'),
  ],
  exchange: [
    choice('type', 'Type', ['direct', 'fanout', 'topic', 'headers']),
    {
      key: 'alternateExchange',
      label: 'Alternate exchange',
      type: 'link',
      kinds: ['exchange'],
      optional: true,
    },
    { key: 'bindings', label: 'Bindings', type: 'bindings' },
  ],
  queue: [
    choice('type', 'Type', ['classic', 'quorum', 'sqs'], 'classic'),
    flag('durable', 'Durable', true),
    int('maxLength', 'Max length (ready messages)', 0, 10_000_000),
    choice(
      'overflow',
      'When full',
      ['drop-head', 'reject-publish', 'reject-publish-dlx'],
      'drop-head',
    ),
    num('messageTtlMs', 'Message TTL (ms)', { min: 0 }),
    int('maxPriority', 'Max priority', 1, 255),
    {
      key: 'deadLetterTo',
      label: 'Dead-letter to',
      type: 'link',
      kinds: ['exchange', 'queue'],
      optional: true,
    },
    int('deliveryLimit', 'Delivery limit (quorum)', -1, 1000),
    flag('singleActiveConsumer', 'Single active consumer'),
  ],
  consumer: [
    { key: 'from', label: 'Reads from', type: 'link', kinds: ['queue', 'topic'] },
    { key: 'service', label: 'Processing time', type: 'dist' },
    int('concurrency', 'Workers', 1, 1000),
    int('prefetch', 'Prefetch per worker (0 = unlimited)', 0, 10_000),
    choice('ackMode', 'Ack mode', ['manual', 'auto'], 'manual'),
    choice('guarantee', 'Guarantee', ['at-most-once', 'at-least-once', 'exactly-once'], 'none'),
  ],
  service: [
    { key: 'service', label: 'Work time', type: 'dist' },
    int('concurrency', 'Workers', 1, 1000),
    int('queueLimit', 'Waiting line limit', 0),
    {
      key: 'from',
      label: 'Consumes from',
      type: 'link',
      kinds: ['queue', 'topic'],
      optional: true,
    },
    num('slowFactor', 'Slow-down factor', { min: 1, max: 1000 }),
    flag('compensate', 'Undo on failure (compensate)'),
  ],
  topic: [
    int('partitions', 'Partitions', 1, 256),
    int('replicationFactor', 'Replication factor', 1, 9),
    int('minInsyncReplicas', 'Min in-sync replicas', 1, 9),
    choice('cleanupPolicy', 'Cleanup policy', ['delete', 'compact'], 'delete'),
    num('retentionMs', 'Retention (ms)', { min: 0 }),
  ],
  broker: [
    num('persistIntervalMs', 'Disk write interval (ms)', { min: 0 }),
    int('memoryHighWatermark', 'Memory alarm at (messages)', 1),
  ],
};

export const SCENARIO_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Name', type: 'text', maxLength: 200 },
  {
    key: 'description',
    label: 'Description',
    type: 'text',
    maxLength: 2000,
    optional: true,
    multiline: true,
  },
  num('durationMs', 'Duration (ms)', { min: 0, max: 604_800_000, optional: false }),
  num('tickMs', 'Tick (ms)', { min: 0.01, max: 60_000 }),
  int('seed', 'Seed', 0, 4_294_967_295),
  num('linkLatencyMs', 'Link latency (ms)', { min: 0, max: 60_000 }),
];

/** Distribution sub-fields the form can show for a field `key` (for placing problems). */
export const DIST_SUBKEYS = ['dist', 'meanMs', 'ms', 'minMs', 'maxMs', 'sigma'] as const;
