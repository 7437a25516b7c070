/**
 * Whether the page shows the compare view: on when the address has a `compare` key (a link, or
 * the Compare button, which writes one), off when it goes. The single run is paused while the
 * view is open, so only the pair animates. Small and eager; the view itself is a lazy chunk.
 */
import { useCallback, useEffect, useState } from 'react';
import { hasCompareKey, withPairLink } from '../../compare/compareLink';
import type { SimStore } from '../../store';

export interface CompareMode {
  on: boolean;
  /** The hash the view opened with (its pair), re-read when a new link is pasted. */
  hash: string;
  open(): void;
  close(): void;
}

export function useCompareMode(store: SimStore): CompareMode {
  const [hash, setHash] = useState(() => window.location.hash);
  const [on, setOn] = useState(() => hasCompareKey(window.location.hash));
  useEffect(() => {
    const onHash = () => {
      const next = window.location.hash;
      setOn(hasCompareKey(next));
      if (hasCompareKey(next)) setHash(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (on) store.getState().actions.pause();
  }, [on, store]);
  const open = useCallback(() => {
    setHash(window.location.hash);
    setOn(true);
  }, []);
  const close = useCallback(() => {
    const next = `#${withPairLink(window.location.hash, null)}`;
    window.history.replaceState(window.history.state, '', next);
    setOn(false);
  }, []);
  return { on, hash, open, close };
}
