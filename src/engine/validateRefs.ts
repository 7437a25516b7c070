/**
 * Checks across nodes that a schema cannot express: duplicate ids, and every field that names
 * another node (to, from, bindings, alternate and dead-letter targets, scheduled inputs) naming
 * one that exists and is of the right kind. They run on the raw document, so their problems are
 * listed together with the schema's.
 */
import { INPUT_ID_FIELDS } from './inputSchema';
import { NODE_KINDS } from './scenarioSchema';
import { ID_PATTERN } from './schemaHelpers';
import { checkConsumerIds, newConsumerIds, type KindError } from './validateScale';

const KNOWN_KINDS: readonly string[] = NODE_KINDS;

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const listOf = (items: string[]) =>
  items.length <= 2 ? items.join(' or ') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

export function crossReferenceErrors(raw: unknown): string[] {
  const doc = asRecord(raw);
  if (!doc || !Array.isArray(doc.nodes)) return [];
  const errors: string[] = [];
  const kinds = new Map<string, string>();
  const nodes = (doc.nodes as unknown[]).map(asRecord);
  let brokers = 0;
  nodes.forEach((node, i) => {
    if (node?.kind === 'broker' && ++brokers === 2)
      errors.push(`nodes[${i}]: a scenario holds at most one broker`);
    if (!node || typeof node.id !== 'string' || !ID_PATTERN.test(node.id)) return;
    if (kinds.has(node.id)) errors.push(`nodes[${i}].id: duplicate id ${JSON.stringify(node.id)}`);
    else kinds.set(node.id, typeof node.kind === 'string' ? node.kind : '?');
  });
  const expectKind = (at: string, ref: unknown, allowed: readonly string[], role: string) => {
    if (typeof ref !== 'string' || !ID_PATTERN.test(ref)) return;
    const kind = kinds.get(ref);
    if (kind === undefined) errors.push(`${at}: unknown node id ${JSON.stringify(ref)}`);
    else if (KNOWN_KINDS.includes(kind) && !allowed.includes(kind))
      errors.push(
        `${at}: ${JSON.stringify(ref)} is ${article(kind)}; ${role} must name ${listOf(allowed.map(article))}`,
      );
  };
  nodes.forEach((node, i) => {
    if (!node) return;
    const at = `nodes[${i}]`;
    if (node.kind === 'producer')
      expectKind(
        `${at}.to`,
        node.to,
        ['queue', 'exchange', 'service', 'topic'],
        'a producer\'s "to"',
      );
    if (node.kind === 'service') {
      expectKind(`${at}.from`, node.from, ['queue', 'topic'], 'a service\'s "from"');
      expectKind(
        `${at}.publish.to`,
        asRecord(node.publish)?.to,
        ['queue', 'exchange', 'topic'],
        'a service\'s "publish.to"',
      );
      if (Array.isArray(node.calls))
        node.calls.forEach((c: unknown, j: number) =>
          expectKind(`${at}.calls[${j}].to`, asRecord(c)?.to, ['service'], 'a call'),
        );
    }
    if (node.kind === 'consumer')
      expectKind(`${at}.from`, node.from, ['queue', 'topic'], 'a consumer\'s "from"');
    if (node.kind === 'consumer')
      expectKind(`${at}.output.to`, asRecord(node.output)?.to, ['topic'], 'an output');
    if (node.kind === 'queue')
      expectKind(
        `${at}.deadLetterTo`,
        node.deadLetterTo,
        ['exchange', 'queue'],
        'a dead-letter target',
      );
    if (node.kind === 'exchange') {
      expectKind(
        `${at}.alternateExchange`,
        node.alternateExchange,
        ['exchange'],
        'an alternate exchange',
      );
      if (Array.isArray(node.bindings))
        node.bindings.forEach((b: unknown, j: number) =>
          expectKind(`${at}.bindings[${j}].queue`, asRecord(b)?.queue, ['queue'], 'a binding'),
        );
    }
  });
  if (Array.isArray(doc.schedule)) {
    const duration = typeof doc.durationMs === 'number' ? doc.durationMs : Infinity;
    // In the order they run, so a scheduled input may name a consumer an earlier one added.
    const ids = newConsumerIds();
    const atOf = (s: unknown) => {
      const atMs = asRecord(s)?.atMs;
      return typeof atMs === 'number' ? atMs : 0;
    };
    const order = (doc.schedule as unknown[])
      .map((s, i) => ({ s, i }))
      .sort((a, b) => atOf(a.s) - atOf(b.s) || a.i - b.i);
    const kindError: KindError = (path, id, found) =>
      found === undefined
        ? `${path}: unknown node id ${JSON.stringify(id)}`
        : `${path}: ${JSON.stringify(id)} is ${article(found)}; ${path.slice(path.lastIndexOf('.') + 1)} must name a consumer`;
    for (const { s, i } of order) {
      const entry = asRecord(s);
      const input = asRecord(entry?.input);
      for (const [field, kind] of Object.entries(INPUT_ID_FIELDS))
        if (input && field !== 'consumerId')
          expectKind(`schedule[${i}].input.${field}`, input[field], [kind], field);
      // Ids that are not ids at all are the schema's to report.
      const wellFormed = (x: unknown) => typeof x !== 'string' || ID_PATTERN.test(x);
      if (input && wellFormed(input.consumerId) && wellFormed(input.like)) {
        const kindOf = (id: string) => kinds.get(id);
        const check = checkConsumerIds(input, kindOf, ids, `schedule[${i}].input`, kindError);
        errors.push(...check.errors);
        if (check.errors.length === 0) check.record();
      }
      const atMs = entry?.atMs;
      if (typeof atMs === 'number' && atMs > duration)
        errors.push(`schedule[${i}].atMs: must be within durationMs (${duration}), got ${atMs}`);
    }
  }
  return errors;
}
