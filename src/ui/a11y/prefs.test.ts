import { describe, expect, it } from 'vitest';
import { parsePrefs, resolvePrefs } from './prefs';

describe('display preferences', () => {
  it('reads what was saved, and falls back field by field on anything else', () => {
    expect(parsePrefs(null)).toEqual({
      theme: 'system',
      motion: 'system',
      largeText: false,
      tableView: false,
    });
    expect(parsePrefs('{"theme":"dark","largeText":true}')).toMatchObject({
      theme: 'dark',
      largeText: true,
      motion: 'system',
    });
    expect(parsePrefs('{"theme":"neon","motion":3,"largeText":"yes"}')).toMatchObject({
      theme: 'system',
      motion: 'system',
      largeText: false,
    });
    expect(parsePrefs('{not json')).toMatchObject({ theme: 'system' });
    expect(parsePrefs('{"__proto__":{"theme":"dark"}}')).toMatchObject({ theme: 'system' });
  });

  it('follows the system unless a choice was made', () => {
    const sys = parsePrefs(null);
    expect(resolvePrefs(sys, true, false)).toMatchObject({ theme: 'dark', reducedMotion: false });
    expect(resolvePrefs(sys, false, true)).toMatchObject({ theme: 'light', reducedMotion: true });
    const chosen = { ...sys, theme: 'contrast' as const, motion: 'full' as const };
    expect(resolvePrefs(chosen, true, true)).toMatchObject({
      theme: 'contrast',
      reducedMotion: false,
    });
  });
});
