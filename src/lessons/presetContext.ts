/**
 * The lesson context over the bundled presets and comparisons, with the engine's validators:
 * what the tests and the CLI check lessons against (the page builds its own, lazily).
 */
import { designDocument, validateInput, validateScenario } from '../engine';
import { COMPARISONS, PRESETS } from '../scenarios';
import type { LessonContext } from './validateLesson';

export function presetContext(): LessonContext {
  const preset = (id: string) => PRESETS.find((p) => p.id === id);
  const comparison = (id: string) => COMPARISONS.find((c) => c.id === id);
  return {
    hasPreset: (id) => preset(id) !== undefined,
    hasComparison: (id) => comparison(id) !== undefined,
    preset: (id) => preset(id)?.raw,
    comparison: (id) => comparison(id)?.raw,
    design: (doc, side) => designDocument(doc, side),
    validateScenario,
    validateInput,
  };
}
