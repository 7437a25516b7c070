/** The edges of a removed (or not yet added) consumer follow its state, and only on a change. */
import { describe, expect, it } from 'vitest';
import type { Edge } from './layout';
import { createScaledEdges } from './scaledEdges';

function edge(from: string, to: string): Edge {
  const p: [number, number] = [0, 0];
  return {
    key: `${from}\u2192${to}`,
    from,
    to,
    field: 'from',
    label: [],
    labelAt: p,
    source: p,
    c1: p,
    c2: p,
    target: p,
  };
}

/** An element that keeps its classes and counts the writes to them. */
function fakeElement() {
  const classes = new Set<string>();
  const el = {
    writes: 0,
    classes,
    classList: {
      toggle(name: string, on: boolean) {
        el.writes++;
        if (on) classes.add(name);
        else classes.delete(name);
        return on;
      },
    },
  };
  return el;
}

describe('edges of added and removed consumers', () => {
  const edges = [edge('tasks', 'worker-1'), edge('tasks', 'worker-2'), edge('worker-2', 'svc')];
  const setup = () => {
    const els = new Map(edges.map((e) => [e.key, fakeElement()]));
    const scaled = createScaledEdges(edges, (key) => [els.get(key) as unknown as Element]);
    const classesOf = (from: string, to: string) => [...els.get(`${from}\u2192${to}`)!.classes];
    return { els, scaled, classesOf };
  };

  it('greys the edges into and out of a removed consumer, and no other', () => {
    const { scaled, classesOf } = setup();
    for (const id of ['tasks', 'worker-1', 'svc']) scaled.update(id, null);
    scaled.update('worker-2', 'removed');
    expect(classesOf('tasks', 'worker-2')).toEqual(['is-removed']);
    expect(classesOf('worker-2', 'svc')).toEqual(['is-removed']);
    expect(classesOf('tasks', 'worker-1')).toEqual([]);
    // A seek back before the removal draws them live again.
    scaled.update('worker-2', null);
    expect(classesOf('tasks', 'worker-2')).toEqual([]);
    expect(classesOf('worker-2', 'svc')).toEqual([]);
  });

  it('makes the edges of a consumer not added yet faint', () => {
    const { scaled, classesOf } = setup();
    scaled.update('worker-2', 'absent');
    expect(classesOf('tasks', 'worker-2')).toEqual(['is-absent']);
  });

  it('keeps an edge greyed while either end is removed', () => {
    const { scaled, classesOf } = setup();
    scaled.update('worker-2', 'removed');
    // The other end updated later (every node is, every frame) does not undo it.
    scaled.update('svc', 'absent');
    scaled.update('svc', null);
    expect(classesOf('worker-2', 'svc')).toEqual(['is-removed']);
  });

  it('writes nothing while no state changes (it runs every frame)', () => {
    const { els, scaled } = setup();
    scaled.update('worker-2', 'removed');
    const writes = () => [...els.values()].reduce((n, el) => n + el.writes, 0);
    const before = writes();
    for (let i = 0; i < 10; i++) {
      scaled.update('worker-2', 'removed');
      scaled.update('tasks', null);
    }
    expect(writes()).toBe(before);
  });
});
