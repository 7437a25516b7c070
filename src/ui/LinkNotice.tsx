/**
 * What happened to the link the page was opened with (or one pasted later): opening, or refused
 * with each reason ("key: what is wrong, what was expected"). Text only: a link's words never
 * become markup. Refused at the start, the page shows the default scenario; refused later, the
 * run on screen stays.
 */
import { useSyncExternalStore } from 'react';
import { getLinkStatus, setLinkStatus, subscribeLinkStatus } from '../share/linkStatus';

export function LinkNotice() {
  const status = useSyncExternalStore(subscribeLinkStatus, getLinkStatus);
  if (status.opening && !status.errors)
    return (
      <p className="notice" role="status" data-testid="link-opening">
        Opening the link…
      </p>
    );
  if (!status.errors) return null;
  return (
    <div className="notice notice--error link-notice" role="alert" data-testid="link-error">
      <div>
        <p className="link-notice-title">
          {status.when === 'start'
            ? 'This link could not be opened, so the default scenario is shown:'
            : 'This link could not be opened; your run is unchanged:'}
        </p>
        <ul className="link-notice-list">
          {status.errors.slice(0, 8).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
          {status.errors.length > 8 ? <li>…and {status.errors.length - 8} more</li> : null}
        </ul>
      </div>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => setLinkStatus({ errors: null })}
      >
        Dismiss
      </button>
    </div>
  );
}
