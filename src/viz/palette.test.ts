/**
 * The drawing palette: every theme colours every message state, and its lines and marks stand
 * out from the stage's background (WCAG 1.4.11 asks 3:1 for graphics). The CSS themes and the
 * palette name the same themes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_STYLES, styleOf } from './messageStyles';
import { PALETTES, SERIES_COUNT, seriesColor, setPaletteTheme, THEMES } from './palette';

const luminance = (hex: string) => {
  const c = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('palette', () => {
  it('colours every message state in every theme, with at least 3:1 against the stage', () => {
    for (const theme of THEMES) {
      const p = PALETTES[theme];
      for (const state of Object.keys(MESSAGE_STYLES)) {
        const color = p.message[state];
        expect(color, `${theme} ${state}`).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrast(color!, p.halo), `${theme} ${state} ${color}`).toBeGreaterThanOrEqual(3);
      }
      expect(p.series).toHaveLength(SERIES_COUNT);
      for (const c of p.series)
        expect(contrast(c, p.halo), `${theme} series ${c}`).toBeGreaterThanOrEqual(3);
      expect(contrast(p.ink, p.halo)).toBeGreaterThanOrEqual(7);
    }
  });

  it('gives the theme in force to the renderers (styles and series colours)', () => {
    setPaletteTheme('dark');
    expect(styleOf('new').color).toBe(PALETTES.dark.message.new);
    expect(styleOf('new').shape).toBe('circle');
    expect(seriesColor(SERIES_COUNT + 1)).toBe(PALETTES.dark.series[1]);
    setPaletteTheme('light');
    expect(styleOf('new').color).toBe(PALETTES.light.message.new);
  });

  it('has a CSS theme for every palette theme other than the default', () => {
    const css = readFileSync(new URL('../ui/styles/themes.css', import.meta.url), 'utf8');
    for (const theme of THEMES.filter((t) => t !== 'light'))
      expect(css).toContain(`:root[data-theme='${theme}']`);
  });
});
