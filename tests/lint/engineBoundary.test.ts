/**
 * The engine's purity is enforced by lint, not by review: this proves the rules fire. Each
 * snippet is linted as if it were a file in src/engine.
 */
import { describe, expect, test } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath = 'src/engine/queue.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint keeps src/engine deterministic and free of UI code', () => {
  test.each([
    ['Math.random', 'export const x = Math.random();', 'no-restricted-properties'],
    ['Date.now', 'export const x = Date.now();', 'no-restricted-properties'],
    ['new Date', 'export const x = new Date();', 'no-restricted-globals'],
    ['performance', 'export const x = performance.now();', 'no-restricted-globals'],
    ['setTimeout', 'setTimeout(() => 1, 5);', 'no-restricted-globals'],
    ['setInterval', 'setInterval(() => 1, 5);', 'no-restricted-globals'],
    ['requestAnimationFrame', 'requestAnimationFrame(() => 1);', 'no-restricted-globals'],
    ['document', 'export const x = document.title;', 'no-restricted-globals'],
    ['window', 'export const x = window.innerWidth;', 'no-restricted-globals'],
    ['Math.log', 'export const x = Math.log(2);', 'no-restricted-properties'],
    [
      'react',
      "import { useState } from 'react';\nexport const x = useState;",
      'no-restricted-imports',
    ],
    [
      'd3 module',
      "import { scaleLinear } from 'd3-scale';\nexport const x = scaleLinear;",
      'no-restricted-imports',
    ],
    [
      'zustand',
      "import { createStore } from 'zustand/vanilla';\nexport const x = createStore;",
      'no-restricted-imports',
    ],
    [
      'src/store',
      "import { createSimStore } from '../store';\nexport const x = createSimStore;",
      'no-restricted-imports',
    ],
    ['src/ui', "import { App } from '../ui/App';\nexport const x = App;", 'no-restricted-imports'],
    [
      'src/viz',
      "import { mountTopology } from '../viz/topology';\nexport const x = mountTopology;",
      'no-restricted-imports',
    ],
    [
      'for..in',
      'const o: Record<string, number> = {};\nfor (const k in o) void k;',
      'no-restricted-syntax',
    ],
  ])('%s is an error', async (_name, code, rule) => {
    expect(await ruleIds(code)).toContain(rule);
  });

  test('the same code outside the engine is allowed', async () => {
    expect(
      await ruleIds('export const x = Math.random() + Date.now();', 'src/ui/format.ts'),
    ).toEqual([]);
  });

  test('plain engine code passes', async () => {
    expect(await ruleIds('export const twice = (n: number): number => n * 2;')).toEqual([]);
  });
});
