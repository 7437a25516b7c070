/**
 * The page's LessonContext. validateLesson is synchronous, while the page loads preset
 * documents and the validators lazily: so the documents a lesson names are fetched first (each
 * once, then cached), and the context answers from them.
 */
import { loadValidators } from '../../store';
import type { LessonContext } from '../../lessons/validateLesson';
import { comparisonDocument, hasComparison, presetDocument, PRESET_CATALOG } from '../presetLoader';

const presets = new Map<string, unknown>();
const comparisons = new Map<string, unknown>();

const hasPreset = (id: string) => PRESET_CATALOG.some((p) => p.id === id);

/** The ids of the runs a raw (unchecked) lesson names, read defensively. */
function namedRuns(raw: unknown): { presets: string[]; comparisons: string[] } {
  const out = { presets: [] as string[], comparisons: [] as string[] };
  const steps = (raw as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return out;
  for (const step of steps.slice(0, 500)) {
    const run = (step as { run?: unknown } | null)?.run as Record<string, unknown> | undefined;
    if (typeof run?.preset === 'string' && hasPreset(run.preset)) out.presets.push(run.preset);
    if (typeof run?.compare === 'string' && hasComparison(run.compare))
      out.comparisons.push(run.compare);
  }
  return out;
}

export async function pageLessonContext(raw: unknown): Promise<LessonContext> {
  const named = namedRuns(raw);
  const v = await loadValidators();
  await Promise.all([
    ...named.presets
      .filter((id) => !presets.has(id))
      .map(async (id) => presets.set(id, await presetDocument(id))),
    ...named.comparisons
      .filter((id) => !comparisons.has(id))
      .map(async (id) => comparisons.set(id, await comparisonDocument(id))),
  ]);
  return {
    hasPreset: (id) => presets.has(id),
    hasComparison: (id) => comparisons.has(id),
    preset: (id) => structuredClone(presets.get(id)),
    comparison: (id) => structuredClone(comparisons.get(id)),
    design: (doc, side) => v.designDocument(doc, side),
    validateScenario: v.validateScenario,
    validateInput: v.validateInput,
  };
}
