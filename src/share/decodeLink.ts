/**
 * A URL hash to a run, or every reason it cannot be one. Pure apart from what `deps` does (the
 * presets and the validators, passed in): it reads nothing global and changes nothing, so the
 * unit tests give it hostile hashes directly. Keys of other features are ignored.
 *
 * Order of checks, cheapest first: the hash's length (before any decoding), its pairs and their
 * percent-encoding, the version, the small keys (seed, t), then the compressed scenario and
 * inputs, each inflated under its own cap, parsed as JSON without `__proto__`, and validated with
 * the same validators as a scenario file and the page's inputs.
 */
import { LINK_KEYS, LINK_LIMITS, LINK_VERSION } from './linkFormat';
import { parseHash } from './parseHash';
import { unpackJson } from './payload';
import type { LinkDeps, SharedRun } from './sharedRun';

export type DecodedLink =
  { kind: 'none' } | { kind: 'run'; run: SharedRun } | { kind: 'refused'; errors: string[] };

const K = LINK_KEYS;
const SEED_MAX = 4294967295;
const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A whole number written plainly (no sign, exponent or leading zeros), up to `max`. */
function wholeNumber(text: string, max: number): number | null {
  if (!/^(0|[1-9]\d{0,15})$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

export async function decodeLink(hash: string, deps: LinkDeps): Promise<DecodedLink> {
  const parsed = parseHash(hash);
  if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
  const own = new Map<string, string>();
  for (const { key, value } of parsed.pairs) own.set(key, value);
  const ours = Object.values(K).filter((k) => own.has(k));
  if (ours.length === 0) return { kind: 'none' };

  const errors: string[] = [];
  const version = own.get(K.version);
  // `v` may be left out by hand (`#preset=mm1`): it then means this version.
  if (version !== undefined && version !== String(LINK_VERSION))
    errors.push(
      `${K.version}: this link is in format ${show(version)}; this page reads format ${LINK_VERSION}`,
    );
  const presetId = own.get(K.preset);
  const scenarioText = own.get(K.scenario);
  if (presetId !== undefined && scenarioText !== undefined)
    errors.push(`${K.preset}, ${K.scenario}: a link gives one of them, not both`);
  if (presetId === undefined && scenarioText === undefined)
    errors.push(`${K.preset} or ${K.scenario}: missing; a link names the scenario it runs`);
  if (presetId !== undefined && !deps.presetIds.includes(presetId))
    errors.push(`${K.preset}: there is no preset ${show(presetId)}`);
  const seedText = own.get(K.seed);
  const seed = seedText === undefined ? undefined : wholeNumber(seedText, SEED_MAX);
  if (seed === null)
    errors.push(`${K.seed}: expected a whole number from 0 to ${SEED_MAX}, got ${show(seedText!)}`);
  const tickText = own.get(K.tick);
  const tick = tickText === undefined ? 0 : wholeNumber(tickText, Number.MAX_SAFE_INTEGER);
  if (tick === null)
    errors.push(`${K.tick}: expected a tick, a whole number from 0, got ${show(tickText!)}`);
  if (errors.length > 0) return { kind: 'refused', errors };

  let scenario;
  if (presetId !== undefined) {
    try {
      scenario = await deps.loadPreset(presetId);
    } catch (e) {
      return {
        kind: 'refused',
        errors: [
          `${K.preset}: could not load ${show(presetId)} (${e instanceof Error ? e.message : String(e)})`,
        ],
      };
    }
  } else {
    const raw = await unpackJson(K.scenario, scenarioText!, LINK_LIMITS.scenarioBytes);
    if (!raw.ok) return { kind: 'refused', errors: [raw.error] };
    const checked = deps.validateScenario(raw.value);
    if (!checked.ok)
      return { kind: 'refused', errors: checked.errors.map((e) => `${K.scenario}: ${e}`) };
    scenario = checked.value;
  }

  let timeline: SharedRun['timeline'] = [];
  const inputsText = own.get(K.inputs);
  if (inputsText !== undefined) {
    const raw = await unpackJson(K.inputs, inputsText, LINK_LIMITS.inputsBytes);
    if (!raw.ok) return { kind: 'refused', errors: [raw.error] };
    const checked = deps.validateTimeline(raw.value, scenario, LINK_LIMITS.inputs);
    // The timeline validator names entries `inputs[i]...`, which is already the link's key.
    if (!checked.ok) return { kind: 'refused', errors: checked.errors };
    timeline = checked.value;
  }

  const shape = deps.runShape(scenario, seed ?? undefined);
  if (tick! > shape.endTick)
    return {
      kind: 'refused',
      errors: [
        `${K.tick}: expected a tick from 0 to ${shape.endTick} (this run's end), got ${tick}`,
      ],
    };
  return {
    kind: 'run',
    run: { scenario, presetId: presetId ?? null, seed: shape.seed, timeline, tick: tick! },
  };
}
