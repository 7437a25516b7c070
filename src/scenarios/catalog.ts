/**
 * The presets' catalogue for the app's picker: id, group, name and where each document lives,
 * and the descriptions apart (they are most of its weight and only the options' tooltips need
 * them at once). Computed in Node when the app is built (catalogPlugin.ts serves both to the app
 * as modules), so the picker lists every preset while the documents load only when chosen.
 * Every preset is validated here, so a broken one fails the build.
 */
import { DEFAULT_PRESET_ID, loadPreset, PRESETS, type PresetSource } from './index';

export interface CatalogEntry {
  id: string;
  group: string;
  name: string;
  source: PresetSource;
}

export interface PresetCatalog {
  defaultId: string;
  entries: CatalogEntry[];
}

export function presetCatalog(): PresetCatalog {
  const entries = PRESETS.map((p) => ({
    id: p.id,
    group: p.group,
    name: loadPreset(p.id).name,
    source: p.source,
  }));
  return { defaultId: DEFAULT_PRESET_ID, entries };
}

/** Each preset's one-line description, by id. */
export function presetDescriptions(): Record<string, string> {
  return Object.fromEntries(PRESETS.map((p) => [p.id, loadPreset(p.id).description ?? '']));
}
