/**
 * Presets: scenarios as data, shared by the app, the CLI, the tests and the e2e specs. Each is
 * validated by the engine's schema when loaded, so a broken preset fails loudly in the tests.
 */
import { validateScenario, type Scenario } from '../engine';
import competingConsumers from './presets/competing-consumers.json' with { type: 'json' };
import twoPaymentWorkers from './presets/two-payment-workers.json' with { type: 'json' };
import mm1 from './presets/mm1.json' with { type: 'json' };
import mmc from './presets/mmc.json' with { type: 'json' };
import md1 from './presets/md1.json' with { type: 'json' };
import burstyTraffic from './presets/bursty-traffic.json' with { type: 'json' };
import consumerCrash from './presets/consumer-crash.json' with { type: 'json' };

export interface Preset {
  id: string;
  /** The raw scenario document, exactly as a user could write it. */
  raw: unknown;
}

export const PRESETS: readonly Preset[] = [
  { id: 'competing-consumers', raw: competingConsumers },
  { id: 'two-payment-workers', raw: twoPaymentWorkers },
  { id: 'consumer-crash', raw: consumerCrash },
  { id: 'bursty-traffic', raw: burstyTraffic },
  { id: 'mm1', raw: mm1 },
  { id: 'mmc', raw: mmc },
  { id: 'md1', raw: md1 },
];

export const DEFAULT_PRESET_ID = 'competing-consumers';

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

/** The validated scenario of a preset; throws if the id is unknown or the preset is invalid. */
export function loadPreset(id: string): Scenario {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset)
    throw new Error(`unknown preset ${JSON.stringify(id)}; known: ${presetIds().join(', ')}`);
  const result = validateScenario(preset.raw);
  if (!result.ok) throw new Error(`preset ${id} is invalid:\n${result.errors.join('\n')}`);
  return result.value;
}

/** One-line description of a preset, for pickers and `sim --list`. */
export function presetDescription(id: string): string {
  return loadPreset(id).description ?? '';
}
