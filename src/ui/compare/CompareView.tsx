/**
 * The compare view (issue 7): two runs side by side on one clock with one seed, one control bar
 * and timeline, a menu of ready-made pairs, and the live table. Loaded lazily (its own chunk):
 * the page opens it from the header's Compare button or a `#compare=<left>~<right>` link.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  parsePairLink,
  sideText,
  withPairLink,
  type PairLink,
  type Side,
} from '../../compare/compareLink';
import { createComparePair, type ComparePair } from '../../compare/comparePair';
import { quickPairs } from '../../compare/quickPairs';
import { PANES, type Pane } from '../../compare/tableRows';
import type { Scenario } from '../../engine';
import { PRESET_CATALOG } from '../presetLoader';
import { Timeline, type TimelineNames } from '../Timeline';
import type { ShortcutTarget } from '../useKeyboardShortcuts';
import { ComparePane } from './ComparePane';
import { CompareTable } from './CompareTable';
import { PairControls } from './PairControls';
import { resolveSide } from './resolveSide';
import { SidePicker } from './SidePicker';

const QUICK = quickPairs(PRESET_CATALOG);
const DEFAULT: PairLink = {
  left: { kind: 'preset', id: 'compare-blocking-sync', variant: null },
  right: { kind: 'preset', id: 'compare-blocking-async', variant: null },
  seed: null,
};
const LABELS: Record<Pane, string> = { left: 'Left run', right: 'Right run' };
const TIMELINE: TimelineNames = {
  section: 'Timeline of both runs',
  slider: 'Simulated time of both runs',
  testId: 'pair-timeline',
};

export interface CompareViewProps {
  /** The address's hash when the view opened (its compare keys, if any, choose the pair). */
  hash: string;
  /** The edited scenario, when the editor has one. */
  edited(): Scenario | null;
  /** Where the page's keyboard shortcuts should go while the view is open. */
  onKeys(target: ShortcutTarget | null): void;
}

function initialPair(hash: string): { pair: PairLink; errors: string[] } {
  const parsed = parsePairLink(
    hash,
    PRESET_CATALOG.map((p) => p.id),
  );
  if (parsed === null) return { pair: DEFAULT, errors: [] };
  if (!parsed.ok) return { pair: DEFAULT, errors: parsed.errors };
  return { pair: parsed.pair, errors: [] };
}

function writeAddress(link: PairLink) {
  const next = `#${withPairLink(window.location.hash, link)}`;
  if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
}

function QuickPairMenu({ onPick }: { onPick(left: Side, right: Side): void }) {
  return (
    <label className="speed">
      <span className="speed-label">Ready-made pairs</span>
      <select
        className="select"
        data-testid="quick-pairs"
        value=""
        onChange={(e) => {
          const q = QUICK.find((p) => p.id === e.target.value);
          if (q) onPick(q.left, q.right);
        }}
      >
        <option value="">Choose a pair…</option>
        {QUICK.map((q) => (
          <option key={q.id} value={q.id}>
            {q.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Loaded({
  pair,
  sides,
  hasEdited,
  onSide,
  onPick,
}: {
  pair: ComparePair;
  sides: Record<Pane, Side>;
  hasEdited: boolean;
  onSide(pane: Pane, side: Side): void;
  onPick(left: Side, right: Side): void;
}) {
  const leftName = useStore(pair.stores.left, (s) => s.scenario.name);
  const rightName = useStore(pair.stores.right, (s) => s.scenario.name);
  const differ = useStore(pair.view, (s) => s.tickMsDiffer);
  const seed = useStore(pair.view, (s) => s.seed);
  const names = { left: leftName, right: rightName };
  // The address bar follows the pair (a link reopens it), other features' keys kept.
  useEffect(() => writeAddress({ left: sides.left, right: sides.right, seed }), [sides, seed]);
  return (
    <>
      <div className="compare-bar">
        <PairControls pair={pair} />
        <QuickPairMenu onPick={onPick} />
      </div>
      <Timeline playback={pair} names={TIMELINE} />
      {differ ? (
        <p className="notice notice--info" role="status">
          The two runs have ticks of different lengths, so the same tick is not the same simulated
          time on both sides.
        </p>
      ) : null}
      <CompareTable pair={pair} names={names} />
      <div className="compare-panes">
        {PANES.map((p) => (
          <ComparePane key={p} pane={p} store={pair.stores[p]} title={`${LABELS[p]}: ${names[p]}`}>
            <SidePicker
              label={LABELS[p]}
              side={sides[p]}
              hasEdited={hasEdited}
              onChange={(side) => onSide(p, side)}
            />
          </ComparePane>
        ))}
      </div>
    </>
  );
}

export function CompareView({ hash, edited, onKeys }: CompareViewProps) {
  const start = useMemo(() => initialPair(hash), [hash]);
  const [sides, setSides] = useState<Record<Pane, Side>>({
    left: start.pair.left,
    right: start.pair.right,
  });
  const [pair, setPair] = useState<ComparePair | null>(null);
  const [errors, setErrors] = useState<string[]>(start.errors);
  const latest = useRef(0);
  const pairRef = useRef<ComparePair | null>(null);

  // The pair is made once both sides have loaded; it lives as long as the view.
  useEffect(() => {
    let live = true;
    // A side that cannot load (no edited scenario yet, a fetch failed) falls back to the
    // default pair's side, and the message says so: the view always opens.
    const problems: string[] = [];
    const load = async (pane: Pane) => {
      try {
        return { side: start.pair[pane], scenario: await resolveSide(start.pair[pane], edited) };
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        problems.push(`${LABELS[pane]}: ${why}; showing ${sideText(DEFAULT[pane])} instead`);
        return { side: DEFAULT[pane], scenario: await resolveSide(DEFAULT[pane], edited) };
      }
    };
    Promise.all([load('left'), load('right')]).then(
      ([left, right]) => {
        if (!live) return;
        const seed = start.pair.seed ?? left.scenario.seed ?? 1;
        const made = createComparePair({ left: left.scenario, right: right.scenario }, { seed });
        pairRef.current = made;
        setPair(made);
        setSides({ left: left.side, right: right.side });
        if (problems.length > 0) setErrors((e) => [...e, ...problems]);
      },
      (e: unknown) =>
        live && setErrors([`Could not load a side: ${e instanceof Error ? e.message : String(e)}`]),
    );
    return () => {
      live = false;
      pairRef.current?.destroy();
      pairRef.current = null;
    };
  }, [start, edited]);

  useEffect(() => {
    if (!pair) return;
    onKeys({
      getState: () => {
        const { playing, speed } = pair.view.getState();
        return { playing, speed, actions: pair.actions };
      },
    });
    return () => onKeys(null);
  }, [pair, onKeys]);

  const change = (next: Partial<Record<Pane, Side>>) => {
    if (!pair) return;
    const request = ++latest.current;
    const panes = PANES.filter((p) => next[p] !== undefined);
    Promise.all(panes.map((p) => resolveSide(next[p]!, edited))).then(
      (scenarios) => {
        if (request !== latest.current) return;
        panes.forEach((p, i) => pair.setSide(p, scenarios[i]!));
        setSides((s) => ({ ...s, ...next }));
        setErrors([]);
      },
      (e: unknown) => {
        if (request !== latest.current) return;
        setErrors([
          `Could not load ${panes.map((p) => sideText(next[p]!)).join(' and ')}: ${e instanceof Error ? e.message : String(e)}`,
        ]);
      },
    );
  };

  return (
    <main className="compare" data-testid="compare-view" aria-busy={pair === null}>
      <h2 className="visually-hidden">Compare two runs</h2>
      {errors.length > 0 ? (
        <div className="notice notice--error" role="alert" data-testid="compare-error">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
      {pair ? (
        <Loaded
          pair={pair}
          sides={sides}
          hasEdited={edited() !== null}
          onSide={(p, side) => change({ [p]: side })}
          onPick={(left, right) => change({ left, right })}
        />
      ) : (
        <p className="muted">Loading both runs…</p>
      )}
    </main>
  );
}
