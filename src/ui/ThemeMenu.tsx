/**
 * The display menu (issue 7): theme, large text, motion, the table view and the list of
 * shortcuts. A native disclosure (<details>) of native controls, so it opens and works with the
 * keyboard and is announced without extra ARIA. Choices are remembered (a11y/prefs.ts).
 */
import { useId } from 'react';
import {
  setPrefs,
  setShortcutsOpen,
  usePrefs,
  type MotionChoice,
  type ThemeChoice,
} from './a11y/prefs';

const THEME_NAMES: Readonly<Record<ThemeChoice, string>> = {
  system: 'As the system',
  light: 'Light',
  dark: 'Dark',
  contrast: 'Projector (high contrast)',
};

const MOTION_NAMES: Readonly<Record<MotionChoice, string>> = {
  system: 'As the system',
  full: 'Moving dots',
  reduced: 'Reduced: counts on the links',
};

export function ThemeMenu() {
  const id = useId();
  const prefs = usePrefs((p) => p);
  return (
    <details className="theme-menu" data-testid="theme-menu">
      <summary className="btn theme-menu-button">Display</summary>
      <div className="theme-menu-body">
        <label htmlFor={`${id}-theme`}>Theme</label>
        <select
          id={`${id}-theme`}
          className="select"
          data-testid="theme-select"
          value={prefs.theme}
          onChange={(e) => setPrefs({ theme: e.target.value as ThemeChoice })}
        >
          {Object.entries(THEME_NAMES).map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-motion`}>Motion</label>
        <select
          id={`${id}-motion`}
          className="select"
          data-testid="motion-select"
          value={prefs.motion}
          onChange={(e) => setPrefs({ motion: e.target.value as MotionChoice })}
        >
          {Object.entries(MOTION_NAMES).map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            data-testid="large-text"
            checked={prefs.largeText}
            onChange={(e) => setPrefs({ largeText: e.target.checked })}
          />
          Large text
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="table-view-toggle"
            checked={prefs.tableView}
            onChange={(e) => setPrefs({ tableView: e.target.checked })}
          />
          Table view of the diagram
        </label>
        <button
          type="button"
          className="btn"
          data-testid="open-shortcuts"
          onClick={() => setShortcutsOpen(true)}
        >
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>
    </details>
  );
}
