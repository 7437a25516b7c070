/**
 * The app's preset catalogue (made at build time) matches the presets the CLI and the tests use,
 * and each entry's source file gives exactly that preset's document, which is what the page
 * fetches when the preset is chosen. The default preset is bundled and used without validation
 * on the page, so it must be valid and unchanged by validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { designDocument, validateScenario } from '../engine';
import { presetCatalog, presetDescriptions } from './catalog';
import { DEFAULT_PRESET_ID, loadPreset, PRESETS } from './index';

const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8'));

describe('preset catalogue for the app', () => {
  const catalog = presetCatalog();

  test('lists every preset in order, with its group and name', () => {
    expect(catalog.entries.map((e) => e.id)).toEqual(PRESETS.map((p) => p.id));
    for (const e of catalog.entries) {
      expect(e.group).toBe(PRESETS.find((p) => p.id === e.id)!.group);
      expect(e.name).toBe(loadPreset(e.id).name);
    }
    expect(Object.keys(presetDescriptions())).toEqual(PRESETS.map((p) => p.id));
  });

  test.each(PRESETS.map((p) => p.id))('%s: its source file gives its document', (id) => {
    const preset = PRESETS.find((p) => p.id === id)!;
    const { file, design } = preset.source;
    const raw = readJson(file);
    expect(design ? designDocument(raw, design) : raw).toEqual(preset.raw);
  });

  test('the default preset is the bundled file, valid and unchanged by validation', () => {
    expect(catalog.defaultId).toBe(DEFAULT_PRESET_ID);
    const entry = catalog.entries.find((e) => e.id === DEFAULT_PRESET_ID)!;
    // src/ui/presetLoader.ts imports this very file statically.
    expect(entry.source).toEqual({ file: 'presets/competing-consumers.json' });
    const raw = readJson(entry.source.file);
    const result = validateScenario(raw);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(raw);
  });
});
