/**
 * Scenarios loaded from the editor, so the picker can say "Edited scenario" even when the
 * edited document kept a preset's name. Held weakly: a scenario no run uses can be collected.
 */
import type { Scenario } from '../engine';

const edited = new WeakSet<Scenario>();

export const markEdited = (scenario: Scenario): void => void edited.add(scenario);
export const isEdited = (scenario: Scenario): boolean => edited.has(scenario);
