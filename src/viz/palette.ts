/**
 * Colours the canvas, the SVG topology's data marks and the D3 charts draw, keyed by theme: the
 * one place a theme's colours for drawing live (the page's own colours are CSS custom properties
 * in src/ui/styles/themes.css; the series colours are written onto the page from here, as
 * --series-N). Hues follow Okabe and Ito's colour-blind-safe set, darkened on light backgrounds
 * and lifted on the dark one so lines and marks keep at least 3:1 against the background; every
 * state also has a shape, a dash pattern or words, so colour is never the only cue.
 */
import type { Dash } from '../store/chartPoints';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

export interface Palette {
  /** Chart lines, queue swatches and consumer groups, in order. */
  series: readonly string[];
  /** Message dots by state (messageStyles.ts gives the shapes). */
  message: Readonly<Record<string, string>>;
  /** A message gone without an ack (fading out with its reason). */
  gone: string;
  /** The ring round the selected message. */
  selection: string;
  /** The outline behind words drawn on the canvas (the stage's background). */
  halo: string;
  /** Text on the charts (hover time). */
  ink: string;
  /** A priority queue's bands, low to high. */
  priorityLow: string;
  priorityHigh: string;
  /** Log records: without a key, delete marker, aborted write, control marker. */
  keyless: string;
  tombstone: string;
  aborted: string;
  control: string;
  /** Lightness of the per-key hues of log records (golden-angle hues). */
  keyLightness: number;
  /** A member whose group has no colour. */
  groupDefault: string;
}

const LIGHT: Palette = {
  series: ['#0072b2', '#c2410c', '#007a5a', '#a3509a', '#8a6a00', '#1f5f8b'],
  message: {
    new: '#0072b2',
    redelivered: '#c25400',
    retrying: '#a3509a',
    deadLettered: '#3f3f46',
    duplicate: '#b91c1c',
    ack: '#007a5a',
    nack: '#b91c1c',
    request: '#0f766e',
    reply: '#0f766e',
    replyFailed: '#b91c1c',
    undo: '#8a6a00',
  },
  gone: '#b91c1c',
  selection: '#d97706',
  halo: '#ffffff',
  ink: '#0f172a',
  priorityLow: '#fde047',
  priorityHigh: '#b91c1c',
  keyless: '#3b82f6',
  tombstone: '#1e293b',
  aborted: '#fda4af',
  control: '#cbd5e1',
  keyLightness: 50,
  groupDefault: '#64748b',
};

const DARK: Palette = {
  series: ['#56b4e9', '#f0a050', '#3fcf9f', '#e79ccf', '#f0e442', '#9ab8ff'],
  message: {
    new: '#56b4e9',
    redelivered: '#f0a050',
    retrying: '#e79ccf',
    deadLettered: '#cbd5e1',
    duplicate: '#ff7b7b',
    ack: '#3fcf9f',
    nack: '#ff7b7b',
    request: '#2dd4bf',
    reply: '#2dd4bf',
    replyFailed: '#ff7b7b',
    undo: '#f0e442',
  },
  gone: '#ff7b7b',
  selection: '#fbbf24',
  halo: '#111a2e',
  ink: '#e2e8f0',
  priorityLow: '#854d0e',
  priorityHigh: '#fca5a5',
  keyless: '#60a5fa',
  tombstone: '#e2e8f0',
  aborted: '#9f1239',
  control: '#475569',
  keyLightness: 62,
  groupDefault: '#94a3b8',
};

const CONTRAST: Palette = {
  series: ['#0033a0', '#a33a00', '#00603f', '#7a1f6e', '#5c4a00', '#000000'],
  message: {
    new: '#0033a0',
    redelivered: '#a33a00',
    retrying: '#7a1f6e',
    deadLettered: '#000000',
    duplicate: '#a00000',
    ack: '#00603f',
    nack: '#a00000',
    request: '#00524c',
    reply: '#00524c',
    replyFailed: '#a00000',
    undo: '#5c4a00',
  },
  gone: '#a00000',
  selection: '#d97706',
  halo: '#ffffff',
  ink: '#000000',
  priorityLow: '#facc15',
  priorityHigh: '#7f0000',
  keyless: '#0033a0',
  tombstone: '#000000',
  aborted: '#f472b6',
  control: '#9ca3af',
  keyLightness: 38,
  groupDefault: '#1f2937',
};

export const PALETTES: Readonly<Record<ThemeName, Palette>> = {
  light: LIGHT,
  dark: DARK,
  contrast: CONTRAST,
};

let active: ThemeName = 'light';

/** Set by the page's theme (src/ui/a11y/prefs.ts); renderers read it when they mount. */
export function setPaletteTheme(theme: ThemeName): void {
  active = theme;
}

export const paletteTheme = (): ThemeName => active;
export const palette = (): Palette => PALETTES[active];

/** The number of series colours (the same in every theme). */
export const SERIES_COUNT = LIGHT.series.length;
/** The light theme's series colours (kept for callers that only need their count). */
export const SERIES_COLORS = LIGHT.series;

export const seriesColor = (i: number): string => palette().series[i % SERIES_COUNT]!;

/** SVG stroke-dasharray per pattern, so lines differ without relying on colour. */
export const DASH_ARRAY: Readonly<Record<Dash, string>> = {
  solid: 'none',
  dashed: '10 6',
  dotted: '2 5',
};
