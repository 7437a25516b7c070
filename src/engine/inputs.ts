/** Applying an input to the state. Unknown ids are reported as an event, never thrown. */
import { crashConsumer, restartConsumer, setConcurrency } from './consumer';
import type { Input } from './inputSchema';
import { pauseProducer, resumeProducer, setRate } from './producer';
import type { Sink } from './sim';
import type { SimState } from './state';

function indexOf(st: SimState, id: string, kind: string): number {
  const node = st.nodeIds.indexOf(id);
  return node >= 0 && st.nodeKinds[node] === kind ? st.nodeIndex[node]! : -1;
}

export function applyInput(st: SimState, input: Input, sink: Sink): void {
  const target =
    'producerId' in input
      ? indexOf(st, input.producerId, 'producer')
      : indexOf(st, input.consumerId, 'consumer');
  if (target < 0) {
    if (sink)
      sink.push({
        type: 'inputIgnored',
        atUs: st.nowUs,
        input: input.type,
        reason: 'no such node of that kind',
      });
    return;
  }
  switch (input.type) {
    case 'producerPaused':
      return pauseProducer(st, target, sink);
    case 'producerResumed':
      return resumeProducer(st, target, sink);
    case 'rateChanged':
      return setRate(st, target, input.ratePerSec, sink);
    case 'consumerCrashed':
      return crashConsumer(st, target, sink);
    case 'consumerRestarted':
      return restartConsumer(st, target, sink);
    case 'concurrencyChanged':
      return setConcurrency(st, target, input.concurrency, sink);
  }
}
