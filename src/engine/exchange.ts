/**
 * Routing through exchanges (R1-R6): direct (exact key), fanout (every binding), topic
 * (patterns) and headers (x-match). A queue gets one copy however many of its bindings match
 * (R3). When nothing matches, the alternate exchange is tried (R6), following its chain once.
 */
import { headersMatch } from './headersMatch';
import type { SimState } from './state';
import { topicMatches } from './topicMatch';

export interface Route {
  /** Queue indices, each once, in binding order. */
  queues: number[];
  /** Exchanges that routed it, first the one published to, then alternates. */
  via: number[];
}

function matchOne(
  st: SimState,
  xi: number,
  key: string,
  headers: Record<string, string | number> | null,
): number[] {
  const x = st.exchanges[xi]!;
  const out: number[] = [];
  for (const b of x.bindings) {
    let hit = false;
    switch (x.type) {
      case 'fanout':
        hit = true;
        break;
      case 'direct':
        hit = b.key === key;
        break;
      case 'topic':
        hit = topicMatches(b.key, key);
        break;
      case 'headers':
        hit = b.headers !== null && headersMatch(b.headers, headers, b.match);
        break;
    }
    if (hit && !out.includes(b.queue)) out.push(b.queue);
  }
  return out;
}

/** Route a message published to exchange `xi`. An empty `queues` means unroutable. */
export function routeExchange(
  st: SimState,
  xi: number,
  key: string,
  headers: Record<string, string | number> | null,
): Route {
  const via: number[] = [];
  let current = xi;
  while (current >= 0 && !via.includes(current)) {
    via.push(current);
    const queues = matchOne(st, current, key, headers);
    if (queues.length > 0) return { queues, via };
    current = st.exchanges[current]!.alternate;
  }
  return { queues: [], via };
}
