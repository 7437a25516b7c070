/** A service's consuming side applied its effect for a message: record it, pass the order on. */
import { orderEffect } from './orders';
import { publishOrigin } from './publisher';
import type { Sink } from './sim';
import type { SimState } from './state';

export function serviceConsumed(st: SimState, si: number, origin: number, sink: Sink): void {
  const s = st.services[si]!;
  orderEffect(st, si, origin, sink);
  if (s.publisher >= 0) publishOrigin(st, s.publisher, origin, sink);
}
