/** The course: one lesson per section of the course material, in order. */
import whyQueues from './01-why-queues.json' with { type: 'json' };

export const COURSE: readonly unknown[] = [whyQueues];
