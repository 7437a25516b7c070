/**
 * A polite live region that tells screen-reader users what just went wrong or came back
 * ("payment is DOWN at 12.4 s. 3 messages dead-lettered."), at most once every few seconds
 * (ANNOUNCE_EVERY_MS): changes seen meanwhile are collected and said together. It reads the run
 * when the store publishes, never per frame, and renders nothing visible.
 */
import { useEffect, useRef } from 'react';
import { useSimStore } from '../SimStoreContext';
import { ANNOUNCE_EVERY_MS, describeChanges, joinAnnouncement, lookAt } from './liveSummary';

export function LiveSummary() {
  const store = useSimStore();
  const region = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let scenario = store.getState().scenario;
    let last = lookAt(scenario, store.frame().report);
    let pending: string[] = [];
    let lastSaidAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const say = () => {
      timer = null;
      if (pending.length === 0 || !region.current) return;
      region.current.textContent = joinAnnouncement(pending);
      pending = [];
      lastSaidAt = performance.now();
    };
    const unsubscribe = store.subscribe((s) => {
      const frame = store.frame();
      if (s.scenario !== scenario) {
        scenario = s.scenario;
        last = lookAt(scenario, frame.report);
        pending = [];
        return;
      }
      const now = lookAt(scenario, frame.report);
      pending.push(...describeChanges(last, now));
      last = now;
      if (pending.length === 0 || timer) return;
      const wait = Math.max(0, lastSaidAt + ANNOUNCE_EVERY_MS - performance.now());
      timer = setTimeout(say, wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);

  return (
    <p
      ref={region}
      className="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-summary"
    />
  );
}
