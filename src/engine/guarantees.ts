/**
 * Named delivery guarantees (issue 5): one setting that turns the knobs together.
 * - at-most-once: ack (or commit) before processing: a crash loses, never repeats (R9, K7);
 * - at-least-once: ack (or commit) after processing: a crash repeats, never loses (K7);
 * - exactly-once: at-least-once delivery plus an idempotent consumer that records processed ids
 *   in the same transaction as the effect (P2), so repeats are recognised and skipped.
 */
import type { ConsumerNode } from './scenarioSchema';

export const GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;
export type Guarantee = (typeof GUARANTEES)[number];

/** The consumer with its guarantee expanded into the settings it stands for. */
export function withGuarantee(n: ConsumerNode, fromTopic: boolean): ConsumerNode {
  const g = n.guarantee;
  if (g === undefined) return n;
  const out: ConsumerNode = { ...n };
  if (fromTopic) out.commit = g === 'at-most-once' ? 'before' : 'after';
  else out.ackMode = g === 'at-most-once' ? 'auto' : 'manual';
  if (g === 'exactly-once') out.idempotent = n.idempotent ?? {};
  return out;
}

/** Settings that contradict the named guarantee. */
export function guaranteeErrors(n: ConsumerNode, fromTopic: boolean, at: string): string[] {
  const g = n.guarantee;
  if (g === undefined) return [];
  const errors: string[] = [];
  const want = withGuarantee(
    { ...n, commit: undefined, ackMode: undefined, idempotent: undefined },
    fromTopic,
  );
  if (fromTopic && n.commit !== undefined && n.commit !== want.commit)
    errors.push(
      `${at}.commit: "${g}" means commit ${want.commit ?? ''} processing; drop commit or change the guarantee`,
    );
  if (!fromTopic && n.ackMode !== undefined && n.ackMode !== want.ackMode)
    errors.push(
      `${at}.ackMode: "${g}" means ackMode "${want.ackMode ?? ''}"; drop ackMode or change the guarantee`,
    );
  return errors;
}
