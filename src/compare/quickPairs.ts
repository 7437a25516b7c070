/**
 * The compare view's menu of ready-made pairs: each sync-vs-async comparison (its two designs),
 * a preset at at-least-once against exactly-once, and a preset that retries with its jitter on
 * and off. Computed from the preset catalogue, so a new comparison appears by itself.
 */
import type { CatalogEntry } from '../scenarios/catalog';
import type { Side } from './compareLink';

export interface QuickPair {
  id: string;
  label: string;
  left: Side;
  right: Side;
}

/** Presets where a consumer crashes or redelivers, so the guarantee changes the numbers. */
export const GUARANTEE_PRESETS = ['sqs-visibility', 'ack-modes-crash', 'kafka-commit-timing'];
/** Presets whose consumers retry with an exponential backoff. */
export const JITTER_PRESETS = ['retry-backoff-dlq'];

const stripDesign = (name: string) => name.replace(/\s*\((a)?synchronous\)$/, '');

export function quickPairs(catalog: readonly CatalogEntry[]): QuickPair[] {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const out: QuickPair[] = [];
  for (const e of catalog) {
    if (e.source.design !== 'sync') continue;
    const asyncId = e.id.replace(/-sync$/, '-async');
    if (!byId.has(asyncId)) continue;
    out.push({
      id: e.id.replace(/-sync$/, ''),
      label: `${stripDesign(e.name)}: sync vs async`,
      left: { kind: 'preset', id: e.id, variant: null },
      right: { kind: 'preset', id: asyncId, variant: null },
    });
  }
  for (const id of GUARANTEE_PRESETS) {
    const e = byId.get(id);
    if (!e) continue;
    out.push({
      id: `${id}-guarantees`,
      label: `${e.name}: at-least-once vs exactly-once`,
      left: { kind: 'preset', id, variant: 'at-least-once' },
      right: { kind: 'preset', id, variant: 'exactly-once' },
    });
  }
  for (const id of JITTER_PRESETS) {
    const e = byId.get(id);
    if (!e) continue;
    out.push({
      id: `${id}-jitter`,
      label: `${e.name}: retry jitter on vs off`,
      left: { kind: 'preset', id, variant: 'jitter' },
      right: { kind: 'preset', id, variant: 'no-jitter' },
    });
  }
  return out;
}
