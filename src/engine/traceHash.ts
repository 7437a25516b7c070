/**
 * A trace hash: 64 bits (two independent FNV-1a lanes) over the canonical JSON of every event.
 * Two runs with equal hashes produced the same events in the same order, bit for bit.
 */
import type { EventSink, SimEvent } from './events';

export interface TraceHasher extends EventSink {
  count: number;
  hex(): string;
}

export function createTraceHasher(): TraceHasher {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const hasher: TraceHasher = {
    count: 0,
    push(e: SimEvent) {
      const text = JSON.stringify(e);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      h1 = Math.imul(h1 ^ 0x0a, 0x01000193);
      hasher.count++;
    },
    hex() {
      return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
    },
  };
  return hasher;
}
