/**
 * The one control bar of the compare view: the page's own controls, seed field and time readout
 * (playback.ts) on the pair, so they act on both runs at once; with their own names and test ids.
 */
import type { ComparePair } from '../../compare/comparePair';
import { Controls, type ControlNames } from '../Controls';
import { SeedField } from '../SeedField';
import { TimeReadout, type ReadoutNames } from '../TimeReadout';

const CONTROLS: ControlNames = {
  group: 'Playback of both runs',
  play: 'pair-play',
  back: 'pair-step-back',
  step: 'pair-step',
  speed: 'pair-speed',
  reset: 'pair-reset',
};

const READOUT: ReadoutNames = {
  label: 'Simulated time of both runs',
  tick: 'pair-tick',
  time: 'pair-time',
};

export function PairControls({ pair }: { pair: ComparePair }) {
  return (
    <div className="playbar compare-playbar">
      <Controls playback={pair} names={CONTROLS} />
      <SeedField playback={pair} label="Seed (both)" testId="pair-seed" />
      <TimeReadout playback={pair} names={READOUT} />
    </div>
  );
}
