/**
 * The dead letters waiting in a dead-letter queue, read from the engine state (read-only): each
 * message's id, why it was dead-lettered, how many times, and from which queue (its newest
 * x-death entry, R16; the whole history in its tooltip). Clicking one selects the message.
 */
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';

/** Rows shown at most (the total is always given). */
const ROWS_MAX = 50;

export function DeadLetters({ queueId }: { queueId: string }) {
  useRenderCount('DeadLetters');
  const store = useSimStore();
  // Re-read whenever the store publishes a new report.
  useSim((s) => s.report);
  const select = useSim((s) => s.actions.selectMessage);
  const { total, items } = store.deadLetters(queueId, ROWS_MAX);
  return (
    <section className="dead-letters" aria-label={`Dead letters in ${queueId}`}>
      <h3 className="subhead">
        Dead letters: <span data-testid="dead-letter-count">{total}</span>
      </h3>
      {total === 0 ? (
        <p className="muted">None waiting.</p>
      ) : (
        <table className="dead-letter-table">
          <thead>
            <tr>
              <th scope="col">Message</th>
              <th scope="col">Reason</th>
              <th scope="col">Deaths</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.msgId} data-testid="dead-letter" title={d.deaths.join('\n')}>
                <td>
                  <button
                    type="button"
                    className="link-btn"
                    onClick={() => select({ msgId: d.msgId, originId: d.originId })}
                  >
                    #{d.msgId}
                  </button>
                </td>
                <td data-testid="dead-letter-reason">{d.reason}</td>
                <td>{d.count}</td>
                <td>{d.fromQueue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > items.length ? (
        <p className="muted">
          Showing the first {items.length} of {total}.
        </p>
      ) : null}
    </section>
  );
}
