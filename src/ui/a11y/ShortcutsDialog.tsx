/**
 * The list of keyboard shortcuts, opened with ? (or from the display menu). A native modal
 * <dialog>: it keeps focus inside while open and closes with Esc; focus then goes back to where
 * it was before, so a keyboard user does not lose their place.
 */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../useKeyboardShortcuts';
import { setShortcutsOpen, useShortcutsOpen } from './prefs';

export function ShortcutsDialog() {
  const open = useShortcutsOpen();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const onClose = () => {
    setShortcutsOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      data-testid="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys.join('+')}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' + ' : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts-note">Shortcuts do nothing while you type in a field.</p>
      <form method="dialog">
        <button type="submit" className="btn" data-testid="close-shortcuts" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
