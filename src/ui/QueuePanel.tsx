/** Per queue: depth now, the deepest it has been, and its time-weighted mean depth. */
import { useId } from 'react';
import { SERIES_COLORS } from '../viz/palette';
import { formatCount, formatDecimal } from './format';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

export function QueuePanel() {
  // An id per instance: the compare view shows two of each panel.
  const titleId = useId();
  useRenderCount('QueuePanel');
  const queues = useSim((s) => s.report.queues);
  const scenario = useSim((s) => s.scenario);
  // Scenario order, the same order (and colours) as the depth chart.
  const rows = scenario.nodes.filter((n) => n.kind === 'queue');
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Queues
      </h2>
      <table className="queue-table">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Depth</th>
            <th scope="col">Max</th>
            <th scope="col">Mean</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, label }, i) => {
            const q = queues[id];
            if (!q) return null;
            return (
              <tr key={id}>
                <th scope="row">
                  <span
                    className={`swatch swatch--${i % SERIES_COLORS.length}`}
                    aria-hidden="true"
                  />
                  {label ?? id}
                </th>
                <td data-testid={`queue-depth-${id}`}>{formatCount(q.depth)}</td>
                <td data-testid={`queue-max-${id}`}>{formatCount(q.depthMax)}</td>
                <td data-testid={`queue-mean-${id}`}>{formatDecimal(q.depthMean, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
