/** A run as a URL hash (without the `#`): the inverse of decodeLink. */
import { LINK_KEYS as K, LINK_VERSION } from './linkFormat';
import { packJson } from './payload';
import type { SharedRun } from './sharedRun';

export async function encodeLink(run: SharedRun): Promise<string> {
  const pairs: string[] = [`${K.version}=${LINK_VERSION}`];
  if (run.presetId !== null) pairs.push(`${K.preset}=${encodeURIComponent(run.presetId)}`);
  else pairs.push(`${K.scenario}=${await packJson(run.scenario)}`);
  pairs.push(`${K.seed}=${run.seed >>> 0}`);
  if (run.timeline.length > 0) pairs.push(`${K.inputs}=${await packJson(run.timeline)}`);
  pairs.push(`${K.tick}=${Math.max(0, Math.floor(run.tick))}`);
  return pairs.join('&');
}
