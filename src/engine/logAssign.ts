/**
 * Partition assignment within a consumer group (K4, K5): every partition to exactly one member.
 * Range: members in id order take consecutive runs, the first ones one extra. Cooperative
 * sticky: a partition stays with its owner while that owner is in the group and not over its
 * fair share; the rest go to the members with the fewest.
 */

export function assignRange(
  partitions: number,
  members: readonly number[],
  idOf: (m: number) => string,
): number[] {
  const owner = new Array<number>(partitions).fill(-1);
  if (members.length === 0) return owner;
  const sorted = [...members].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  const per = Math.floor(partitions / sorted.length);
  const extra = partitions % sorted.length;
  let p = 0;
  sorted.forEach((m, i) => {
    const n = per + (i < extra ? 1 : 0);
    for (let k = 0; k < n; k++) owner[p++] = m;
  });
  return owner;
}

export function assignSticky(
  current: readonly number[],
  members: readonly number[],
  idOf: (m: number) => string,
): number[] {
  const partitions = current.length;
  const owner = new Array<number>(partitions).fill(-1);
  if (members.length === 0) return owner;
  // Fair shares: every member gets `base`, `extra` of them one more.
  const base = Math.floor(partitions / members.length);
  let extra = partitions % members.length;
  const count = new Map<number, number>(members.map((m) => [m, 0]));
  const room = (m: number) => count.get(m)! < base || (count.get(m)! === base && extra > 0);
  const take = (p: number, m: number) => {
    if (count.get(m)! === base) extra--;
    owner[p] = m;
    count.set(m, count.get(m)! + 1);
  };
  // Keep what owners still in the group already have, up to a fair share: first the base share
  // of each, then the extra ones.
  current.forEach((m, p) => {
    if (count.has(m) && count.get(m)! < base) take(p, m);
  });
  current.forEach((m, p) => {
    if (owner[p] === -1 && count.has(m) && room(m)) take(p, m);
  });
  const order = [...members].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  for (let p = 0; p < partitions; p++) {
    if (owner[p] !== -1) continue;
    let best = -1;
    for (const m of order) if (room(m) && (best < 0 || count.get(m)! < count.get(best)!)) best = m;
    take(p, best);
  }
  return owner;
}
