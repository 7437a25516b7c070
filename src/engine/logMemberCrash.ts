/**
 * A group member crashing and restarting. While crashed it stays in the group until its session
 * times out (its partitions are consumed by nobody meanwhile); then the group rebalances and the
 * partitions resume from the committed offsets, so the commit policy decides what is lost
 * (committed before processing) or processed again (committed after) (K5, K7).
 */
import { EV } from './eventKinds';
import { joinGroup } from './logGroup';
import { abortTxn } from './logTxn';
import { schedule, type Sink } from './sim';
import { CrashPoint, type SimState } from './state';

export function crashMember(st: SimState, mi: number, window: string, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (!m.up) return;
  m.up = false;
  m.crashWindow = CrashPoint.None;
  // Its open transaction is aborted: nothing it wrote in it will be seen by read_committed (K12).
  abortTxn(st, mi);
  m.batchAt = -1;
  m.batchPart.length = 0;
  m.batchOff.length = 0;
  m.idle = false;
  m.position = m.position.map(() => -1);
  m.token = st.log.nextToken++;
  if (m.joined) schedule(st, st.nowUs + m.sessionUs, EV.SessionExpired, mi, m.token);
  if (sink)
    sink.push({
      type: 'consumerCrashed',
      atUs: st.nowUs,
      consumer: st.nodeIds[m.node]!,
      requeued: 0,
      lost: 0,
      window,
    });
  if (m.crashRestartUs > 0) {
    st.restarts.push({ type: 'consumerRestarted', consumerId: st.nodeIds[m.node]! });
    schedule(st, st.nowUs + m.crashRestartUs, EV.DeferredInput, st.restarts.length - 1);
    m.crashRestartUs = 0;
  }
}

export function restartMember(st: SimState, mi: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  // A removed member is gone for good: a restart armed by an earlier crash does nothing.
  if (m.up || m.removed) return;
  m.up = true;
  m.token = st.log.nextToken++;
  if (sink) sink.push({ type: 'consumerRestarted', atUs: st.nowUs, consumer: st.nodeIds[m.node]! });
  // A new instance joins under a new member id: the old membership ends with it.
  m.joined = false;
  joinGroup(st, mi, sink);
}
