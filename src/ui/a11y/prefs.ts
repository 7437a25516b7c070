/**
 * The viewer's display preferences: theme, large text, motion and the table view. Chosen in the
 * theme menu, remembered in localStorage, and by default taken from the system
 * (prefers-color-scheme, prefers-reduced-motion). They are written onto <html> as data
 * attributes (the CSS themes key on them) and into the drawing palette (src/viz/palette.ts).
 * A store of its own: they belong to the page, not to a simulation, so two runs side by side
 * share them.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { SERIES_COUNT, PALETTES, setPaletteTheme, type ThemeName } from '../../viz/palette';

export type ThemeChoice = 'system' | ThemeName;
export type MotionChoice = 'system' | 'reduced' | 'full';

export interface Prefs {
  theme: ThemeChoice;
  largeText: boolean;
  motion: MotionChoice;
  tableView: boolean;
}

/** What the page shows once "system" is resolved. */
export interface ResolvedPrefs {
  theme: ThemeName;
  largeText: boolean;
  reducedMotion: boolean;
  tableView: boolean;
}

interface PrefsState {
  prefs: Prefs;
  resolved: ResolvedPrefs;
  shortcutsOpen: boolean;
}

const STORAGE_KEY = 'mqsim.display';
const DEFAULTS: Prefs = { theme: 'system', largeText: false, motion: 'system', tableView: false };

const media = (q: string): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(q)
    : null;
const darkQuery = media('(prefers-color-scheme: dark)');
const reducedQuery = media('(prefers-reduced-motion: reduce)');

/** Read what was saved; anything unexpected falls back to the default, field by field. */
export function parsePrefs(text: string | null): Prefs {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const theme = ['system', 'light', 'dark', 'contrast'].includes(o.theme as string)
    ? (o.theme as ThemeChoice)
    : DEFAULTS.theme;
  const motion = ['system', 'reduced', 'full'].includes(o.motion as string)
    ? (o.motion as MotionChoice)
    : DEFAULTS.motion;
  return {
    theme,
    motion,
    largeText: o.largeText === true,
    tableView: o.tableView === true,
  };
}

export function resolvePrefs(p: Prefs, systemDark: boolean, systemReduced: boolean): ResolvedPrefs {
  return {
    theme: p.theme === 'system' ? (systemDark ? 'dark' : 'light') : p.theme,
    largeText: p.largeText,
    reducedMotion: p.motion === 'system' ? systemReduced : p.motion === 'reduced',
    tableView: p.tableView,
  };
}

function load(): Prefs {
  try {
    return parsePrefs(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULTS; // storage blocked: defaults, not an error
  }
}

const resolveNow = (p: Prefs) =>
  resolvePrefs(p, darkQuery?.matches ?? false, reducedQuery?.matches ?? false);

export const prefsStore = createStore<PrefsState>(() => {
  const prefs = typeof window === 'undefined' ? DEFAULTS : load();
  return { prefs, resolved: resolveNow(prefs), shortcutsOpen: false };
});

function apply(r: ResolvedPrefs): void {
  setPaletteTheme(r.theme);
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = r.theme;
  root.dataset.text = r.largeText ? 'large' : 'normal';
  root.dataset.motion = r.reducedMotion ? 'reduced' : 'full';
  const series = PALETTES[r.theme].series;
  for (let i = 0; i < SERIES_COUNT; i++) root.style.setProperty(`--series-${i}`, series[i]!);
}

export function setPrefs(change: Partial<Prefs>): void {
  const prefs = { ...prefsStore.getState().prefs, ...change };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // storage full or blocked: the choice holds for this visit
  }
  prefsStore.setState({ prefs, resolved: resolveNow(prefs) });
}

export const setShortcutsOpen = (open: boolean): void =>
  prefsStore.setState({ shortcutsOpen: open });

let installed = false;
/** Apply the preferences now (before the first paint) and follow them and the system's. */
export function installPrefs(): void {
  if (installed) return;
  installed = true;
  apply(prefsStore.getState().resolved);
  prefsStore.subscribe((s, prev) => {
    if (s.resolved !== prev.resolved) apply(s.resolved);
  });
  const follow = () => prefsStore.setState((s) => ({ resolved: resolveNow(s.prefs) }));
  darkQuery?.addEventListener('change', follow);
  reducedQuery?.addEventListener('change', follow);
}

export const usePrefs = <T>(select: (p: Prefs) => T): T =>
  useStore(prefsStore, (s) => select(s.prefs));
export const useResolvedPrefs = <T>(select: (p: ResolvedPrefs) => T): T =>
  useStore(prefsStore, (s) => select(s.resolved));
export const useShortcutsOpen = (): boolean => useStore(prefsStore, (s) => s.shortcutsOpen);
