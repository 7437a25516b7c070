/** Consumers added and removed by inputs (issue 6), in words for the event log and journeys. */
import type { SimEvent } from '../engine';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function scaleDetail(e: SimEvent): string | null {
  if (e.type === 'consumerAdded')
    return e.queue !== null
      ? `${e.consumer} added like ${e.like}: reads ${e.queue}`
      : `${e.consumer} added like ${e.like}: joins group ${e.group ?? ''}`;
  if (e.type === 'consumerRemoved') {
    const parts = [
      e.finishing > 0 && `finishes ${plural(e.finishing, 'message', 'messages')} in progress`,
      e.requeued > 0 &&
        `${plural(e.requeued, 'message', 'messages')} it had not started back to the queue`,
    ].filter((p): p is string => p !== false);
    return `${e.consumer} removed${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  }
  if (e.type === 'requeued' && e.reason === 'consumerRemoved')
    return `#${e.msgId} back to ${e.queue}: ${e.consumer} was removed before it started it`;
  return null;
}
