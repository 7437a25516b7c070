/**
 * Choose a preset; loading one replaces the run (paused at tick 0, no inputs). Every preset is
 * listed, in its group, with its description: the chosen one's is shown under the picker, and
 * each option carries its own as a tooltip. The list comes from the build-time catalogue; the
 * tooltips' descriptions load just after the first paint, and the chosen preset's document when
 * it is chosen (presetLoader.ts), the select showing the choice while it loads. The selection follows the store's scenario (matched by name), so a scenario
 * loaded another way shows as "Custom", and one applied from the editor as "Edited scenario".
 */
import { useEffect, useId, useRef, useState } from 'react';
import { isEdited } from './editedScenario';
import { loadPresetById, PRESET_CATALOG } from './presetLoader';
import { useSim } from './SimStoreContext';

/** The picker's groups in the order presets list them ("Basics", ..., "Sync vs async"). */
const GROUPS = [...new Set(PRESET_CATALOG.map((p) => p.group))];

const CUSTOM = 'custom';

/** `children` sit next to the select, before the description (the seed field). */
export function ScenarioPicker({ children }: { children?: React.ReactNode }) {
  const id = useId();
  const descriptionId = useId();
  const loadScenario = useSim((s) => s.actions.loadScenario);
  const name = useSim((s) => s.scenario.name);
  const description = useSim((s) => s.scenario.description ?? '');
  const edited = useSim((s) => isEdited(s.scenario));
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);
  const [descriptions, setDescriptions] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    import('virtual:preset-descriptions').then(
      (m) => live && setDescriptions(m.default),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  // A scenario from the editor is never taken for the preset whose name it kept.
  const current = edited ? undefined : PRESET_CATALOG.find((p) => p.name === name);
  const choose = (presetId: string) => {
    const request = ++latest.current;
    setPending(presetId);
    setError('');
    loadPresetById(presetId).then(
      (scenario) => {
        if (request !== latest.current) return;
        setPending(null);
        loadScenario(scenario);
      },
      (err: unknown) => {
        if (request !== latest.current) return;
        setPending(null);
        setError(`Could not load that scenario: ${err instanceof Error ? err.message : err}`);
      },
    );
  };
  return (
    <div className="picker">
      <label className="picker-label" htmlFor={id}>
        Scenario
      </label>
      <select
        id={id}
        className="select"
        data-testid="preset"
        value={pending ?? current?.id ?? CUSTOM}
        aria-describedby={descriptionId}
        aria-busy={pending !== null}
        onChange={(e) => {
          if (e.target.value !== CUSTOM) choose(e.target.value);
        }}
      >
        {current || pending ? null : (
          <option value={CUSTOM}>
            {edited ? 'Edited scenario' : 'Custom'}: {name}
          </option>
        )}
        {GROUPS.map((g) => (
          <optgroup key={g} label={g}>
            {PRESET_CATALOG.filter((p) => p.group === g).map((p) => (
              <option key={p.id} value={p.id} title={descriptions[p.id]}>
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
        {error || description}
      </p>
    </div>
  );
}
