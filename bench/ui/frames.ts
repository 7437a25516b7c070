/**
 * Frame times (requestAnimationFrame deltas), long tasks (PerformanceObserver 'longtask', > 50 ms)
 * and the JS heap, measured in the page over a stretch of wall time.
 */
import type { Page } from '@playwright/test';

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Frames shown late: intervals over 1.5 display periods (25 ms at 60 Hz), as a share. */
  lateShare: number;
  longTasks: number;
  longestTaskMs: number;
  heapMB: number;
}

const IN_PAGE = `async (duration) => {
  const deltas = [];
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + duration;
    const step = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  observer.disconnect();
  return { deltas: deltas.slice(1), tasks, heap: performance.memory ? performance.memory.usedJSHeapSize : 0 };
}`;

const LATE_MS = 25;

export async function measureFrames(page: Page, ms: number): Promise<FrameStats> {
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const raw = (await page.evaluate(`(${IN_PAGE})(${ms})`)) as {
    deltas: number[];
    tasks: number[];
    heap: number;
  };
  const sorted = [...raw.deltas].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    frames: sorted.length,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    maxMs: sorted.at(-1) ?? 0,
    lateShare: sorted.filter((d) => d > LATE_MS).length / Math.max(1, sorted.length),
    longTasks: raw.tasks.length,
    longestTaskMs: Math.max(0, ...raw.tasks),
    heapMB: raw.heap / 1e6,
  };
}
