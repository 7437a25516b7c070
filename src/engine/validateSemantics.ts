/** Checks on a schema-valid scenario that span several fields of one node or of several. */
import type { Scenario } from './scenarioSchema';
import { callCycleErrors, serviceErrors } from './validateServices';
import { logConsumerErrors, logProducerErrors, topicErrors } from './validateLog';
import { guaranteeErrors, withGuarantee } from './guarantees';

export function semanticErrors(sc: Scenario): string[] {
  const errors: string[] = [];
  const kindOf = (id: string) => sc.nodes.find((n) => n.id === id)?.kind;
  sc.nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    switch (n.kind) {
      case 'producer': {
        const a = n.arrival;
        const zero =
          (a.dist === 'constant' && a.ms === 0) || (a.dist === 'uniform' && a.maxMs === 0);
        if (zero && n.count === undefined)
          errors.push(
            `${at}.arrival: a producer without a count needs gaps above 0 ms, or it would publish forever at one instant`,
          );
        errors.push(...logProducerErrors(kindOf(n.to) === 'topic', n, at));
        if (n.publishRetry && !n.confirms)
          errors.push(`${at}.publishRetry: needs "confirms": true (a retry waits for a confirm)`);
        if (
          n.templates &&
          n.routingKey !== undefined &&
          n.templates.every((t) => t.routingKey !== undefined)
        )
          errors.push(
            `${at}.routingKey: every template sets its own routing key, so this one is never used`,
          );
        return;
      }
      case 'queue': {
        const type = n.type ?? 'classic';
        if (type === 'quorum' && n.durable === false)
          errors.push(`${at}.durable: quorum queues are always durable (R31)`);
        if (type !== 'classic' && n.overflow === 'reject-publish-dlx')
          errors.push(`${at}.overflow: reject-publish-dlx exists on classic queues only (R24)`);
        if (type !== 'sqs' && n.visibilityTimeoutMs !== undefined)
          errors.push(`${at}.visibilityTimeoutMs: only sqs queues have a visibility timeout`);
        if (type !== 'sqs' && n.maxReceiveCount !== undefined)
          errors.push(
            `${at}.maxReceiveCount: only sqs queues count receives (use deliveryLimit on a quorum queue)`,
          );
        if (type === 'sqs' && n.maxReceiveCount !== undefined && n.deadLetterTo === undefined)
          errors.push(
            `${at}.maxReceiveCount: a redrive policy needs a dead-letter queue in deadLetterTo (S3)`,
          );
        if (type !== 'quorum' && n.ackTimeoutMs !== undefined)
          errors.push(
            `${at}.ackTimeoutMs: since RabbitMQ 4.3 only quorum queues enforce consumer_timeout (R14)`,
          );
        if (n.deadLetterTo !== undefined) {
          const target = sc.nodes.find((t) => t.id === n.deadLetterTo);
          if (
            target?.kind === 'queue' &&
            ((target.type ?? 'classic') === 'sqs') !== (type === 'sqs')
          )
            errors.push(
              `${at}.deadLetterTo: a dead-letter queue must be of the same type as its source (S3)`,
            );
        }
        if (type !== 'quorum' && n.deliveryLimit !== undefined)
          errors.push(`${at}.deliveryLimit: only quorum queues have a delivery limit (R32)`);
        if (
          type === 'sqs' &&
          (n.maxPriority !== undefined || n.singleActiveConsumer || n.maxLength !== undefined)
        )
          errors.push(
            `${at}: sqs queues have no priorities, length limit or single active consumer`,
          );
        if (n.deadLetterTo === n.id && n.deadLetterRoutingKey === undefined)
          errors.push(`${at}.deadLetterTo: a queue cannot be its own dead-letter queue`);
        return;
      }
      case 'exchange':
        (n.bindings ?? []).forEach((b, j) => {
          const bat = `${at}.bindings[${j}]`;
          if (n.type === 'headers' && !b.headers)
            errors.push(`${bat}.headers: a headers exchange binds on headers`);
          if (n.type !== 'headers' && (b.headers || b.match))
            errors.push(`${bat}: headers and match apply to headers exchanges only`);
          if ((n.type === 'direct' || n.type === 'topic') && b.key === undefined)
            errors.push(`${bat}.key: a ${n.type} exchange binds with a key`);
        });
        if (n.alternateExchange === n.id)
          errors.push(`${at}.alternateExchange: an exchange cannot be its own alternate`);
        return;
      case 'consumer':
        errors.push(...logConsumerErrors(kindOf(n.from) === 'topic', n, at));
        errors.push(...guaranteeErrors(n, kindOf(n.from) === 'topic', at));
        if (
          n.retry &&
          n.retry.capMs !== undefined &&
          n.retry.baseMs !== undefined &&
          n.retry.capMs < n.retry.baseMs
        )
          errors.push(
            `${at}.retry.capMs: must be at least baseMs (${n.retry.baseMs}), got ${n.retry.capMs}`,
          );
        if (kindOf(n.from) === 'queue' && withGuarantee(n, false).ackMode === 'auto' && n.retry)
          errors.push(
            `${at}.retry: with ackMode "auto" nothing can be retried (the broker forgot the message at delivery)`,
          );
        return;
      case 'broker':
        return;
      case 'service':
        errors.push(...serviceErrors(sc, n, at));
        return;
      case 'topic':
        errors.push(...topicErrors(sc, n, at));
        return;
    }
  });
  errors.push(...callCycleErrors(sc));
  return errors;
}
