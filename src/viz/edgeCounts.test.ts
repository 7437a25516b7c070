import { describe, expect, it } from 'vitest';
import type { Flight } from '../store/flights';
import { countByEdge } from './edgeCounts';
import type { Edge } from './layout';

const edge = (from: string, to: string) => ({ key: `${from}>${to}`, from, to }) as Edge;

describe('messages on each link', () => {
  it('counts the messages moving now on each edge, either way along it', () => {
    const pq = edge('p', 'q');
    const qc = edge('q', 'c');
    const edges = [pq, qc];
    const layout = {
      edgeBetween: (from: string, to: string) => edges.find((e) => e.from === from && e.to === to),
    };
    const f = (from: string, to: string, departUs: number, arriveUs: number) =>
      ({ from, to, departUs, arriveUs }) as Flight;
    const counts = countByEdge(
      [
        f('p', 'q', 0, 100),
        f('p', 'q', 40, 140),
        f('p', 'q', 60, 160), // not left yet
        f('q', 'c', 0, 50), // arrived
        f('c', 'q', 10, 90), // an ack going back along q → c
        f('x', 'y', 0, 100), // no such edge
      ],
      50,
      layout,
    );
    expect(counts.get(pq)).toBe(2);
    expect(counts.get(qc)).toBe(1);
    expect(counts.size).toBe(2);
  });
});
