/**
 * The Export menu: a button that shows a list of buttons, each saving one file named after the
 * scenario and the tick (work-queue-t1200-metrics.csv). The code that writes the files loads on
 * first use (src/export, kept out of the initial chunk). Keyboard: the list opens with focus on
 * its first item, ↑/↓ move between items, Escape closes it and returns to the button. What
 * happens (building, saved, recording, an error) is said in a status line.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ChartKind } from '../store';
import { useSim, useSimStore } from './SimStoreContext';

type Actions = typeof import('../export/dom/actions');
const loadActions = (): Promise<Actions> => import('../export/dom/actions');

const CHARTS: [ChartKind, string][] = [
  ['depth', 'Queue depth chart'],
  ['throughput', 'Throughput chart'],
  ['inFlight', 'In-flight chart'],
  ['latency', 'Latency chart'],
];

const RECORD_SECONDS = 6;

/** A "Saved ..." line stays this long, then gives the page back its space. */
const SAVED_NOTE_MS = 8000;

interface Item {
  id: string;
  label: string;
  run(a: Actions): Promise<string> | string;
}

export function ExportMenu() {
  const store = useSimStore();
  const hasCharts = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'queue'));
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [recording, setRecording] = useState<{ stop(): void } | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!status.startsWith('Saved') || open) return;
    const t = setTimeout(() => setStatus(''), SAVED_NOTE_MS);
    return () => clearTimeout(t);
  }, [status, open]);

  const items: Item[] = [
    {
      id: 'trace',
      label: 'Trace (JSON)',
      run: (a) =>
        a.exportTrace(store, (f) => setStatus(`Building the trace: ${Math.floor(f * 100)}%…`)),
    },
    { id: 'metrics', label: 'Metrics per bucket (CSV)', run: (a) => a.exportMetrics(store) },
    { id: 'counters', label: 'Counters (CSV)', run: (a) => a.exportCounters(store) },
    { id: 'diagram-svg', label: 'Diagram (SVG)', run: (a) => a.exportDiagram(store, 'svg') },
    { id: 'diagram-png', label: 'Diagram (PNG)', run: (a) => a.exportDiagram(store, 'png') },
    ...(hasCharts ? CHARTS : []).flatMap(([kind, label]): Item[] => [
      {
        id: `chart-${kind}-svg`,
        label: `${label} (SVG)`,
        run: (a) => a.exportChart(store, kind, 'svg'),
      },
      {
        id: `chart-${kind}-png`,
        label: `${label} (PNG)`,
        run: (a) => a.exportChart(store, kind, 'png'),
      },
    ]),
  ];

  const fail = (e: unknown) =>
    setStatus(`Export failed: ${e instanceof Error ? e.message : String(e)}.`);

  const runItem = async (item: Item) => {
    setOpen(false);
    setBusy(true);
    setStatus('Preparing…');
    toggle.current?.focus();
    try {
      setStatus(await item.run(await loadActions()));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    setOpen(false);
    toggle.current?.focus();
    try {
      const a = await loadActions();
      const rec = a.recordView(store, RECORD_SECONDS, {
        onTick: (left) => setStatus(`Recording… ${left} s left`),
        onDone(message) {
          setRecording(null);
          setStatus(message);
        },
        onError(message) {
          setRecording(null);
          setStatus(`Recording failed: ${message}.`);
        },
      });
      setRecording(rec);
    } catch (e) {
      fail(e);
    }
  };

  const onListKey = (e: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    // Space and Enter press the item, never the page's play/pause shortcut.
    if (e.key === ' ' || e.key === 'Enter') e.stopPropagation();
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={toggle}
        type="button"
        className="btn"
        data-testid="export-toggle"
        aria-expanded={open}
        aria-controls="export-list"
        disabled={busy || recording !== null}
        onClick={() => {
          setOpen(!open);
          if (!open) requestAnimationFrame(() => list.current?.querySelector('button')?.focus());
        }}
      >
        Export
      </button>
      {open ? (
        <ul
          id="export-list"
          ref={list}
          className="export-list"
          aria-label="Export files"
          onKeyDown={onListKey}
        >
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                data-testid={`export-${item.id}`}
                onClick={() => void runItem(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
          <li>
            <button type="button" data-testid="export-recording" onClick={() => void record()}>
              Recording of the view, {RECORD_SECONDS} s (WebM)
            </button>
          </li>
        </ul>
      ) : null}
      {recording ? (
        <button
          type="button"
          className="btn btn--record"
          data-testid="export-stop"
          onClick={() => recording.stop()}
        >
          <span aria-hidden="true" className="rec-dot" />
          Stop recording
        </button>
      ) : null}
      <p className="export-status" role="status" data-testid="export-status">
        {status}
      </p>
    </div>
  );
}
