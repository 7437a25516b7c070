/**
 * Transactions on the log (K12, K13): the last stable offset is the first offset of the oldest
 * open transaction (or the high watermark's end when none is open); read_committed readers stop
 * there.
 */
import type { PartitionState } from './state';

export function lastStableOffset(part: PartitionState): number {
  let lso = part.end;
  for (const k of Object.keys(part.openTxn)) lso = Math.min(lso, part.openTxn[k]!);
  return lso;
}
