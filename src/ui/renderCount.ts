/**
 * Render counting for the e2e suite: each panel counts its renders here, and the debug hook
 * exposes the counts, so a test can check that React does not re-render per animation frame.
 * Counting is a plain increment during render (works in production builds, unlike <Profiler>).
 */
const counts: Record<string, number> = {};

export function useRenderCount(name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}

export const renderCounts = (): Record<string, number> => ({ ...counts });

export function resetRenderCounts(): void {
  for (const key of Object.keys(counts)) counts[key] = 0;
}
