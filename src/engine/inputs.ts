/** Applying an input to the state. Unknown ids are reported as an event, never thrown. */
import { crashBroker, restartBroker } from './broker';
import { crashConsumer, restartConsumer } from './consumerCrash';
import {
  setAckMode,
  setConcurrency,
  setFailureRate,
  setGuarantee,
  setPrefetch,
  setRetryPolicy,
} from './consumerSettings';
import type { Input } from './inputSchema';
import {
  addPartitions,
  crashMemberInput,
  logBrokerInput,
  restartMember,
  seekGroup,
  setMemberGuarantee,
  setPartitionPaused,
} from './logInputs';
import { addConsumer, removeConsumer } from './consumerScale';
import { addMember, removeMember } from './logMemberScale';
import { pauseProducer, resumeProducer, setRate } from './producer';
import { createMessage } from './publisher';
import { redrive } from './redrive';
import type { Sink } from './sim';
import { setServiceFailureRate, setServiceMode } from './serviceFaults';
import { CrashPoint, MODE_NAMES, type SimState } from './state';

function indexOf(st: SimState, id: string | undefined, kind: string): number {
  if (id === undefined) return -1;
  const node = st.nodeIds.indexOf(id);
  return node >= 0 && st.nodeKinds[node] === kind ? st.nodeIndex[node]! : -1;
}

/** The broker named by an input: the scenario's broker node, or the implicit one if omitted. */
function brokerMatches(st: SimState, id: string | undefined): boolean {
  if (id === undefined) return true;
  return st.broker.node >= 0 && st.nodeIds[st.broker.node] === id;
}

function ignored(
  st: SimState,
  input: Input,
  sink: Sink,
  reason = 'no such node of that kind',
): void {
  if (sink) sink.push({ type: 'inputIgnored', atUs: st.nowUs, input: input.type, reason });
}

const ms = (v: number | undefined) => (v === undefined ? 0 : Math.round(v * 1000));

/** Removed consumers and members are gone: inputs naming them are ignored. */
function removedNode(st: SimState, id: string): boolean {
  const node = st.nodeIds.indexOf(id);
  if (node < 0) return false;
  const i = st.nodeIndex[node]!;
  if (st.nodeKinds[node] === 'consumer') return st.consumers[i]!.removed;
  return st.nodeKinds[node] === 'member' && st.log.members[i]!.removed;
}

function scaleInput(
  st: SimState,
  input: Extract<Input, { type: 'consumerAdded' | 'consumerRemoved' }>,
  sink: Sink,
): void {
  if (input.type === 'consumerAdded') {
    if (st.nodeIds.includes(input.consumerId)) return ignored(st, input, sink, 'that id is taken');
    const li = indexOf(st, input.like, 'consumer');
    if (li >= 0) return addConsumer(st, input.consumerId, li, sink);
    const lm = indexOf(st, input.like, 'member');
    if (lm >= 0) return addMember(st, input.consumerId, lm, sink);
    return ignored(st, input, sink);
  }
  const ci = indexOf(st, input.consumerId, 'consumer');
  if (ci >= 0) return removeConsumer(st, ci, sink);
  const mi = indexOf(st, input.consumerId, 'member');
  if (mi >= 0) return removeMember(st, mi, sink);
  return ignored(st, input, sink);
}

export function applyInput(st: SimState, input: Input, sink: Sink): void {
  if ('consumerId' in input && input.type !== 'consumerAdded' && removedNode(st, input.consumerId))
    return ignored(st, input, sink, 'that consumer was removed');
  switch (input.type) {
    case 'consumerAdded':
    case 'consumerRemoved':
      return scaleInput(st, input, sink);
    case 'producerPaused':
    case 'producerResumed':
    case 'rateChanged':
    case 'poisonPublished': {
      const pi = indexOf(st, input.producerId, 'producer');
      if (pi < 0) return ignored(st, input, sink);
      if (input.type === 'producerPaused') return pauseProducer(st, pi, sink);
      if (input.type === 'producerResumed') return resumeProducer(st, pi, sink);
      if (input.type === 'rateChanged') return setRate(st, pi, input.ratePerSec, sink);
      return createMessage(st, pi, true, sink);
    }
    case 'consumerCrashed': {
      const mi = indexOf(st, input.consumerId, 'member');
      if (mi >= 0)
        return crashMemberInput(st, mi, input.window ?? 'now', ms(input.restartAfterMs), sink);
      const ci = indexOf(st, input.consumerId, 'consumer');
      if (ci < 0) return ignored(st, input, sink);
      const c = st.consumers[ci]!;
      c.crashRestartUs = ms(input.restartAfterMs);
      const window = input.window ?? 'now';
      if (window === 'now') return crashConsumer(st, ci, 'now', sink);
      // Armed: the consumer dies when its handling of a message next reaches that point.
      c.crashWindow =
        window === 'afterReceive'
          ? CrashPoint.AfterReceive
          : window === 'afterEffect'
            ? CrashPoint.AfterEffect
            : CrashPoint.AfterAck;
      return;
    }
    case 'consumerRestarted':
    case 'concurrencyChanged':
    case 'prefetchChanged':
    case 'ackModeChanged':
    case 'failureRateChanged': {
      const mi = indexOf(st, input.consumerId, 'member');
      if (mi >= 0 && input.type === 'consumerRestarted') return restartMember(st, mi, sink);
      const ci = indexOf(st, input.consumerId, 'consumer');
      if (ci < 0) return ignored(st, input, sink);
      if (input.type === 'consumerRestarted') return restartConsumer(st, ci, sink);
      if (input.type === 'concurrencyChanged')
        return setConcurrency(st, ci, input.concurrency, sink);
      if (input.type === 'prefetchChanged') return setPrefetch(st, ci, input.prefetch, sink);
      if (input.type === 'ackModeChanged') return setAckMode(st, ci, input.ackMode, sink);
      return setFailureRate(st, ci, input.probability, sink);
    }
    case 'brokerCrashed':
      if (!brokerMatches(st, input.brokerId)) return ignored(st, input, sink);
      return crashBroker(st, ms(input.restartAfterMs), sink);
    case 'brokerRestarted':
      if (!brokerMatches(st, input.brokerId)) return ignored(st, input, sink);
      return restartBroker(st, sink);
    case 'dlqRedriven': {
      const from = indexOf(st, input.queueId, 'queue');
      const to = input.toQueueId === undefined ? -2 : indexOf(st, input.toQueueId, 'queue');
      if (from < 0 || to === -1) return ignored(st, input, sink);
      return redrive(st, from, to, sink);
    }
    case 'serviceStateChanged':
    case 'serviceFailureRateChanged': {
      const si = indexOf(st, input.serviceId, 'service');
      if (si < 0) return ignored(st, input, sink);
      if (input.type === 'serviceFailureRateChanged')
        return setServiceFailureRate(st, si, input.probability, sink);
      const mode = MODE_NAMES.indexOf(input.state);
      const factor = input.factor ?? st.services[si]!.slowFactor;
      return setServiceMode(st, si, mode, factor, ms(input.forMs), sink);
    }
    case 'groupSeek': {
      const gi = st.log.groups.findIndex((g) => g.id === input.groupId);
      if (gi < 0) return ignored(st, input, sink);
      return seekGroup(st, gi, input);
    }
    case 'partitionPaused':
    case 'partitionResumed':
    case 'partitionsAdded': {
      const ti = indexOf(st, input.topicId, 'topic');
      if (ti < 0) return ignored(st, input, sink);
      if (input.type === 'partitionsAdded') return addPartitions(st, ti, input.count, sink);
      return setPartitionPaused(st, ti, input.partition, input.type === 'partitionPaused');
    }
    case 'logBrokerCrashed':
      return logBrokerInput(st, input.broker, false, ms(input.restartAfterMs), sink);
    case 'logBrokerRestarted':
      return logBrokerInput(st, input.broker, true, 0, sink);
    case 'retryPolicyChanged':
    case 'guaranteeChanged': {
      const mi = indexOf(st, input.consumerId, 'member');
      if (mi >= 0 && input.type === 'guaranteeChanged')
        return setMemberGuarantee(st, mi, input.guarantee);
      const ci = indexOf(st, input.consumerId, 'consumer');
      if (ci < 0) return ignored(st, input, sink);
      if (input.type === 'retryPolicyChanged') return setRetryPolicy(st, ci, input.retry, sink);
      return setGuarantee(st, ci, input.guarantee, sink);
    }
  }
}
