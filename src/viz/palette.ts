/**
 * Colours and line patterns shared by the charts and their legends. The swatch classes in
 * src/ui/styles/panels.css mirror SERIES_COLORS: keep them in sync.
 */
import type { Dash } from '../store/chartPoints';

export const SERIES_COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2'];

export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;

/** SVG stroke-dasharray per pattern, so lines differ without relying on colour. */
export const DASH_ARRAY: Readonly<Record<Dash, string>> = {
  solid: 'none',
  dashed: '10 6',
  dotted: '2 5',
};

/** Colours of a priority queue's bands: low priority pale yellow to high priority deep red. */
export const PRIORITY_LOW = '#fde047';
export const PRIORITY_HIGH = '#b91c1c';
