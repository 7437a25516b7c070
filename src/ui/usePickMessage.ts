/**
 * Selecting a message by its id from a list of examples (a ledger's duplicated or lost ones):
 * selected when the event log still holds it, else `missing` says which one is too old.
 */
import { useState } from 'react';
import { useSim, useSimStore } from './SimStoreContext';

export function usePickMessage(): { pick(originId: number): void; missing: number | null } {
  const store = useSimStore();
  const select = useSim((s) => s.actions.selectMessage);
  const [missing, setMissing] = useState<number | null>(null);
  const pick = (originId: number) => {
    const seen = store.eventLog().some((e) => (e as { originId?: number }).originId === originId);
    setMissing(seen ? null : originId);
    if (seen) select({ msgId: null, originId });
  };
  return { pick, missing };
}
