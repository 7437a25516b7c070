/**
 * A side of the compare view as a validated scenario: a preset (fetched when chosen), with its
 * variant applied, or the scenario editor's document. Validated like any document, so a variant
 * that contradicts a setting is refused with the validator's message, never run.
 */
import type { Scenario } from '../../engine';
import type { Side } from '../../compare/compareLink';
import { applyVariant } from '../../compare/variants';
import { loadValidators } from '../../store';
import { loadPresetById } from '../presetLoader';

export async function resolveSide(side: Side, edited: () => Scenario | null): Promise<Scenario> {
  let scenario: Scenario;
  if (side.kind === 'edited') {
    const doc = edited();
    if (!doc) throw new Error('there is no edited scenario yet: open the editor first');
    scenario = doc;
  } else {
    scenario = await loadPresetById(side.id);
    if (side.variant) scenario = applyVariant(scenario, side.variant);
  }
  const checked = (await loadValidators()).validateScenario(scenario);
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return checked.value;
}
