/**
 * The page's side of links (loaded after the first paint): open the link the page was loaded
 * with, open a link pasted into the address bar later (hashchange), keep the address bar on the
 * run as it changes, and make the link the copy button copies.
 *
 * The address bar is rewritten with history.replaceState (never a history entry), at most every
 * ADDRESS_DELAY_MS, and only when something a link carries has changed: the scenario, the seed,
 * the inputs, or the tick while paused (a pause, a step, a seek). While playing the tick changes
 * ten times a second and the bar keeps the last stopped tick.
 */
import { createSim, type Scenario } from '../engine';
import { loadValidators, type SimStore, type SimView, type Validators } from '../store';
import { loadPresetById, PRESET_CATALOG } from '../ui/presetLoader';
import { decodeLink, type DecodedLink } from './decodeLink';
import { encodeLink } from './encodeLink';
import { setLinkStatus } from './linkStatus';
import { mergeHash } from './parseHash';
import type { LinkDeps, SharedRun } from './sharedRun';

export const ADDRESS_DELAY_MS = 300;

export function linkDeps(v: Validators): LinkDeps {
  return {
    presetIds: PRESET_CATALOG.map((p) => p.id),
    loadPreset: loadPresetById,
    validateScenario: v.validateScenario,
    validateTimeline: v.validateTimeline,
    runShape(scenario, seed) {
      const sim = createSim(scenario, seed === undefined ? {} : { seed });
      return { seed: sim.seed, endTick: sim.endTick };
    },
  };
}

/** JSON with keys sorted, so two equal scenarios give the same text whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const presetIds = new WeakMap<Scenario, string | null>();

/** The preset this scenario is, unchanged (a short link names it), or null. */
async function presetIdOf(scenario: Scenario): Promise<string | null> {
  const known = presetIds.get(scenario);
  if (known !== undefined) return known;
  const entry = PRESET_CATALOG.find((p) => p.name === scenario.name);
  let id: string | null = null;
  if (entry) {
    const preset = await loadPresetById(entry.id).catch(() => null);
    if (preset && canonical(preset) === canonical(scenario)) id = entry.id;
  }
  presetIds.set(scenario, id);
  return id;
}

/** The run as a link carries it, read at once (before any await, so it is this moment's). */
function snapshotRun(store: SimStore): Omit<SharedRun, 'presetId'> {
  const s = store.getState();
  const sim = store.sim();
  return {
    scenario: s.scenario,
    seed: sim.seed,
    timeline: store.timeline(),
    tick: s.computing?.targetTick ?? sim.tick,
  };
}

async function ownHash(store: SimStore): Promise<string> {
  const run = snapshotRun(store);
  return encodeLink({ ...run, presetId: await presetIdOf(run.scenario) });
}

/** The address of this run at this tick (other features' hash keys kept). */
export async function linkUrl(store: SimStore): Promise<string> {
  const own = await ownHash(store);
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${mergeHash(window.location.hash, own)}`;
}

/** Whether a change of the published view changes what the link says. */
function linkChanged(s: SimView, prev: SimView): boolean {
  if (s.scenario !== prev.scenario || s.seed !== prev.seed || s.timeline !== prev.timeline)
    return true;
  const stopped = !s.playing && s.computing === null;
  const wasStopped = !prev.playing && prev.computing === null;
  return stopped && (!wasStopped || s.tick !== prev.tick);
}

export function startSharing(store: SimStore, opensLink: boolean): () => void {
  let opening = 0;
  let latestOpen = 0;
  let writing = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const writeAddress = async () => {
    timer = null;
    if (getOpening()) return;
    const request = ++writing;
    const own = await ownHash(store);
    if (request !== writing || getOpening()) return;
    const next = `#${mergeHash(window.location.hash, own)}`;
    if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
  };
  const getOpening = () => opening > 0;

  const unsubscribe = store.subscribe((s, prev) => {
    if (timer === null && !getOpening() && linkChanged(s, prev))
      timer = setTimeout(() => void writeAddress(), ADDRESS_DELAY_MS);
  });

  const open = async (hash: string, when: 'start' | 'change') => {
    opening++;
    const request = ++latestOpen;
    setLinkStatus({ opening: true });
    let result: DecodedLink;
    try {
      result = await decodeLink(hash, linkDeps(await loadValidators()));
    } catch (e) {
      result = {
        kind: 'refused',
        errors: [`link: could not be read (${e instanceof Error ? e.message : String(e)})`],
      };
    }
    opening--;
    // A link opened after this one wins, whichever finishes decoding first.
    if (request !== latestOpen) return setLinkStatus({ opening: getOpening() });
    if (result.kind === 'none') return setLinkStatus({ opening: getOpening() });
    if (result.kind === 'refused') {
      setLinkStatus({ opening: getOpening(), errors: result.errors, when });
      return;
    }
    const { run } = result;
    if (run.presetId !== null) presetIds.set(run.scenario, run.presetId);
    writing++; // an address write still encoding is for the run this link replaces
    const { actions } = store.getState();
    actions.loadScenario(run.scenario, { seed: run.seed }, run.timeline);
    actions.seek(run.tick);
    setLinkStatus({ opening: getOpening(), errors: null });
  };

  const onHashChange = () => void open(window.location.hash, 'change');
  window.addEventListener('hashchange', onHashChange);
  if (opensLink) void open(window.location.hash, 'start');
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
