/** Checks on service nodes that a schema cannot express. */
import { effectName } from './compileService';
import type { Scenario, ServiceNode } from './scenarioSchema';

/** Effects are bits of a 32-bit mask in the order ledger. */
export const MAX_EFFECTS = 30;

export function serviceErrors(sc: Scenario, n: ServiceNode, at: string): string[] {
  const errors: string[] = [];
  const consumes = n.from !== undefined;
  if (!consumes)
    for (const field of ['prefetch', 'ackMode', 'retry', 'idempotent'] as const)
      if (n[field] !== undefined)
        errors.push(`${at}.${field}: applies to the consuming side only (set "from")`);
  if (n.ackMode === 'auto' && n.retry)
    errors.push(
      `${at}.retry: with ackMode "auto" nothing can be retried (the broker forgot the message at delivery)`,
    );
  (n.calls ?? []).forEach((c, j) => {
    if (c.to === n.id) errors.push(`${at}.calls[${j}].to: a service cannot call itself`);
    if (c.backoffCapMs !== undefined && c.backoffMs !== undefined && c.backoffCapMs < c.backoffMs)
      errors.push(`${at}.calls[${j}].backoffCapMs: must be at least backoffMs (${c.backoffMs})`);
  });
  if (n.circuitBreaker && (n.calls ?? []).length === 0)
    errors.push(`${at}.circuitBreaker: a circuit breaker guards calls; this service makes none`);
  if (n.compensate && (n.calls ?? []).length === 0)
    errors.push(`${at}.compensate: compensation undoes calls; this service makes none`);
  const effects = new Set(
    sc.nodes.flatMap((m) => (m.kind === 'service' ? [effectName(m)] : [])).filter((e) => e),
  );
  if (effects.size > MAX_EFFECTS)
    errors.push(`${at}.effect: at most ${MAX_EFFECTS} distinct effects, got ${effects.size}`);
  return errors;
}

/** Synchronous calls must not loop: a cycle would wait on itself. */
export function callCycleErrors(sc: Scenario): string[] {
  const calls = new Map<string, string[]>();
  for (const n of sc.nodes)
    if (n.kind === 'service')
      calls.set(
        n.id,
        (n.calls ?? []).map((c) => c.to),
      );
  const state = new Map<string, 1 | 2>();
  const errors: string[] = [];
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      errors.push(`calls form a cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      return;
    }
    state.set(id, 1);
    for (const next of calls.get(id) ?? []) if (calls.has(next)) visit(next, [...path, id]);
    state.set(id, 2);
  };
  for (const id of calls.keys()) visit(id, []);
  return errors.slice(0, 1);
}
