/**
 * Choose a preset; loading one replaces the run (paused at tick 0, no inputs). Every preset is
 * listed, in its group, with its description: the chosen one's is shown under the picker, and
 * each option carries its own as a tooltip. The selection follows the store's scenario (matched by name), so
 * a scenario loaded another way shows as "Custom".
 */
import { useId } from 'react';
import { loadPreset, PRESETS } from '../scenarios';
import { useSim } from './SimStoreContext';

// Validated once at start-up; a broken preset fails loudly here and in the unit tests.
const OPTIONS = PRESETS.map((p) => {
  const s = loadPreset(p.id);
  return { id: p.id, group: p.group, name: s.name, description: s.description ?? '' };
});
/** The picker's groups in the order presets list them ("Basics", ..., "Sync vs async"). */
const GROUPS = [...new Set(OPTIONS.map((p) => p.group))];

const CUSTOM = 'custom';

/** `children` sit next to the select, before the description (the seed field). */
export function ScenarioPicker({ children }: { children?: React.ReactNode }) {
  const id = useId();
  const descriptionId = useId();
  const loadScenario = useSim((s) => s.actions.loadScenario);
  const name = useSim((s) => s.scenario.name);
  const description = useSim((s) => s.scenario.description ?? '');
  const current = OPTIONS.find((p) => p.name === name);
  return (
    <div className="picker">
      <label className="picker-label" htmlFor={id}>
        Scenario
      </label>
      <select
        id={id}
        className="select"
        data-testid="preset"
        value={current?.id ?? CUSTOM}
        aria-describedby={descriptionId}
        onChange={(e) => {
          if (e.target.value !== CUSTOM) loadScenario(loadPreset(e.target.value));
        }}
      >
        {current ? null : <option value={CUSTOM}>Custom: {name}</option>}
        {GROUPS.map((g) => (
          <optgroup key={g} label={g}>
            {OPTIONS.filter((p) => p.group === g).map((p) => (
              <option key={p.id} value={p.id} title={p.description}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {children}
      <p
        id={descriptionId}
        className="preset-description"
        data-testid="preset-description"
        title={description}
      >
        {description}
      </p>
    </div>
  );
}
