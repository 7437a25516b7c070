/**
 * The "Edit scenario" button of the header. The editor itself (src/ui/editor) and the engine's
 * validators it needs load on the first click, so they cost nothing in the initial JavaScript.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { loadValidators } from '../store';

type PanelProps = { onClose(): void };

/** Shown instead of the editor when its chunk could not be fetched (offline, a new deploy). */
function LoadFailed({ onClose }: PanelProps) {
  return (
    <p className="notice notice--error" role="alert">
      The editor could not be loaded; reload the page to try again.{' '}
      <button type="button" className="btn btn--small" onClick={onClose}>
        Close
      </button>
    </p>
  );
}

const EditorPanel = lazy(() =>
  Promise.all([import('./editor/EditorPanel'), loadValidators()]).then(
    ([m]) => ({ default: m.EditorPanel }),
    () => ({ default: LoadFailed }),
  ),
);

export function EditScenarioButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus comes back to the button once the dialog is gone (while it is open, the page is inert).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn"
        data-testid="edit-scenario"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        title="Change nodes and settings, or import and export the scenario as JSON"
      >
        Edit scenario
      </button>
      {open ? (
        <Suspense fallback={null}>
          <EditorPanel onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
