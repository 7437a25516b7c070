import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';
import { parseDurationFlag } from './args';

describe('parseDuration', () => {
  it.each([
    ['90000', 90_000],
    ['1.5', 1.5],
    ['500ms', 500],
    ['60s', 60_000],
    ['1.5s', 1500],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['2s500ms', 2500],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    '',
    '0',
    '0s',
    'abc',
    '5x',
    '-5s',
    '5 s',
    '1e3',
    's',
    '1h30',
    '1s1s',
    'Infinity',
    '60S',
    '.5s',
  ])('%j is refused with the accepted forms in the message', (text) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(JSON.stringify(text));
      expect(result.error).toContain('60s');
    }
  });

  it('refuses durations beyond the engine limit, naming the limit', () => {
    const result = parseDurationFlag('8d');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/exceeds the engine's limit of 7d \(604800000 ms\)/);
    expect(parseDurationFlag('7d')).toEqual({ ok: true, ms: 604_800_000 });
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [1.5, '1.5ms'],
    [90_000, '1m 30s'],
    [3_600_000, '1h'],
    [604_800_000, '7d'],
    [1500, '1.5s'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
