/**
 * The charts over simulated time that apply to the scenario (chartKinds), with how each is
 * computed. Titles say what the lines are: a scenario of topics charts consumer lag where one of
 * queues charts queue depth.
 */
import { useMemo } from 'react';
import type { Scenario } from '../engine';
import { chartFacts, chartKinds, type ChartKind } from '../store/chartData';
import { formatDecimal, formatMs } from './format';
import { ChartPanel, type ChartPanelProps } from './ChartPanel';
import { useSim } from './SimStoreContext';

const count = (v: number) => formatDecimal(v, v < 10 && !Number.isInteger(v) ? 1 : 0);
const rate = (v: number) => `${formatDecimal(v, 1)}/s`;

type Panel = Omit<ChartPanelProps, 'kind'>;

function panelOf(kind: ChartKind, scenario: Scenario): Panel {
  const f = chartFacts(scenario);
  const queues = f.queues;
  const groups = f.groups;
  const services = f.services.length > 0;
  switch (kind) {
    case 'depth':
      return {
        title:
          queues && groups
            ? 'Queue depth and consumer lag'
            : queues
              ? 'Queue depth'
              : 'Consumer lag',
        yLabel: queues && groups ? 'messages, records' : queues ? 'messages' : 'records',
        formatY: count,
        note: [
          queues ? 'Ready messages per queue.' : '',
          groups ? 'Lag per group: log end minus committed offset, over all partitions.' : '',
          "The engine's time-weighted mean per bucket.",
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'throughput':
      return {
        title: 'Throughput',
        yLabel:
          queues && !groups
            ? 'acks/s'
            : groups && !f.queueConsumers.length
              ? 'records/s'
              : 'per second',
        formatY: rate,
        note: [
          f.queueConsumers.length ? 'Acks per second per consumer (and in all).' : '',
          groups ? 'Records processed per second per group.' : '',
          'Buckets of at least 1 s.',
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'orders':
      return {
        title: 'Orders',
        yLabel: 'orders/s',
        formatY: rate,
        note: 'Orders per second by the answer their client got (turned away: the service was full), and orders that have every effect applied (completed).',
      };
    case 'inFlight':
      return {
        title: 'In flight',
        yLabel: queues && services ? 'messages, orders' : queues ? 'messages' : 'orders',
        formatY: count,
        note: [
          queues
            ? 'Messages published and not yet acked, sampled at each bucket boundary (and now).'
            : '',
          services ? 'Orders placed whose client has no answer yet (time-weighted).' : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'busy':
      return {
        title: 'Busy workers',
        yLabel: 'workers',
        formatY: count,
        note: 'Workers busy per service, waiting on a call they made included (time-weighted).',
      };
    case 'latency':
      return {
        title: 'Latency',
        yLabel: 'ms',
        formatY: formatMs,
        note: [
          queues ? 'Publish → ack of the messages acked in each bucket.' : '',
          services ? 'Order placed → client told "accepted".' : '',
          groups ? 'Record appended → processed, per group.' : '',
          'Percentiles per bucket; gaps: nothing ended there.',
        ]
          .filter(Boolean)
          .join(' '),
      };
  }
}

export function Charts() {
  const scenario = useSim((s) => s.scenario);
  const panels = useMemo(
    () => chartKinds(scenario).map((kind) => ({ kind, ...panelOf(kind, scenario) })),
    [scenario],
  );
  return (
    <div className="charts">
      {panels.map((p) => (
        <ChartPanel key={p.kind} {...p} />
      ))}
    </div>
  );
}
