/**
 * The link decoder against round trips and every kind of hostile link the sharing issue names
 * (issue 7): bad JSON, wrong types, `__proto__` keys, an oversized hash, a zip bomb, markup in
 * names, broken percent-encoding, plus version, unknown keys, truncation and invalid inputs.
 */
import { describe, expect, it, vi } from 'vitest';
import { createSim, type Scenario, type TimedInput } from '../engine';
import { validateScenario, validateTimeline } from '../engine/validate';
import { loadPreset, PRESETS } from '../scenarios';
import { toBase64Url } from './base64url';
import { decodeLink, type DecodedLink } from './decodeLink';
import { deflate } from './deflate';
import { encodeLink } from './encodeLink';
import { isRunLink, LINK_LIMITS } from './linkFormat';
import { mergeHash } from './parseHash';
import type { LinkDeps, SharedRun } from './sharedRun';

function makeDeps(): LinkDeps {
  return {
    presetIds: PRESETS.map((p) => p.id),
    loadPreset: (id) => Promise.resolve(loadPreset(id)),
    validateScenario: vi.fn(validateScenario),
    validateTimeline,
    runShape(scenario, seed) {
      const sim = createSim(scenario, seed === undefined ? {} : { seed });
      return { seed: sim.seed, endTick: sim.endTick };
    },
  };
}

const crash: TimedInput = { tick: 400, input: { type: 'consumerCrashed', consumerId: 'worker-b' } };
const base = (): Scenario => loadPreset('competing-consumers');

function errorsOf(result: DecodedLink): string[] {
  expect(result.kind, JSON.stringify(result)).toBe('refused');
  return result.kind === 'refused' ? result.errors : [];
}

/** Raw text deflated and in base64url, as a hostile link would carry it. */
const packText = async (text: string) => toBase64Url(await deflate(new TextEncoder().encode(text)));

describe('round trip', () => {
  it('an unchanged preset gives a short link that opens the same run', async () => {
    const run: SharedRun = {
      scenario: base(),
      presetId: 'competing-consumers',
      seed: 7,
      timeline: [crash],
      tick: 1234,
    };
    const hash = await encodeLink(run);
    expect(hash).toMatch(/^v=1&preset=competing-consumers&seed=7&inputs=[\w-]+&t=1234$/);
    const decoded = await decodeLink(`#${hash}`, makeDeps());
    expect(decoded).toEqual({ kind: 'run', run });
  });

  it('an edited scenario travels whole, compressed', async () => {
    const scenario = { ...base(), name: 'Edited', durationMs: 5000 };
    const run: SharedRun = { scenario, presetId: null, seed: 3, timeline: [], tick: 0 };
    const hash = await encodeLink(run);
    expect(hash).toMatch(/^v=1&scenario=[\w-]+&seed=3&t=0$/);
    expect(hash.length).toBeLessThan(JSON.stringify(scenario).length);
    expect(await decodeLink(hash, makeDeps())).toEqual({ kind: 'run', run });
  });

  it('markup in a name and a description comes back as the same text (shown as text only)', async () => {
    const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const scenario = { ...base(), name, description: `<b>${name}</b>` };
    const run: SharedRun = { scenario, presetId: null, seed: 1, timeline: [], tick: 5 };
    const decoded = await decodeLink(await encodeLink(run), makeDeps());
    expect(decoded.kind === 'run' && decoded.run.scenario.name).toBe(name);
  });

  it('without v, seed and t (a link typed by hand) the preset opens at its own seed, tick 0', async () => {
    const decoded = await decodeLink('#preset=mm1', makeDeps());
    expect(decoded).toEqual({
      kind: 'run',
      run: {
        scenario: loadPreset('mm1'),
        presetId: 'mm1',
        seed: createSim(loadPreset('mm1')).seed,
        timeline: [],
        tick: 0,
      },
    });
  });
});

describe('keys of other features', () => {
  it('are ignored by the decoder', async () => {
    const decoded = await decodeLink(
      '#lesson=intro&step=2&preset=mm1&seed=4&future=%7B',
      makeDeps(),
    );
    expect(decoded.kind === 'run' && decoded.run.seed).toBe(4);
  });

  it('alone are not a link to a run', async () => {
    expect(await decodeLink('#lesson=intro&step=2', makeDeps())).toEqual({ kind: 'none' });
    expect(await decodeLink('', makeDeps())).toEqual({ kind: 'none' });
    expect(isRunLink('#lesson=intro&step=2')).toBe(false);
    expect(isRunLink('#step=2&preset=mm1')).toBe(true);
  });

  it('are kept, in place, when the run rewrites its keys', () => {
    expect(mergeHash('#lesson=intro&v=1&preset=mm1&step=2&t=9', 'v=1&preset=md1&t=0')).toBe(
      'lesson=intro&step=2&v=1&preset=md1&t=0',
    );
    expect(mergeHash('', 'v=1&preset=md1')).toBe('v=1&preset=md1');
  });
});

describe('refused links name the key and what was expected', () => {
  it('another format version', async () => {
    expect(errorsOf(await decodeLink('#v=2&preset=mm1', makeDeps()))).toEqual([
      'v: this link is in format "2"; this page reads format 1',
    ]);
  });

  it('wrong types in the small keys', async () => {
    const errors = errorsOf(await decodeLink('#preset=nope&seed=-1&t=1e3', makeDeps()));
    expect(errors).toEqual([
      'preset: there is no preset "nope"',
      'seed: expected a whole number from 0 to 4294967295, got "-1"',
      't: expected a tick, a whole number from 0, got "1e3"',
    ]);
    expect(errorsOf(await decodeLink('#seed=1', makeDeps()))[0]).toMatch(
      /^preset or scenario: missing/,
    );
    expect(errorsOf(await decodeLink('#preset=mm1&scenario=x', makeDeps()))[0]).toMatch(
      /^preset, scenario: a link gives one of them, not both/,
    );
    expect(errorsOf(await decodeLink('#preset=mm1&seed=1&seed=2', makeDeps()))).toEqual([
      'seed: appears more than once; a link gives each key once',
    ]);
  });

  it('a tick past the end of the run', async () => {
    const end = createSim(loadPreset('mm1')).endTick;
    expect(errorsOf(await decodeLink(`#preset=mm1&t=${end + 1}`, makeDeps()))).toEqual([
      `t: expected a tick from 0 to ${end} (this run's end), got ${end + 1}`,
    ]);
  });

  it('bad JSON', async () => {
    const errors = errorsOf(
      await decodeLink(`#scenario=${await packText('{"version":1,')}`, makeDeps()),
    );
    expect(errors[0]).toMatch(/^scenario: is not valid JSON/);
  });

  it('wrong types in the scenario, through the scenario validator', async () => {
    const bad = { ...base(), name: 42, durationMs: 'long' };
    const errors = errorsOf(
      await decodeLink(`#scenario=${await packText(JSON.stringify(bad))}`, makeDeps()),
    );
    expect(errors.some((e) => e.startsWith('scenario: name:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('scenario: durationMs:'))).toBe(true);
  });

  it('__proto__ keys, at the top or nested, before any validator sees them', async () => {
    const deps = makeDeps();
    const top = JSON.stringify(base()).replace('{', '{"__proto__":{"polluted":true},');
    expect(errorsOf(await decodeLink(`#scenario=${await packText(top)}`, deps))).toEqual([
      'scenario: has a "__proto__" key, which is not allowed',
    ]);
    const nested = JSON.stringify([
      { tick: 1, input: { type: 'producerPaused', producerId: 'p', __proto__: null } },
    ])
      // JSON.stringify drops __proto__ set by a literal; write the key into the text itself.
      .replace('"producerId"', '"__proto__":{"isAdmin":true},"producerId"');
    expect(
      errorsOf(await decodeLink(`#preset=mm1&inputs=${await packText(nested)}`, deps)),
    ).toEqual(['inputs: has a "__proto__" key (at [0].input), which is not allowed']);
    expect(deps.validateScenario).not.toHaveBeenCalled();
    // A `__proto__` key in the hash itself lands in a Map and is ignored.
    expect((await decodeLink('#__proto__=x&preset=mm1', deps)).kind).toBe('run');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a 1.5 MB hash, refused by its length before anything is decoded', async () => {
    const deps = makeDeps();
    const inflate = vi.spyOn(globalThis, 'DecompressionStream');
    const hash = `#v=1&scenario=${'A'.repeat(1_500_000)}`;
    expect(errorsOf(await decodeLink(hash, deps))).toEqual([
      `link: is ${hash.length - 1} characters long; a link may hold at most ${LINK_LIMITS.hashChars}`,
    ]);
    expect(inflate).not.toHaveBeenCalled();
    inflate.mockRestore();
  });

  it('a zip bomb: a small link that expands past the cap stops there', async () => {
    const bomb = await packText(`"${' '.repeat(4 * 1024 * 1024)}"`);
    expect(bomb.length).toBeLessThan(LINK_LIMITS.hashChars);
    expect(errorsOf(await decodeLink(`#scenario=${bomb}`, makeDeps()))).toEqual([
      'scenario: expands past 512 KB when decompressed; a link may carry at most that',
    ]);
    expect(errorsOf(await decodeLink(`#preset=mm1&inputs=${bomb}`, makeDeps()))).toEqual([
      'inputs: expands past 1024 KB when decompressed; a link may carry at most that',
    ]);
  });

  it('a truncated link', async () => {
    const full = await encodeLink({
      scenario: base(),
      presetId: null,
      seed: 1,
      timeline: [],
      tick: 0,
    });
    const cut = full.slice(0, full.indexOf('&seed') - 40);
    expect(errorsOf(await decodeLink(cut, makeDeps()))).toEqual([
      'scenario: is damaged or cut short (it does not decompress); copy the whole link again',
    ]);
  });

  it('text that is not base64url, or not UTF-8', async () => {
    expect(errorsOf(await decodeLink('#scenario=ab$c', makeDeps()))).toEqual([
      'scenario: is not base64url text (letters, digits, - and _ only)',
    ]);
    const latin1 = toBase64Url(await deflate(new Uint8Array([0x22, 0xff, 0xfe, 0x22])));
    expect(errorsOf(await decodeLink(`#scenario=${latin1}`, makeDeps()))).toEqual([
      'scenario: does not decompress to text (invalid UTF-8)',
    ]);
  });

  it('broken percent-encoding, in a value or a key', async () => {
    expect(errorsOf(await decodeLink('#preset=mm1&seed=%E0%A4%A', makeDeps()))).toEqual([
      'seed: has broken percent-encoding (a % must start a valid escape such as %20)',
    ]);
    expect(errorsOf(await decodeLink('#preset=mm1&%zz=1', makeDeps()))[0]).toMatch(
      /^link: the key "%zz" has broken percent-encoding/,
    );
  });

  it('nesting deeper than any scenario', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(errorsOf(await decodeLink(`#scenario=${await packText(deep)}`, makeDeps()))[0]).toMatch(
      /^scenario: is nested more than 32 levels deep/,
    );
  });

  it('an input the page would refuse, with the same message', async () => {
    const inputs = [{ tick: 3, input: { type: 'consumerCrashed', consumerId: 'ghost' } }];
    const errors = errorsOf(
      await decodeLink(
        `#preset=competing-consumers&inputs=${await packText(JSON.stringify(inputs))}`,
        makeDeps(),
      ),
    );
    expect(errors).toEqual(['inputs[0].input.consumerId: unknown node id "ghost"']);
    const many = Array.from({ length: LINK_LIMITS.inputs + 1 }, () => crash);
    expect(
      errorsOf(
        await decodeLink(
          `#preset=competing-consumers&inputs=${await packText(JSON.stringify(many))}`,
          makeDeps(),
        ),
      ),
    ).toEqual([
      `inputs: must hold at most ${LINK_LIMITS.inputs} entries, got ${LINK_LIMITS.inputs + 1}`,
    ]);
  });
});
