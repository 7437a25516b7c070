/**
 * What each item of the Export menu does (loaded on first use: none of src/export is in the
 * initial chunk). Each returns the sentence the menu shows once the file is saved. The pictures
 * are read from the page as drawn: the stage (data-testid="stage": the topology SVG and the
 * canvas of moving messages) and the charts (data-testid="chart-<kind>").
 *
 * Nothing under src/export imports the engine or the store at run time (types only): what it
 * needs comes through the store object (exportData, replay). A runtime import from this second
 * lazy chunk made the bundler split the engine out of the main chunk (+3.8 KB initial JS).
 */
import type { ChartKind, SimStore } from '../../store';
import { csvDocument } from '../csv';
import { countersTable } from '../countersTable';
import { exportFileName } from '../fileName';
import { metricsTable } from '../metricsTable';
import { downloadBlob, downloadText } from './download';
import { svgFileText } from './inlineStyles';
import { svgToPng, type Layer } from './rasterize';
import { startRecording, type Recording } from './record';
import { buildTrace } from './traceReplay';

export type PictureFormat = 'svg' | 'png';

/** PNGs are drawn at twice the on-screen size, sharp on slides and printouts. */
const PNG_SCALE = 2;

const nameOf = (store: SimStore, ext: string, part?: string) =>
  exportFileName(store.getState().scenario.name, store.sim().tick, ext, part);

const CSV_TYPE = 'text/csv;charset=utf-8';

export function exportMetrics(store: SimStore): string {
  const t = metricsTable(store.exportData());
  const name = nameOf(store, 'csv', 'metrics');
  downloadText(csvDocument(t.header, t.rows), CSV_TYPE, name);
  return `Saved ${name}: ${t.rows.length} buckets, ${t.header.length} columns.`;
}

export function exportCounters(store: SimStore): string {
  const d = store.exportData();
  const t = countersTable(d.report, new Set(d.scenario.nodes.map((n) => n.id)));
  const name = nameOf(store, 'csv', 'counters');
  downloadText(csvDocument(t.header, t.rows), CSV_TYPE, name);
  return `Saved ${name}: ${t.rows.length} counters.`;
}

export async function exportTrace(
  store: SimStore,
  onProgress: (fraction: number) => void,
): Promise<string> {
  const d = store.exportData();
  const name = exportFileName(d.scenario.name, d.tick, 'json', 'trace');
  const result = await buildTrace(d, store.replay(d), onProgress);
  if (!result) return 'Trace cancelled.';
  downloadText(result.text, 'application/json', name);
  const events = result.eventCount.toLocaleString('en');
  return result.capped
    ? `Saved ${name}: the first ${result.eventsIncluded.toLocaleString('en')} of ${events} events (the file is capped; it says so).`
    : `Saved ${name}: ${events} events.`;
}

function stageParts(): { svg: SVGSVGElement; dots: HTMLCanvasElement | null } {
  const stage = document.querySelector('[data-testid="stage"]');
  const svg = stage?.querySelector('svg');
  if (!svg) throw new Error('the diagram is not on the page');
  return { svg, dots: stage!.querySelector<HTMLCanvasElement>('canvas.flights-canvas') };
}

function chartSvg(kind: ChartKind): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>(`[data-testid="chart-${kind}"] svg.chart-svg`);
  if (!svg) throw new Error('that chart is not on the page');
  return svg;
}

async function savePicture(
  svg: SVGSVGElement,
  format: PictureFormat,
  name: string,
  layers: Layer[] = [],
): Promise<string> {
  const text = svgFileText(svg);
  if (format === 'svg') {
    downloadText(text, 'image/svg+xml', name);
    return `Saved ${name}.`;
  }
  const box = svg.getBoundingClientRect();
  downloadBlob(await svgToPng(text, box.width, box.height, PNG_SCALE, layers), name);
  return `Saved ${name} (${PNG_SCALE}× the size on screen).`;
}

export function exportDiagram(store: SimStore, format: PictureFormat): Promise<string> {
  const { svg, dots } = stageParts();
  const layers: Layer[] = [];
  if (dots && format === 'png') {
    const s = svg.getBoundingClientRect();
    const c = dots.getBoundingClientRect();
    layers.push({
      canvas: dots,
      x: c.left - s.left,
      y: c.top - s.top,
      width: c.width,
      height: c.height,
    });
  }
  return savePicture(svg, format, nameOf(store, format, 'diagram'), layers);
}

export function exportChart(store: SimStore, kind: ChartKind, format: PictureFormat) {
  return savePicture(chartSvg(kind), format, nameOf(store, format, `chart-${kind}`));
}

export interface RecordCallbacks {
  onTick(secondsLeft: number): void;
  onDone(message: string): void;
  onError(message: string): void;
}

/**
 * Record the stage for `seconds`. A paused run is played for the recording (a video of a still
 * picture says little) and paused again after it.
 */
export function recordView(store: SimStore, seconds: number, cb: RecordCallbacks): Recording {
  const { svg, dots } = stageParts();
  const name = nameOf(store, 'webm', 'recording');
  const { actions, playing, finished } = store.getState();
  const started = !playing && !finished;
  const restore = () => {
    if (started && store.getState().playing) actions.pause();
  };
  const recording = startRecording({
    svg,
    dots,
    seconds,
    onTick: cb.onTick,
    onDone(blob) {
      restore();
      downloadBlob(blob, name);
      cb.onDone(`Saved ${name} (${(blob.size / 1024).toFixed(0)} KB).`);
    },
    onError(message) {
      restore();
      cb.onError(message);
    },
  });
  if (started) actions.play();
  return recording;
}
