/**
 * A topic drawn as its partitions (issue 6): one row per partition with
 *
 * - its name (`P0`), a pause mark when paused, and its replicas as pips when it has several
 *   (dark: the leader, grey: in sync, hollow: out of sync, red: on a broker that is down);
 * - its log as a bar on one offset scale for the whole topic (0 at the left, the largest log
 *   end at the right): deleted records (retention) leave the track empty, kept ones are cells
 *   coloured by key (blue without a key, dark for a delete marker, pink for aborted writes),
 *   pale past the high watermark (not yet on every in-sync replica, so nobody reads them);
 * - the high watermark as a black line, each group's committed offset as a triangle under the
 *   bar and the position of the member reading it as a tick over it, in the group's colour;
 * - the lag of each group (log end − committed offset) on the right, in the group's colour;
 * - OFFLINE in red over the bar when no replica can lead, and a row for a partition that an
 *   input adds later, empty until then.
 *
 * Built once per layout; update() rewrites only what changed (the cells of a row only when
 * its offsets or the scale moved), so it can run every frame.
 */
import type { RunReport } from '../engine';
import type { MemberLive, PartitionView } from '../store/engineAccessLog';
import { RECORD_FLAG } from '../store/engineAccessLog';
import { setAttrIfChanged, setTextIfChanged } from './domText';
import type { NodeBox } from './layout';
import { ROW_H, topicHeader } from './layoutTopics';
import { palette } from './palette';

const NS = 'http://www.w3.org/2000/svg';
const LABEL_W = 34;
const PIP = 8;
const LAG_W = 58;
/** Cells at most per bar: one record each while a log is short, then ranges of offsets. */
const CELL_PX = 4;

type Raw = Readonly<Record<string, unknown>>;

/** A key's colour: golden-angle hues, so neighbouring key ids differ. */
export function keyColor(key: number): string {
  const p = palette();
  if (key < 0) return p.keyless;
  return `hsl(${Math.round((key * 137.508) % 360)}, 70%, ${p.keyLightness}%)`;
}

export interface GroupOnTopic {
  id: string;
  color: string;
}

/** Sizes in a row of height `rowH` (rows grow when the topic has room: layoutTopics.ts). */
const barHeight = (rowH: number) => Math.round(rowH * 0.46);
const rowFont = (rowH: number) => Math.min(20, Math.round(rowH * 0.56));

interface RowParts {
  g: SVGGElement;
  label: SVGTextElement;
  title: SVGTitleElement;
  pips: SVGRectElement[];
  track: SVGRectElement;
  cells: SVGRectElement[];
  hw: SVGLineElement;
  committed: SVGPathElement[];
  positions: SVGLineElement[];
  lag: SVGTextElement;
  lagSpans: SVGTSpanElement[];
  note: SVGTextElement;
  /** What the cells show now, to skip redrawing them. */
  drawnKey: string;
}

export interface TopicParts {
  rows: RowParts[];
  status: SVGTextElement;
  barX: number;
  barW: number;
  rowH: number;
}

const el = <K extends keyof SVGElementTagNameMap>(
  parent: Element,
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent.appendChild(e);
  return e;
};

/** Build the rows of a topic node (inside its <g>, in node coordinates). */
export function buildTopicParts(
  g: SVGGElement,
  n: NodeBox,
  raw: Raw | undefined,
  groups: readonly GroupOnTopic[],
): TopicParts {
  const rf = typeof raw?.replicationFactor === 'number' ? raw.replicationFactor : 1;
  const rowH = n.rowH ?? ROW_H;
  const barH = barHeight(rowH);
  const font = rowFont(rowH);
  const labelW = Math.max(LABEL_W, font * 2.3);
  const pipsW = rf > 1 ? rf * (PIP + 2) + 4 : 0;
  const barX = labelW + pipsW;
  const barW = Math.max(40, n.w - barX - LAG_W - 8);
  const top = topicHeader(n.lines.length);
  // Under the rows, right: clear of the label and of the settings tab on top.
  const status = el(g, 'text', { class: 'topic-status', x: n.w - 10, y: n.h - 4 });
  const cellCount = Math.max(8, Math.floor(barW / CELL_PX));
  const rows: RowParts[] = [];
  for (let p = 0; p < (n.rows ?? 0); p++) {
    const y = top + p * rowH;
    const row = el(g, 'g', { class: 'partition', transform: `translate(0,${y})` });
    const title = el(row, 'title', {});
    const textY = rowH / 2 + font * 0.35;
    const label = el(row, 'text', { class: 'partition-label', x: 8, y: textY });
    label.style.fontSize = `${font}px`;
    label.textContent = `P${p}`;
    const pips = Array.from({ length: rf > 1 ? rf : 0 }, (_, i) =>
      el(row, 'rect', {
        class: 'replica-pip',
        x: labelW + i * (PIP + 2),
        y: rowH / 2 - PIP / 2,
        width: PIP,
        height: PIP,
        rx: 2,
      }),
    );
    const barY = rowH / 2 - barH / 2;
    const track = el(row, 'rect', {
      class: 'log-track',
      x: barX,
      y: barY,
      width: barW,
      height: barH,
    });
    const cellsG = el(row, 'g', { class: 'log-cells' });
    const cells = Array.from({ length: cellCount }, () =>
      el(cellsG, 'rect', { y: barY, height: barH, width: 0, x: barX }),
    );
    const hw = el(row, 'line', { class: 'log-hw', y1: barY - 3, y2: barY + barH + 3 });
    const committed = groups.map((gr) => {
      const m = el(row, 'path', { class: 'log-committed', d: 'M0,0' });
      m.style.fill = gr.color;
      return m;
    });
    const positions = groups.map((gr) => {
      const m = el(row, 'line', { class: 'log-position', y1: barY - 6, y2: barY + 3 });
      m.style.stroke = gr.color;
      return m;
    });
    const lag = el(row, 'text', { class: 'partition-lag', x: n.w - 8, y: textY });
    lag.style.fontSize = `${Math.min(font, 17)}px`;
    const lagSpans = groups.map((gr) => {
      const s = el(lag, 'tspan', {});
      s.style.fill = gr.color;
      return s;
    });
    const note = el(row, 'text', {
      class: 'partition-note',
      x: barX + barW / 2,
      y: textY,
    });
    rows.push({
      g: row,
      label,
      title,
      pips,
      track,
      cells,
      hw,
      committed,
      positions,
      lag,
      lagSpans,
      note,
      drawnKey: '',
    });
  }
  return { rows, status, barX, barW, rowH };
}

/** Index of the first offset ≥ `target` in an increasing list. */
function lowerBound(off: readonly number[], target: number): number {
  let lo = 0;
  let hi = off.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (off[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const compact = (n: number) =>
  n >= 100_000 ? `${Math.round(n / 1000)}k` : n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : `${n}`;

function cellFill(part: PartitionView, i: number): string {
  const f = part.flags[i] ?? 0;
  if (f & RECORD_FLAG.control) return palette().control;
  if (f & RECORD_FLAG.aborted) return palette().aborted;
  if (f & RECORD_FLAG.tombstone) return palette().tombstone;
  return keyColor(part.key[i] ?? -1);
}

/** Redraw a row's cells for the offsets [0, hi). */
function drawCells(row: RowParts, part: PartitionView, hi: number, barX: number, barW: number) {
  const shown = Math.min(row.cells.length, hi);
  const w = barW / Math.max(1, shown);
  row.cells.forEach((cell, c) => {
    if (c >= shown) {
      setAttrIfChanged(cell, 'width', '0');
      return;
    }
    const a = Math.floor((c * hi) / shown);
    const b = Math.floor(((c + 1) * hi) / shown);
    const i = lowerBound(part.off, Math.max(a, part.start));
    const has = b > part.start && i < part.off.length && part.off[i]! < b;
    setAttrIfChanged(cell, 'x', (barX + c * w).toFixed(1));
    setAttrIfChanged(cell, 'width', has ? Math.max(0.5, w - (w > 3 ? 0.6 : 0)).toFixed(1) : '0');
    if (!has) return;
    const fill = cellFill(part, i);
    if (cell.style.fill !== fill) cell.style.fill = fill;
    // Past the high watermark: written on the leader only, not readable yet.
    setAttrIfChanged(
      cell,
      'class',
      part.off[i]! >= part.hw ? 'log-cell is-unreplicated' : 'log-cell',
    );
  });
}

/** A triangle pointing up at x (under the bar). */
const triangle = (x: number, y: number) => `M${x.toFixed(1)},${y}l-4.5,7h9z`;

export interface TopicFrame {
  partitions: readonly PartitionView[];
  report: RunReport;
  /** Members by id (for their positions). */
  members: ReadonlyMap<string, MemberLive>;
  /** Log brokers up, by broker id. */
  brokersUp: readonly boolean[];
}

/** Update a topic's rows from the engine's state and report. */
export function updateTopic(
  parts: TopicParts,
  topicId: string,
  groups: readonly GroupOnTopic[],
  f: TopicFrame,
): void {
  const { partitions, report } = f;
  const hi = Math.max(10, ...partitions.map((p) => p.end));
  const scale = (o: number) => parts.barX + (Math.min(Math.max(o, 0), hi) / hi) * parts.barW;
  const topicReport = report.topics?.[topicId];
  const lost = topicReport?.ackedLost ?? 0;
  const dropped = topicReport?.duplicatesDropped ?? 0;
  setTextIfChanged(
    parts.status,
    [lost > 0 ? `${lost} acked, then lost` : '', dropped > 0 ? `${dropped} retries dropped` : '']
      .filter((s) => s !== '')
      .join(' · '),
  );
  parts.status.classList.toggle('is-bad', lost > 0);
  const groupReports = groups.map((gr) => report.groups?.[gr.id]);
  parts.rows.forEach((row, p) => {
    const part = partitions[p];
    row.g.classList.toggle('is-future', !part);
    if (!part) {
      setTextIfChanged(row.note, 'added later');
      setTextIfChanged(row.title, `P${p}: not created yet (an input adds it later)`);
      for (const s of row.lagSpans) setTextIfChanged(s, '');
      return;
    }
    const offline = part.leader < 0;
    row.g.classList.toggle('is-offline', offline);
    row.g.classList.toggle('is-paused', part.paused);
    setTextIfChanged(row.note, offline ? 'OFFLINE' : part.paused ? 'paused' : '');
    part.replicas.forEach((b, i) => {
      const pip = row.pips[i];
      if (!pip) return;
      const state = !(f.brokersUp[b] ?? true)
        ? 'is-down'
        : b === part.leader
          ? 'is-leader'
          : part.isr.includes(b)
            ? 'is-insync'
            : 'is-behind';
      setAttrIfChanged(pip, 'class', `replica-pip ${state}`);
    });
    const drawnKey = `${part.start}|${part.end}|${part.hw}|${hi}|${part.off.length}`;
    if (drawnKey !== row.drawnKey) {
      row.drawnKey = drawnKey;
      drawCells(row, part, hi, parts.barX, parts.barW);
    }
    const hwX = scale(part.hw).toFixed(1);
    setAttrIfChanged(row.hw, 'x1', hwX);
    setAttrIfChanged(row.hw, 'x2', hwX);
    const barBottom = parts.rowH / 2 + barHeight(parts.rowH) / 2 + 1;
    const lags: string[] = [];
    groups.forEach((gr, k) => {
      const rep = groupReports[k];
      const committed = rep?.committed[p] ?? -1;
      const marker = row.committed[k]!;
      marker.style.display = committed >= 0 ? '' : 'none';
      if (committed >= 0) setAttrIfChanged(marker, 'd', triangle(scale(committed), barBottom));
      // The position of the member that owns this partition now, if it has read from it.
      const owner = rep?.assignment[p] ?? null;
      const pos = owner ? (f.members.get(owner)?.positions[p] ?? -1) : -1;
      const tick = row.positions[k]!;
      tick.style.display = pos >= 0 ? '' : 'none';
      if (pos >= 0) {
        const x = scale(pos).toFixed(1);
        setAttrIfChanged(tick, 'x1', x);
        setAttrIfChanged(tick, 'x2', x);
      }
      // A group that has committed nothing here yet has no lag to speak of.
      const lag = committed >= 0 ? rep?.lag[p] : undefined;
      const text = lag === undefined ? '–' : compact(lag);
      lags.push(`${gr.id} lag ${text}`);
      setTextIfChanged(row.lagSpans[k]!, (k > 0 ? ' ' : '') + text);
    });
    const isr = part.isr.join(', ');
    setTextIfChanged(
      row.title,
      `P${p}: offsets ${part.start}–${part.end}, high watermark ${part.hw}` +
        (offline ? ', OFFLINE (no leader)' : `, leader broker ${part.leader}, in sync: ${isr}`) +
        (part.paused ? ', paused' : '') +
        (lags.length > 0 ? `; ${lags.join(', ')}` : ''),
    );
  });
}
