/**
 * Message TTL (R19, R20). A copy expires when the clock passes its expiry time, but a queue only
 * looks at the head of each priority level: an expired copy behind a live one stays (and counts
 * in the depth) until it reaches the head. Nothing is ever delivered after it expired.
 */
import { deadLetterOrDiscard } from './deadLetter';
import { EV } from './eventKinds';
import { popLevelHead } from './queue';
import { ringPeek } from './ring';
import { msgAt, schedule, type Sink } from './sim';
import type { Msg, SimState } from './state';

export function isExpired(m: Msg, nowUs: number): boolean {
  return m.expiresUs >= 0 && nowUs > m.expiresUs;
}

/** Make sure a check runs just after the earliest expiry among the level heads. */
export function scheduleExpiry(st: SimState, qi: number): void {
  const q = st.queues[qi]!;
  let earliest = -1;
  for (const level of q.levels) {
    if (level.size === 0) continue;
    const e = msgAt(st, ringPeek(level)).expiresUs;
    if (e >= 0 && (earliest < 0 || e < earliest)) earliest = e;
  }
  if (earliest < 0) return;
  const at = Math.max(earliest + 1, st.nowUs);
  if (q.expiryAtUs >= 0 && q.expiryAtUs <= at) return;
  q.expiryAtUs = at;
  schedule(st, at, EV.ExpiryCheck, qi);
}

/** Expire every level head whose time has passed, then wait for the next one. */
export function expireHeads(st: SimState, qi: number, sink: Sink): void {
  const q = st.queues[qi]!;
  for (let p = q.levels.length - 1; p >= 0; p--) {
    const level = q.levels[p]!;
    while (level.size > 0 && isExpired(msgAt(st, ringPeek(level)), st.nowUs)) {
      deadLetterOrDiscard(st, popLevelHead(st, q, p), 'expired', sink);
    }
  }
}

export function onExpiryCheck(st: SimState, qi: number, sink: Sink): void {
  const q = st.queues[qi]!;
  if (q.expiryAtUs === st.nowUs) q.expiryAtUs = -1;
  if (!st.broker.up) return;
  expireHeads(st, qi, sink);
  scheduleExpiry(st, qi);
}
