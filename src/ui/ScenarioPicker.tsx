/** Choose a preset; loading one replaces the run (paused at tick 0). */
import { useId } from 'react';
import { loadPreset, PRESETS } from '../scenarios';
import { useSim } from './SimStoreContext';

// Validated once at start-up; a broken preset fails loudly here and in the unit tests.
const OPTIONS = PRESETS.map((p) => ({ id: p.id, name: loadPreset(p.id).name }));

export function ScenarioPicker({
  presetId,
  onPick,
}: {
  presetId: string;
  onPick: (id: string) => void;
}) {
  const id = useId();
  const loadScenario = useSim((s) => s.actions.loadScenario);
  return (
    <label className="picker" htmlFor={id}>
      <span className="picker-label">Scenario</span>
      <select
        id={id}
        className="select"
        data-testid="preset"
        value={presetId}
        onChange={(e) => {
          const next = e.target.value;
          loadScenario(loadPreset(next));
          onPick(next);
        }}
      >
        {OPTIONS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
