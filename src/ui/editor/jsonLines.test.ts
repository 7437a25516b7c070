import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOfPath, scanJson } from './jsonLines';

const text = `{
  "name": "x",
  "nodes": [
    { "id": "a", "kind": "queue" },
    {
      "id": "b",
      "arrival": { "dist": "exponential", "meanMs": -5 }
    }
  ]
}`;

describe('scanJson maps paths to lines', () => {
  const scan = scanJson(text);
  if (!scan.ok) throw new Error('the sample is valid JSON');
  it('gives the line of a key, an element and a nested key', () => {
    expect(lineOfPath(scan, ['name'])).toBe(2);
    expect(lineOfPath(scan, ['nodes', 0])).toBe(4);
    expect(lineOfPath(scan, ['nodes', 0, 'kind'])).toBe(4);
    expect(lineOfPath(scan, ['nodes', 1])).toBe(5);
    expect(lineOfPath(scan, ['nodes', 1, 'arrival', 'meanMs'])).toBe(7);
  });
  it('falls back to the nearest ancestor for a key that is not written (a missing field)', () => {
    expect(lineOfPath(scan, ['nodes', 1, 'to'])).toBe(5);
    expect(lineOfPath(scan, ['seed'])).toBe(1);
  });
  it('agrees with JSON.parse on what is valid', () => {
    for (const t of [
      '1',
      '"s"',
      '[]',
      '{}',
      '[1,2,{"a":[null,true,false]}]',
      ' {"a\\u00e9": -1.5e3} ',
    ])
      expect(scanJson(t).ok).toBe(true);
  });
});

describe('scanJson finds the line and column of a syntax error', () => {
  const at = (t: string) => {
    const r = scanJson(t);
    if (r.ok) throw new Error(`expected ${t} to fail`);
    return r.error;
  };
  it('a missing comma', () => {
    const e = at('{\n  "a": 1\n  "b": 2\n}');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.reason).toMatch(/expected "," or "}"/);
  });
  it('a trailing comma, a single-quoted key, an unclosed string, text after the end', () => {
    expect(at('[1,\n]').line).toBe(2);
    expect(at("{'a': 1}")).toMatchObject({ line: 1, column: 2 });
    expect(at('{"a": "open\n}').reason).toMatch(/control character|not closed/);
    expect(at('{} x')).toMatchObject({ line: 1, column: 4 });
    expect(at('')).toMatchObject({ line: 1, column: 1 });
  });
  it('refuses deep nesting rather than exhausting the stack', () => {
    expect(at('['.repeat(100_000)).reason).toMatch(/nested more than/);
  });
  it('every text JSON.parse refuses, it refuses too', () => {
    for (const t of ['{', '[1 2]', 'tru', '01', '1.', '"\\x"', '{"a" 1}', 'nul', '-']) {
      expect(() => JSON.parse(t), t).toThrow();
      expect(scanJson(t).ok, t).toBe(false);
    }
  });
});

describe('scanJson and JSON.parse agree (property)', () => {
  const parses = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  it('on any JSON value, written compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, indent) => {
        const t = JSON.stringify(v, null, indent ? 2 : undefined);
        return scanJson(t).ok;
      }),
    );
  });
  it('on any text built from JSON’s own characters', () => {
    const chars = fc.constantFrom(...'{}[],:"\\ \n0123456789-+.eEtrufalsn'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (cs) => {
        const t = cs.join('');
        return scanJson(t).ok === parses(t);
      }),
    );
  });
});
