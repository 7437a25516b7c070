/**
 * The inspector's settings that change how a consumer handles messages while it runs (issue 6),
 * joined to actionTable.ts's ACTIONS in nodeActions.ts: its retry policy (what happens to a
 * message whose processing failed, how long it waits, how many attempts before it is
 * dead-lettered) and its named delivery guarantee (at-most-once, at-least-once, exactly-once:
 * the ack mode and idempotency together, guarantees.ts). A group member gets the guarantee too
 * (when it commits). Each is an engine input on the timeline; the engine's validation message
 * shows inline when it refuses one (a cap under the base, too many attempts).
 */
import type { ConsumerSettingsLive, RetryLive } from '../store/engineAccess';
import type { MemberLive } from '../store/engineAccessLog';
import type { ActionContext, Choice, FormField, NodeAction } from './nodeActions';

/** The engine's retry policies: a module without the schema library, for the inspector's chunk. */
import { RETRY_POLICIES as RETRY_POLICY_IDS } from '../engine/retryPolicies';

export { RETRY_POLICY_IDS };

/** What each retry policy does, in a few words (the select's options). */
export const RETRY_WORDS: Readonly<Record<string, string>> = {
  requeue: 'immediate: back to the queue at once',
  reject: 'none: dead-letter at the first failure',
  fixed: 'fixed: wait the base delay each time',
  exponential: 'exponential: base × 2ⁿ, up to the cap',
  'full-jitter': 'exponential with full jitter',
  'equal-jitter': 'exponential with equal jitter',
  'decorrelated-jitter': 'decorrelated jitter',
};

/** One line on what a policy means for the next failure. */
const RETRY_EXPLAINED: Readonly<Record<string, string>> = {
  requeue: 'A failed message goes straight back to the queue, to be tried again at once.',
  reject: 'A failed message is not retried: it goes to the dead-letter queue (or is dropped).',
  fixed: 'A failed message waits the base delay, then is tried again.',
  exponential:
    'Each retry waits twice as long as the one before (base, 2×base, ...), up to the cap.',
  'full-jitter': 'Each retry waits a random time between 0 and the exponential delay.',
  'equal-jitter':
    'Each retry waits half the exponential delay plus a random part of the other half.',
  'decorrelated-jitter':
    'Each retry waits a random time between the base and three times the previous wait, up to the cap.',
};

export const GUARANTEE_EXPLAINED: Readonly<Record<string, string>> = {
  'at-most-once':
    'Ack when the message is sent to the consumer (auto-ack): a crash loses messages, never repeats one.',
  'at-least-once': 'Ack after processing (manual ack): a crash repeats messages, never loses one.',
  'exactly-once':
    'Ack after processing and remember processed ids (idempotent): a repeat is recognised and skipped.',
};

const MEMBER_GUARANTEE_EXPLAINED: Readonly<Record<string, string>> = {
  'at-most-once': 'Commit the offsets before processing: a crash skips records, never repeats one.',
  'at-least-once': 'Commit after processing: a crash repeats records, never skips one.',
  'exactly-once':
    'Commit after processing, and the group remembers processed records: a repeat is skipped.',
};

const GUARANTEES: Choice[] = [
  { value: 'at-most-once', label: 'at-most-once' },
  { value: 'at-least-once', label: 'at-least-once' },
  { value: 'exactly-once', label: 'exactly-once' },
];

const settingsOf = (c: ActionContext) => c.facts.settings as ConsumerSettingsLive | undefined;

/** Seconds for long delays, ms for short ones. */
const ms = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`);

/** A retry policy in words: "full jitter · base 200 ms · cap 5 s · at most 5 attempts". */
export function retryWords(r: RetryLive): string {
  const parts = [RETRY_WORDS[r.policy]?.split(':')[0] ?? r.policy];
  if (r.policy !== 'requeue' && r.policy !== 'reject') parts.push(`base ${ms(r.baseMs)}`);
  if (r.policy !== 'requeue' && r.policy !== 'reject' && r.policy !== 'fixed')
    parts.push(`cap ${ms(r.capMs)}`);
  if (r.policy !== 'reject')
    parts.push(r.maxAttempts > 0 ? `at most ${r.maxAttempts} attempts` : 'no attempt limit');
  if (r.policy === 'requeue' && r.method === 'reject') parts.push('requeued by basic.reject');
  return parts.join(' · ');
}

const RETRY_FIELDS: readonly FormField[] = [
  {
    kind: 'select',
    id: 'policy',
    label: 'Retry',
    options: () => RETRY_POLICY_IDS.map((p) => ({ value: p, label: RETRY_WORDS[p] ?? p })),
  },
  { kind: 'number', id: 'baseMs', label: 'Base delay (ms)', min: 0, max: 3_600_000, hint: '100' },
  { kind: 'number', id: 'capMs', label: 'Cap (ms)', min: 0, max: 3_600_000, hint: '30000' },
  {
    kind: 'number',
    id: 'maxAttempts',
    label: 'Attempts before dead-lettering',
    min: 1,
    max: 1000,
    hint: 'no limit',
  },
  {
    kind: 'select',
    id: 'method',
    label: 'Requeue with',
    options: () => [
      { value: 'nack', label: 'basic.nack' },
      { value: 'reject', label: 'basic.reject' },
    ],
  },
];

/** A number field's value as the input's field: left out when empty (the engine's default). */
const numberField = (v: Readonly<Record<string, string>>, key: string) =>
  v[key]?.trim() ? { [key]: Number(v[key]) } : {};

export const SETTINGS_ACTIONS: Readonly<Record<string, readonly NodeAction[]>> = {
  consumer: [
    {
      kind: 'form',
      id: 'retry',
      label: 'Apply retry policy',
      type: 'retryPolicyChanged',
      when: () => true,
      fields: RETRY_FIELDS,
      initial(c) {
        const r = settingsOf(c)?.retry;
        return {
          policy: r?.policy ?? 'requeue',
          baseMs: r ? String(r.baseMs) : '',
          capMs: r ? String(r.capMs) : '',
          maxAttempts: r && r.maxAttempts > 0 ? String(r.maxAttempts) : '',
          method: r?.method ?? 'nack',
        };
      },
      note(c) {
        const r = settingsOf(c)?.retry;
        return r ? `Now: ${retryWords(r)}.` : null;
      },
      explain: (v) => RETRY_EXPLAINED[v.policy ?? ''] ?? '',
      input: (c, v) => ({
        type: 'retryPolicyChanged',
        consumerId: c.nodeId,
        retry: {
          policy: v.policy,
          ...numberField(v, 'baseMs'),
          ...numberField(v, 'capMs'),
          ...numberField(v, 'maxAttempts'),
          ...(v.method === 'reject' ? { method: 'reject' } : {}),
        },
      }),
    },
    {
      kind: 'form',
      id: 'guarantee',
      label: 'Apply guarantee',
      type: 'guaranteeChanged',
      when: () => true,
      fields: [
        { kind: 'select', id: 'guarantee', label: 'Delivery guarantee', options: () => GUARANTEES },
      ],
      initial: (c) => ({ guarantee: settingsOf(c)?.guarantee ?? 'at-least-once' }),
      note(c) {
        const s = settingsOf(c);
        if (!s) return null;
        const ack = s.autoAck ? 'auto-ack' : 'manual ack';
        return `Now: ${s.guarantee} (${ack}, ${s.idempotent ? 'idempotent' : 'not idempotent'}).`;
      },
      explain: (v) => GUARANTEE_EXPLAINED[v.guarantee ?? ''] ?? '',
      input: (c, v) => ({ type: 'guaranteeChanged', consumerId: c.nodeId, guarantee: v.guarantee }),
    },
  ],
  member: [
    {
      kind: 'form',
      id: 'guarantee',
      label: 'Apply guarantee',
      type: 'guaranteeChanged',
      // Not offered to a transactional processor: it commits with its transaction.
      when: (c) => {
        const n = c.scenario.nodes.find((x) => x.id === c.nodeId);
        return !(n?.kind === 'consumer' && n.output?.transactional === true);
      },
      fields: [
        { kind: 'select', id: 'guarantee', label: 'Delivery guarantee', options: () => GUARANTEES },
      ],
      initial: (c) => ({
        guarantee:
          (c.facts.member as MemberLive | undefined)?.commit === 'before'
            ? 'at-most-once'
            : 'at-least-once',
      }),
      explain: (v) => MEMBER_GUARANTEE_EXPLAINED[v.guarantee ?? ''] ?? '',
      input: (c, v) => ({ type: 'guaranteeChanged', consumerId: c.nodeId, guarantee: v.guarantee }),
    },
  ],
};
