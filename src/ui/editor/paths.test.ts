import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine/validate';
import { fieldKeyFor, formatPath, parseProblem, placeProblems } from './paths';
import { nodeFormPaths } from './formPaths';

describe('parseProblem reads the validator’s "path: reason" lines', () => {
  it('splits a nested path from its reason', () => {
    expect(parseProblem('nodes[2].service.meanMs: must be a positive number, got -3')).toEqual({
      path: ['nodes', 2, 'service', 'meanMs'],
      reason: 'must be a positive number, got -3',
      text: 'nodes[2].service.meanMs: must be a positive number, got -3',
    });
  });
  it('reads quoted keys, which may hold ": " themselves', () => {
    const p = parseProblem('nodes[0]["odd: key"]: is not a known field');
    expect(p.path).toEqual(['nodes', 0, 'odd: key']);
    expect(p.reason).toBe('is not a known field');
  });
  it('puts document-level and unreadable lines at the top', () => {
    expect(parseProblem('(scenario): not valid JSON').path).toEqual([]);
    expect(parseProblem('something without a path').path).toEqual([]);
  });
  it('round-trips with formatPath, as the engine spells paths', () => {
    for (const s of ['nodes[3].bindings[0].queue', 'schedule[1].input.consumerId', 'name'])
      expect(formatPath(parseProblem(`${s}: x`).path)).toBe(s);
  });
  it('parses every line the real validator gives for a broken document', () => {
    const doc = {
      version: 1,
      name: 'x',
      durationMs: -1,
      nodes: [
        { id: 'p', kind: 'producer', to: 'nowhere', arrival: { dist: 'exponential', meanMs: -5 } },
        { id: 'q', kind: 'queue', prefetchCount: 2 },
      ],
    };
    const result = validateScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => formatPath(parseProblem(e).path));
    expect(paths).toEqual(
      expect.arrayContaining([
        'durationMs',
        'nodes[0].to',
        'nodes[0].arrival.meanMs',
        'nodes[1].prefetchCount',
      ]),
    );
  });
});

describe('a problem is shown at the deepest field that holds its path', () => {
  const fields = [
    ['nodes', 0, 'to'],
    ['nodes', 0, 'arrival'],
    ['nodes', 0, 'arrival', 'meanMs'],
  ];
  it('picks the longest prefix', () => {
    expect(fieldKeyFor(['nodes', 0, 'arrival', 'meanMs'], fields)).toBe('nodes[0].arrival.meanMs');
    expect(fieldKeyFor(['nodes', 0, 'arrival', 'sigma'], fields)).toBe('nodes[0].arrival');
    expect(fieldKeyFor(['nodes', 0, 'to'], fields)).toBe('nodes[0].to');
  });
  it('leaves the others to the node or the top (no field is a prefix)', () => {
    expect(fieldKeyFor(['nodes', 0, 'templates', 0, 'weight'], fields)).toBeNull();
    expect(fieldKeyFor(['nodes', 1, 'to'], fields)).toBeNull();
    expect(fieldKeyFor([], fields)).toBeNull();
  });
  it('places a node form’s problems: fields it shows, and the rest', () => {
    const doc = {
      nodes: [
        {
          id: 'x',
          kind: 'exchange',
          type: 'direct',
          bindings: [{ queue: 'a' }, { queue: 'gone', key: 'k' }],
        },
      ],
    };
    const problems = [
      parseProblem('nodes[0].bindings[1].queue: unknown node id "gone"'),
      parseProblem('nodes[0].bindings[0].key: a direct exchange binds with a key'),
      parseProblem('nodes[0].type: must be one of direct, fanout'),
      parseProblem('nodes[0].mystery: is not a known field'),
    ];
    const { at, rest } = placeProblems(problems, nodeFormPaths(doc, 0));
    expect([...at.keys()].sort()).toEqual([
      'nodes[0].bindings[0].key',
      'nodes[0].bindings[1].queue',
      'nodes[0].type',
    ]);
    expect(rest.map((p) => p.text)).toEqual(['nodes[0].mystery: is not a known field']);
  });
});
