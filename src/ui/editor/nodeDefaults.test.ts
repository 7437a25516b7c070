import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine/validate';
import { defaultNode, EDITOR_KINDS, freeId, linksTo } from './nodeDefaults';
import { addNode, removeNode, renameNode, switchDist } from './nodeOps';

const base = () => ({
  version: 1,
  name: 'Base',
  durationMs: 10_000,
  nodes: [
    { id: 'orders', kind: 'producer', to: 'jobs', arrival: { dist: 'exponential', meanMs: 100 } },
    { id: 'jobs', kind: 'queue', deadLetterTo: 'dead' },
    { id: 'dead', kind: 'queue' },
    { id: 'worker', kind: 'consumer', from: 'jobs', service: { dist: 'constant', ms: 50 } },
  ],
  schedule: [{ atMs: 100, input: { type: 'consumerCrashed', consumerId: 'worker' } }],
});

describe('free ids', () => {
  it('takes the kind, then the first free numbered one', () => {
    expect(freeId([], 'queue')).toBe('queue');
    expect(freeId([{ id: 'queue' }, { id: 'queue-2' }, { id: 'queue-4' }], 'queue')).toBe(
      'queue-3',
    );
  });
});

describe('default nodes', () => {
  it('every kind added to a valid scenario keeps it valid', () => {
    for (const kind of EDITOR_KINDS) {
      if (kind === 'topic') continue; // a topic without producers or groups is valid too; below
      const { doc } = addNode(base(), kind);
      const result = validateScenario(doc);
      expect(result.ok ? [] : result.errors, kind).toEqual([]);
    }
  });
  it('a topic, and a producer and consumer linked to it, are valid', () => {
    let doc: unknown = { ...base(), nodes: [] as unknown[], schedule: undefined };
    doc = addNode(doc, 'topic').doc;
    doc = addNode(doc, 'producer').doc;
    doc = addNode(doc, 'consumer').doc;
    const result = validateScenario(doc);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
  it('link to an existing node of the right kind, with a free id', () => {
    const nodes = base().nodes;
    expect(defaultNode('producer', nodes)).toMatchObject({ id: 'producer', to: 'jobs' });
    expect(defaultNode('consumer', nodes)).toMatchObject({ id: 'consumer', from: 'jobs' });
    expect(defaultNode('queue', nodes).id).toBe('queue');
    expect(defaultNode('queue', [...nodes, { id: 'queue' }]).id).toBe('queue-2');
  });
  it('with nothing to link to, the link is left empty and the validator asks for it', () => {
    const doc = addNode({ version: 1, name: 'x', durationMs: 1000, nodes: [] }, 'producer').doc;
    const result = validateScenario(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.startsWith('nodes[0].to'))).toBe(true);
  });
});

describe('links to a node', () => {
  it('lists what would dangle, wherever it is (not the node itself)', () => {
    expect(linksTo(base(), 'jobs').map((p) => p.join('.'))).toEqual(['nodes.0.to', 'nodes.3.from']);
    expect(linksTo(base(), 'worker').map((p) => p.join('.'))).toEqual([
      'schedule.0.input.consumerId',
    ]);
    expect(linksTo(base(), 'orders')).toEqual([]);
  });
  it('removing a node the validator then refuses exactly at those links', () => {
    const doc = base();
    const dangling = linksTo(doc, 'jobs');
    const result = validateScenario(removeNode(doc, 1));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const unknown = result.errors.filter((e) => e.includes('unknown node id "jobs"'));
    // Paths after the removal: the consumer moved from index 3 to 2.
    expect(unknown.map((e) => e.split(':')[0])).toEqual(['nodes[0].to', 'nodes[2].from']);
    expect(dangling).toHaveLength(2);
  });
  it('renaming a node carries its links along, unless the new id is taken', () => {
    const renamed = renameNode(base(), 1, 'tasks');
    expect(linksTo(renamed, 'tasks')).toHaveLength(2);
    expect(linksTo(renamed, 'jobs')).toEqual([]);
    expect(validateScenario(renamed).ok).toBe(true);
    const clash = renameNode(base(), 1, 'dead');
    expect(linksTo(clash, 'jobs')).toHaveLength(2); // left as they were; duplicate id reported
    expect(validateScenario(clash).ok).toBe(false);
  });
});

describe('switching a distribution keeps its mean', () => {
  it('from exponential to the others', () => {
    const old = { dist: 'exponential', meanMs: 40 };
    expect(switchDist(old, 'constant')).toEqual({ dist: 'constant', ms: 40 });
    expect(switchDist(old, 'uniform')).toEqual({ dist: 'uniform', minMs: 0, maxMs: 80 });
    expect(switchDist({ dist: 'uniform', minMs: 10, maxMs: 30 }, 'lognormal')).toEqual({
      dist: 'lognormal',
      meanMs: 20,
      sigma: 1,
    });
  });
});
