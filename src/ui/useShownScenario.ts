/**
 * The scenario as the page draws and inspects it: the run's scenario plus a node for every
 * consumer its inputs add (src/viz/addedConsumers.ts). Changes only when those inputs do.
 */
import { useMemo } from 'react';
import type { Scenario } from '../engine';
import { addedConsumers, withAddedConsumers } from '../viz/addedConsumers';
import { useSim } from './SimStoreContext';

export function useShownScenario(): Scenario {
  const scenario = useSim((s) => s.scenario);
  // As a string, so the selector's value is stable while the additions stay the same.
  const added = useSim((s) => JSON.stringify(addedConsumers(s.scenario, s.timeline)));
  return useMemo(
    () => withAddedConsumers(scenario, JSON.parse(added) as [string, string][]),
    [scenario, added],
  );
}
