/** The course: one lesson per section of the course material, in order. */
import l01WhyQueues from './01-why-queues.json' with { type: 'json' };
import l02SyncProblems from './02-sync-problems.json' with { type: 'json' };
import l03QueueBuffer from './03-queue-buffer.json' with { type: 'json' };
import l04Async from './04-async.json' with { type: 'json' };
import l05BrokerFlow from './05-broker-flow.json' with { type: 'json' };
import l06WhyAsync from './06-why-async.json' with { type: 'json' };
import l07BrokerInternals from './07-broker-internals.json' with { type: 'json' };
import l08QueueTypes from './08-queue-types.json' with { type: 'json' };
import l09KafkaVsRabbitmq from './09-kafka-vs-rabbitmq.json' with { type: 'json' };
import l10Hybrid from './10-hybrid.json' with { type: 'json' };
import l11Reliability from './11-reliability.json' with { type: 'json' };
import l12UseCases from './12-use-cases.json' with { type: 'json' };
import l13Takeaways from './13-takeaways.json' with { type: 'json' };

export const COURSE: readonly unknown[] = [
  l01WhyQueues,
  l02SyncProblems,
  l03QueueBuffer,
  l04Async,
  l05BrokerFlow,
  l06WhyAsync,
  l07BrokerInternals,
  l08QueueTypes,
  l09KafkaVsRabbitmq,
  l10Hybrid,
  l11Reliability,
  l12UseCases,
  l13Takeaways,
];
