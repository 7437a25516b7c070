/**
 * What the page says about links: that one is opening, or why one was refused. Kept apart from
 * the simulation store, whose notices a loaded run clears; tiny, so it sits in the first chunk
 * with the components that show it while the link coding loads later.
 */
export interface LinkStatus {
  opening: boolean;
  /** Why the last link was refused (each "key: reason"), or null. */
  errors: readonly string[] | null;
  /** Refused when the page opened (the default scenario shows) or later (the run stayed). */
  when: 'start' | 'change';
}

let status: LinkStatus = { opening: false, errors: null, when: 'start' };
const listeners = new Set<() => void>();

export const getLinkStatus = (): LinkStatus => status;

export function setLinkStatus(patch: Partial<LinkStatus>): void {
  status = { ...status, ...patch };
  for (const listener of listeners) listener();
}

export function subscribeLinkStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
