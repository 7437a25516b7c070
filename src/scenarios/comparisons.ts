/**
 * Comparison presets (issue 4): the e-commerce flow as blocking calls and through a broker, on
 * the same workload and the same faults. Each is a comparison document (see compare.ts in the
 * engine and docs/scenario-format.md), validated when loaded.
 */
import { validateComparison, type Comparison } from '../engine';
import happyPath from './comparisons/happy-path.json' with { type: 'json' };
import tightCoupling from './comparisons/tight-coupling.json' with { type: 'json' };
import blocking from './comparisons/blocking.json' with { type: 'json' };
import scalability from './comparisons/scalability.json' with { type: 'json' };
import dataLoss from './comparisons/data-loss.json' with { type: 'json' };
import hardRecovery from './comparisons/hard-recovery.json' with { type: 'json' };
import hybrid from './comparisons/hybrid.json' with { type: 'json' };
import slowNotification from './comparisons/slow-notification.json' with { type: 'json' };

export interface ComparisonPreset {
  id: string;
  raw: unknown;
  /** The document's file, relative to src/scenarios (the app loads it from there). */
  file: string;
}

export const COMPARISONS: readonly ComparisonPreset[] = [
  { id: 'compare-happy-path', raw: happyPath, file: 'comparisons/happy-path.json' },
  { id: 'compare-tight-coupling', raw: tightCoupling, file: 'comparisons/tight-coupling.json' },
  { id: 'compare-blocking', raw: blocking, file: 'comparisons/blocking.json' },
  { id: 'compare-scalability', raw: scalability, file: 'comparisons/scalability.json' },
  { id: 'compare-data-loss', raw: dataLoss, file: 'comparisons/data-loss.json' },
  { id: 'compare-hard-recovery', raw: hardRecovery, file: 'comparisons/hard-recovery.json' },
  { id: 'compare-hybrid', raw: hybrid, file: 'comparisons/hybrid.json' },
  {
    id: 'compare-slow-notification',
    raw: slowNotification,
    file: 'comparisons/slow-notification.json',
  },
];

export function comparisonIds(): string[] {
  return COMPARISONS.map((c) => c.id);
}

/** The validated comparison of a preset; throws if the id is unknown or the preset is invalid. */
export function loadComparison(id: string): Comparison {
  const preset = COMPARISONS.find((c) => c.id === id);
  if (!preset)
    throw new Error(
      `unknown comparison ${JSON.stringify(id)}; known: ${comparisonIds().join(', ')}`,
    );
  const result = validateComparison(preset.raw);
  if (!result.ok) throw new Error(`comparison ${id} is invalid:\n${result.errors.join('\n')}`);
  return result.value;
}
