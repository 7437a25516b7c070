/** The four charts over simulated time, with how each is computed. */
import { formatDecimal, formatMs } from './format';
import { ChartPanel } from './ChartPanel';

const count = (v: number) => formatDecimal(v, v < 10 && !Number.isInteger(v) ? 1 : 0);
const rate = (v: number) => `${formatDecimal(v, 1)}/s`;

export function Charts() {
  return (
    <div className="charts">
      <ChartPanel
        kind="depth"
        title="Queue depth"
        yLabel="messages"
        formatY={count}
        note="Ready messages per queue: the engine's time-weighted mean per bucket."
      />
      <ChartPanel
        kind="throughput"
        title="Throughput"
        yLabel="acks/s"
        formatY={rate}
        note="Acks per second per consumer and in all: the engine's ack counts in buckets of at least 1 s."
      />
      <ChartPanel
        kind="inFlight"
        title="In flight"
        yLabel="messages"
        formatY={count}
        note="Published and not yet acked, sampled at each bucket boundary (and now)."
      />
      <ChartPanel
        kind="latency"
        title="Latency"
        yLabel="ms"
        formatY={formatMs}
        note="Publish → ack percentiles of the messages acked in each bucket (gaps: no acks)."
      />
    </div>
  );
}
