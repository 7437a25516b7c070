/**
 * "Copy link": the address of this run (scenario, seed, inputs) at this tick, on the clipboard.
 * Where the clipboard is refused, the link shows in a field to copy by hand. The link's coding
 * loads on first use (src/share/session.ts).
 */
import { useEffect, useState } from 'react';
import { useSimStore } from './SimStoreContext';

type Shown =
  | { kind: 'idle' }
  | { kind: 'copied' }
  | { kind: 'manual'; url: string }
  | { kind: 'failed'; text: string };

const COPIED_SHOWN_MS = 2500;

export function ShareButton() {
  const store = useSimStore();
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  useEffect(() => {
    if (shown.kind !== 'copied') return;
    const timer = setTimeout(() => setShown({ kind: 'idle' }), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  const copy = async () => {
    let url: string;
    try {
      url = await (await import('../share/session')).linkUrl(store);
    } catch (e) {
      setShown({ kind: 'failed', text: `No link: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setShown({ kind: 'copied' });
    } catch {
      setShown({ kind: 'manual', url });
    }
  };

  return (
    <div className="share">
      <button
        type="button"
        className="btn"
        data-testid="copy-link"
        onClick={() => void copy()}
        title="Copy a link to this run: scenario, seed, your inputs and this moment"
      >
        Copy link
      </button>
      <span className="share-status" role="status" data-testid="copy-link-status">
        {shown.kind === 'copied' ? 'Link copied' : shown.kind === 'failed' ? shown.text : ''}
      </span>
      {shown.kind === 'manual' ? (
        <input
          className="input share-text"
          data-testid="copy-link-text"
          readOnly
          aria-label="Link to this run (copy it)"
          value={shown.url}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
    </div>
  );
}
