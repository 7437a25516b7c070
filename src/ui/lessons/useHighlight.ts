/**
 * Nodes a step highlights get a class on their group in the topology (`is-highlighted`: a thick
 * amber ring, CSS). The topology is rebuilt when the scenario changes, so the marks are put back
 * whenever the stage's content changes (a MutationObserver on the stage's node list).
 */
import { useEffect } from 'react';

const CLASS = 'is-highlighted';

/** `stages` changes when a stage is added or removed (a second design shown). */
export function useHighlight(ids: readonly string[], stages: unknown): void {
  const key = ids.join('\n');
  useEffect(() => {
    const wanted = new Set(key === '' ? [] : key.split('\n'));
    const apply = () => {
      for (const el of document.querySelectorAll<SVGGElement>('[data-testid="stage"] .node')) {
        const on = wanted.has(el.dataset.nodeId ?? '');
        if (el.classList.contains(CLASS) !== on) el.classList.toggle(CLASS, on);
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    // A stage's layers get a new SVG when its scenario changes: watch them. A stage mounted
    // after this effect (a second design) comes with a change of `stages`.
    const frame = requestAnimationFrame(() => {
      apply();
      for (const layer of document.querySelectorAll('[data-testid="stage"] .topology-layer'))
        observer.observe(layer, { childList: true });
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      for (const el of document.querySelectorAll(`.${CLASS}`)) el.classList.remove(CLASS);
    };
  }, [key, stages]);
}
