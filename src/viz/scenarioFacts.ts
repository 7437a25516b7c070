/**
 * What the picture says about a scenario beyond its links: which queues are dead-letter queues
 * (and for whom), the words on edges (binding keys, "DLX", "alternate"), the badges of a queue
 * (type, durability, priority, TTL, limits) and the broker's id. Read from the scenario only, so
 * they are the same at every tick.
 */
import { IMPLICIT_BROKER_ID, type Scenario } from '../engine';

type Raw = Readonly<Record<string, unknown>>;

const rawNodes = (s: Scenario) => s.nodes as readonly Raw[];
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** Queues bound to an exchange, following its alternate exchanges. */
function queuesBehind(byId: ReadonlyMap<string, Raw>, id: string, seen = new Set<string>()) {
  const node = byId.get(id);
  if (!node || seen.has(id)) return [];
  seen.add(id);
  if (node.kind === 'queue') return [id];
  const out: string[] = [];
  if (Array.isArray(node.bindings))
    for (const b of node.bindings as Raw[]) {
      const q = str(b.queue);
      if (q && !out.includes(q)) out.push(q);
    }
  const alt = str(node.alternateExchange);
  if (alt) for (const q of queuesBehind(byId, alt, seen)) if (!out.includes(q)) out.push(q);
  return out;
}

/**
 * Dead-letter queues and the queues that dead-letter into each: a queue is a DLQ when it is
 * some queue's deadLetterTo, or bound to the exchange that is.
 */
export function deadLetterSources(scenario: Scenario): Map<string, string[]> {
  const byId = new Map(rawNodes(scenario).map((n) => [String(n.id), n]));
  const out = new Map<string, string[]>();
  for (const n of rawNodes(scenario)) {
    const target = str(n.deadLetterTo);
    if (n.kind !== 'queue' || !target) continue;
    for (const q of queuesBehind(byId, target)) {
      if (q === n.id) continue;
      out.set(q, [...(out.get(q) ?? []), String(n.id)]);
    }
  }
  return out;
}

/** The broker's id: the scenario's broker node, or the engine's implicit one. */
export function brokerId(scenario: Scenario): string {
  const b = rawNodes(scenario).find((n) => n.kind === 'broker');
  return b ? String(b.id) : IMPLICIT_BROKER_ID;
}

/** Does the scenario declare its broker (so inputs may name it)? */
export const hasBrokerNode = (scenario: Scenario): boolean =>
  rawNodes(scenario).some((n) => n.kind === 'broker');

function bindingText(b: Raw): string {
  const key = str(b.key);
  if (key !== undefined) return key === '' ? '""' : key;
  if (b.headers && typeof b.headers === 'object') {
    const pairs = Object.entries(b.headers as Raw).map(([k, v]) => `${k}=${String(v)}`);
    const match = str(b.match) ?? 'all';
    return `${match}: ${pairs.join(', ')}`;
  }
  return '';
}

/** The words on the edge a field makes from `node` to `target` ('' = none). */
export function edgeLabel(node: Raw, field: string, target: string): string {
  if (field === 'deadLetterTo') {
    const key = str(node.deadLetterRoutingKey);
    return key ? `DLX (${key})` : 'DLX';
  }
  if (field === 'alternateExchange') return 'alternate';
  if (field === 'bindings' && Array.isArray(node.bindings) && node.type !== 'fanout') {
    const texts = (node.bindings as Raw[])
      .filter((b) => b.queue === target)
      .map(bindingText)
      .filter((t) => t !== '');
    return texts.join(' · ');
  }
  return '';
}

const seconds = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** Short tags written on a queue: its type and the settings that change what it does. */
export function queueBadges(node: Raw): string[] {
  const out = [str(node.type) ?? 'classic'];
  if (node.durable === false) out.push('transient');
  const prio = num(node.maxPriority);
  if (prio !== undefined) out.push(`prio 0–${prio}`);
  const ttl = num(node.messageTtlMs);
  if (ttl !== undefined) out.push(`TTL ${seconds(ttl)}`);
  const max = num(node.maxLength);
  if (max !== undefined) out.push(`max ${max}${node.overflow ? ` ${String(node.overflow)}` : ''}`);
  const vis = num(node.visibilityTimeoutMs);
  if (node.type === 'sqs') out.push(`visibility ${seconds(vis ?? 30_000)}`);
  const receives = num(node.maxReceiveCount);
  if (receives !== undefined) out.push(`≤${receives} receives`);
  const limit = num(node.deliveryLimit);
  if (limit !== undefined && limit >= 0) out.push(`limit ${limit}`);
  if (node.singleActiveConsumer === true) out.push('single active');
  return out;
}

/** A producer's publishing options that change what happens to its messages. */
export function producerBadges(node: Raw): string[] {
  const out: string[] = [];
  if (node.persistent === true) out.push('persistent');
  if (node.confirms === true) out.push(node.publishRetry ? 'confirms + retry' : 'confirms');
  if (node.mandatory === true) out.push('mandatory');
  const blocked = str(node.onBlocked);
  if (blocked && blocked !== 'wait') out.push(`blocked: ${blocked}`);
  return out;
}

/** A consumer's settings that change what happens to a failed or repeated message. */
export function consumerBadges(node: Raw): string[] {
  const out: string[] = [];
  const retry = node.retry as Raw | undefined;
  const policy = str(retry?.policy);
  if (policy) {
    const max = num(retry?.maxAttempts);
    out.push(max !== undefined ? `${policy} ×${max}` : policy);
  }
  if (node.idempotent) out.push('idempotent');
  return out;
}

/** The exchange type as a tag ("topic exchange"). */
export const exchangeTag = (node: Raw): string => `${str(node.type) ?? ''} exchange`.trim();

/**
 * A service's settings that change what a failure does: its circuit breaker, compensation, and
 * on its consuming side the retry policy and idempotency (as a consumer's).
 */
export function serviceBadges(node: Raw): string[] {
  const out: string[] = [];
  if (node.circuitBreaker) out.push('breaker');
  if (node.compensate === true) out.push('compensates');
  return [...out, ...consumerBadges(node)];
}

/** The consumer groups reading each topic, in scenario order (a service reading one is its own). */
export function groupsByTopic(nodes: readonly Raw[]): Map<string, string[]> {
  const topics = new Set(nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
  const out = new Map<string, string[]>();
  for (const n of nodes) {
    const from = str(n.from);
    if (!from || !topics.has(from) || (n.kind !== 'consumer' && n.kind !== 'service')) continue;
    const group = (n.kind === 'consumer' ? str(n.group) : undefined) ?? String(n.id);
    const list = out.get(from) ?? [];
    if (!list.includes(group)) list.push(group);
    out.set(from, list);
  }
  return out;
}

/** The group a member belongs to (its `group`, else its id). */
export const groupOf = (node: Raw): string => str(node.group) ?? String(node.id);

/** Log brokers in the cluster: `logBrokers`, else the largest replication factor. */
export function logBrokerCount(scenario: Scenario): number {
  const declared = num((scenario as unknown as Raw).logBrokers);
  if (declared !== undefined) return declared;
  const rfs = rawNodes(scenario)
    .filter((n) => n.kind === 'topic')
    .map((n) => num(n.replicationFactor) ?? 1);
  return rfs.length > 0 ? Math.max(...rfs) : 0;
}

/** A topic's tags: partitions, replication, cleanup. */
export function topicBadges(node: Raw): string[] {
  const parts = num(node.partitions) ?? 1;
  const out = [`${parts} partition${parts === 1 ? '' : 's'}`];
  const rf = num(node.replicationFactor) ?? 1;
  if (rf > 1)
    out.push(
      `RF ${rf}${num(node.minInsyncReplicas) ? ` · min ISR ${num(node.minInsyncReplicas)}` : ''}`,
    );
  if (node.cleanupPolicy === 'compact') out.push('compacted');
  const ret = num(node.retentionMs);
  if (ret !== undefined) out.push(`retention ${seconds(ret)}`);
  if (num(node.retentionBytes) !== undefined) out.push(`≤ ${num(node.retentionBytes)} B`);
  return out;
}

/** A group member's tags: its group and how it commits. */
export function memberBadges(node: Raw): string[] {
  const out = [groupOf(node)];
  const output = node.output as Raw | undefined;
  if (output?.transactional === true) out.push('transactional');
  else {
    const commit = str(node.commit);
    const guarantee = str(node.guarantee);
    out.push(
      guarantee ??
        (commit === 'before'
          ? 'commit before'
          : commit === 'after'
            ? 'commit after'
            : 'auto-commit'),
    );
  }
  if (node.isolation === 'read_committed') out.push('read_committed');
  if (node.idempotent) out.push('idempotent');
  return out;
}

/** A log producer's tags: acks and idempotence (what decides duplicates and losses). */
export function logProducerBadges(node: Raw): string[] {
  const acks = node.acks ?? 'all';
  const out = [`acks=${String(acks)}`];
  const idempotent = typeof node.idempotent === 'boolean' ? node.idempotent : acks === 'all';
  if (idempotent) out.push('idempotent');
  if (node.keys) out.push('keyed');
  return out;
}
