/**
 * Number formats for panels. Counts are shown as exact integers (no "1.2k"): the e2e suite
 * compares them with a headless run, and a class can check them by hand.
 */
export const formatCount = (n: number): string => String(Math.round(n));

/**
 * A count with thousands separators, for prose ("showing 2,000 of 5,012"). By hand, because
 * toLocaleString is slow enough to show up in a per-frame profile.
 */
export const formatThousands = (n: number): string =>
  String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export const formatRate = (perSec: number): string => `${perSec.toFixed(2)}/s`;

export const formatDecimal = (n: number, digits = 1): string => n.toFixed(digits);

export const formatSpeed = (speed: number): string =>
  Number.isFinite(speed) ? `${speed}×` : 'Fastest';

/** Milliseconds with a precision that suits their size. */
export const formatMs = (ms: number): string =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;

/** camelCase field names as words: "throughputPerSec" → "throughput per sec". */
export const humanize = (key: string): string =>
  key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
