/**
 * Messages from the store: that the run forked (the future was discarded), that an input was
 * refused and why, and progress while a seek computes a part of the run not computed yet.
 * A live region, so screen readers announce them; the notice stays until dismissed.
 */
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

export function Notices() {
  useRenderCount('Notices');
  const notice = useSim((s) => s.notice);
  const computing = useSim((s) => s.computing);
  const dismiss = useSim((s) => s.actions.dismissNotice);
  const progress = computing
    ? Math.floor((100 * computing.fromTick) / Math.max(1, computing.targetTick))
    : 0;
  return (
    <div className="notices" role="status" aria-live="polite">
      {computing ? (
        <p className="notice notice--computing" data-testid="computing">
          Computing the run up to tick {computing.targetTick}… {progress}%
        </p>
      ) : null}
      {notice ? (
        <p className={`notice notice--${notice.kind}`} data-testid={`notice-${notice.kind}`}>
          <span>{notice.text}</span>
          <button type="button" className="btn btn--small" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
