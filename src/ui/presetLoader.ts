/**
 * Presets for the app: the catalogue (ids, groups, names; ~2 KB made at build time) is in the
 * initial JavaScript, the documents are not. A preset's JSON is fetched by a dynamic import when
 * it is chosen, and validated like any document (the validators load lazily too). The default
 * preset is the exception: it is bundled, so the page plays at once, and used as it is, since
 * the build (src/scenarios/catalog.ts) and a unit test check that it is valid and that
 * validation returns it unchanged.
 */
import catalog from 'virtual:preset-catalog';
import type { Scenario } from '../engine';
import type { CatalogEntry } from '../scenarios/catalog';
import defaultDocument from '../scenarios/presets/competing-consumers.json';
import { loadValidators } from '../store';

export const PRESET_CATALOG: readonly CatalogEntry[] = catalog.entries;
export const DEFAULT_PRESET_ID = catalog.defaultId;
/** The bundled document (a static import, so its path is written out here). */
export const DEFAULT_FILE = 'presets/competing-consumers.json';
export const DEFAULT_DOCUMENT: unknown = defaultDocument;

const FILES = import.meta.glob<unknown>(
  [
    '../scenarios/presets/*.json',
    '../scenarios/comparisons/*.json',
    '!../scenarios/presets/competing-consumers.json',
  ],
  { import: 'default' },
);
/** Lazy loaders by path relative to src/scenarios (the source of the catalogue's entries). */
const LOADERS = new Map(
  Object.entries(FILES).map(([path, load]) => [path.replace('../scenarios/', ''), load]),
);

function entry(id: string): CatalogEntry {
  const e = PRESET_CATALOG.find((p) => p.id === id);
  if (!e) throw new Error(`unknown preset ${JSON.stringify(id)}`);
  return e;
}

/** The default preset, at once. */
export function defaultPreset(): Scenario {
  const { source } = entry(DEFAULT_PRESET_ID);
  if (source.file !== DEFAULT_FILE || source.design)
    throw new Error(`the bundled default preset is ${DEFAULT_FILE}, not ${source.file}`);
  return structuredClone(defaultDocument) as unknown as Scenario;
}

/** A preset's raw document (one design of a comparison for the "Sync vs async" presets). */
export async function presetDocument(id: string): Promise<unknown> {
  const { file, design } = entry(id).source;
  const load = LOADERS.get(file);
  const raw = file === DEFAULT_FILE ? structuredClone(defaultDocument) : await load?.();
  if (raw === undefined) throw new Error(`preset ${id}: no document ${file}`);
  return design ? (await loadValidators()).designDocument(raw, design) : raw;
}

/** A preset's validated scenario, its document fetched on first use. */
export async function loadPresetById(id: string): Promise<Scenario> {
  const [raw, v] = await Promise.all([presetDocument(id), loadValidators()]);
  const result = v.validateScenario(raw);
  if (!result.ok) throw new Error(`preset ${id} is invalid:\n${result.errors.join('\n')}`);
  return result.value;
}

/**
 * A comparison's raw document (both designs), by the comparison's id: the file its designs'
 * presets (`<id>-sync`, `<id>-async`) come from. For lessons that compare the two designs.
 */
export async function comparisonDocument(id: string): Promise<unknown> {
  const e = PRESET_CATALOG.find((p) => p.id === `${id}-sync` && p.source.design === 'sync');
  const load = e ? LOADERS.get(e.source.file) : undefined;
  if (!load) throw new Error(`unknown comparison ${JSON.stringify(id)}`);
  return load();
}

/** Whether a comparison of this id exists (its designs are presets). */
export const hasComparison = (id: string): boolean =>
  PRESET_CATALOG.some((p) => p.id === `${id}-sync` && p.source.design === 'sync');
