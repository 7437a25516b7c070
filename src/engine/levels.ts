/**
 * Levels the charts follow that change in many places: a consumer group's lag, a service's busy
 * workers, and the orders waiting for an answer. Rather than a hook at every place that moves
 * them, they are read at the end of every tick in which something ran (advance.ts) and set on
 * their gauge series. Nothing changes between events, so a level read at the end of a tick holds
 * until the next busy tick: the series' time-weighted means are exact at tick resolution, and
 * the same however a run is cut into advances. Reading state only, they add no event and draw
 * no random number, so the trace is unchanged.
 */
import { seriesSetLevel } from './series';
import type { SimState } from './state';
import type { GroupState } from './stateLog';

/** Log end minus committed offset (or log start, if later), summed over partitions (K17). */
export function groupLag(st: SimState, g: GroupState): number {
  const parts = st.log.topics[g.topic]!.parts;
  let lag = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const committed = g.committed[p] ?? -1;
    lag += part.end - (committed > part.start ? committed : part.start);
  }
  return lag;
}

export function sampleLevels(st: SimState): void {
  const now = st.nowUs;
  for (const g of st.log.groups) seriesSetLevel(g.stats.lagSeries, now, groupLag(st, g));
  if (st.services.length === 0) return;
  for (const sv of st.services) {
    // Its workers, and its consuming side's: a consumer's, or a group member's record in hand.
    let busy = sv.busy + (sv.consumer >= 0 ? st.consumers[sv.consumer]!.busy : 0);
    if (sv.member >= 0 && st.log.members[sv.member]!.batchAt >= 0) busy++;
    seriesSetLevel(sv.stats.busySeries, now, busy);
  }
  const f = st.flow.stats;
  seriesSetLevel(st.flow.series.open, now, f.orders - f.accepted - f.rejected - f.failed);
}
