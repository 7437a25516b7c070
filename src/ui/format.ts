/**
 * Number formats for panels. Counts are shown as exact integers (no "1.2k"): the e2e suite
 * compares them with a headless run, and a class can check them by hand.
 */
export const formatCount = (n: number): string => String(Math.round(n));

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export const formatRate = (perSec: number): string => `${perSec.toFixed(2)}/s`;

export const formatDecimal = (n: number, digits = 1): string => n.toFixed(digits);

export const formatSpeed = (speed: number): string => `${speed}×`;
