/**
 * The journey of the message clicked on the canvas (or in the event log): every event about it
 * in the log, with its simulated time, oldest first; clicking a step jumps there. Rebuilt when
 * the store publishes, so it grows while the run plays.
 */
import { describeEvent } from '../store/serviceWords';
import { formatSeconds } from './format';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';

export function MessageJourney() {
  useRenderCount('MessageJourney');
  const store = useSimStore();
  const selected = useSim((s) => s.selectedMsg);
  useSim((s) => s.logVersion);
  const actions = useSim((s) => s.actions);
  if (!selected) return null;
  const journey = store.journey();
  const name = selected.msgId !== null ? `#${selected.msgId}` : `origin #${selected.originId}`;
  return (
    <section className="panel journey" aria-labelledby="journey-title" data-testid="journey">
      <div className="panel-head">
        <h2 id="journey-title" className="panel-title">
          Message {name}
        </h2>
        <button
          type="button"
          className="btn btn--small"
          aria-label="Close the message journey"
          onClick={() => actions.selectMessage(null)}
        >
          ✕
        </button>
      </div>
      {journey && !journey.complete ? (
        <p className="muted">Its earlier events are older than the event log keeps.</p>
      ) : null}
      {journey && journey.steps.length > 0 ? (
        <ol className="journey-steps">
          {journey.steps.map((step, i) => (
            <li key={i} className={`journey-step journey-step--${step.fate}`}>
              <button
                type="button"
                className="link-btn"
                onClick={() => actions.jumpToEvent(step.event)}
              >
                <span className="journey-time">{formatSeconds(step.atUs / 1000)}</span>
                <span className="journey-type" data-testid="journey-type">
                  {step.label}
                </span>
              </button>
              <span className="journey-detail">{describeEvent(step.event)}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No events about this message in the event log at this tick.</p>
      )}
      {journey?.ended ? (
        <p className="journey-end">
          {journey.ended === 'done' ? 'Done: acked.' : 'Gone without an ack.'}
        </p>
      ) : null}
    </section>
  );
}
