/**
 * A short WebM of the view: a canvas the size of the stage, painted every animation frame with
 * the topology (re-drawn from its SVG twice a second, since its numbers change slowly) and the
 * moving-messages canvas over it, captured by MediaRecorder. VP9 where the browser has it, else
 * VP8, else its WebM default.
 */
import { svgFileText } from './inlineStyles';
import { loadSvgImage } from './rasterize';

export interface RecordOptions {
  svg: SVGSVGElement;
  dots: HTMLCanvasElement | null;
  seconds: number;
  onTick(secondsLeft: number): void;
  onDone(blob: Blob): void;
  onError(message: string): void;
}

export interface Recording {
  stop(): void;
}

const TOPOLOGY_REFRESH_MS = 500;
const FPS = 30;
const MAX_WIDTH_PX = 1280;

export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  for (const t of ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'])
    if (MediaRecorder.isTypeSupported(t)) return t;
  return null;
}

export function startRecording(o: RecordOptions): Recording {
  const type = webmType();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!type || !ctx || typeof canvas.captureStream !== 'function')
    throw new Error('this browser cannot record video (no WebM MediaRecorder)');
  const box = o.svg.getBoundingClientRect();
  const scale = Math.min(1, MAX_WIDTH_PX / Math.max(1, box.width));
  // Even sizes: some encoders refuse odd ones.
  canvas.width = Math.max(2, Math.round((box.width * scale) / 2) * 2);
  canvas.height = Math.max(2, Math.round((box.height * scale) / 2) * 2);
  let topology: HTMLImageElement | null = null;
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let refreshing = false;
  let frame = 0;
  let stopped = false;

  const refresh = (now: number) => {
    if (refreshing || now - lastRefresh < TOPOLOGY_REFRESH_MS) return;
    refreshing = true;
    lastRefresh = now;
    loadSvgImage(svgFileText(o.svg))
      .then((img) => {
        topology = img;
      })
      .catch(() => undefined) // keep the previous picture
      .finally(() => {
        refreshing = false;
      });
  };

  const paint = (now: number) => {
    if (stopped) return;
    refresh(now);
    if (topology) ctx.drawImage(topology, 0, 0, canvas.width, canvas.height);
    if (o.dots) {
      const dr = o.dots.getBoundingClientRect();
      const sr = o.svg.getBoundingClientRect();
      ctx.drawImage(
        o.dots,
        (dr.left - sr.left) * scale,
        (dr.top - sr.top) * scale,
        dr.width * scale,
        dr.height * scale,
      );
    }
    frame = requestAnimationFrame(paint);
  };

  const chunks: Blob[] = [];
  const recorder = new MediaRecorder(canvas.captureStream(FPS), { mimeType: type });
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.onstop = () => {
    finish();
    if (chunks.length === 0) o.onError('the recording came out empty');
    else o.onDone(new Blob(chunks, { type: 'video/webm' }));
  };
  recorder.onerror = () => {
    finish();
    o.onError('the browser stopped the recording');
  };

  const started = performance.now();
  const countdown = setInterval(() => {
    const left = o.seconds - (performance.now() - started) / 1000;
    if (left <= 0) stop();
    else o.onTick(Math.ceil(left));
  }, 250);

  function finish() {
    stopped = true;
    cancelAnimationFrame(frame);
    clearInterval(countdown);
  }

  function stop() {
    if (recorder.state !== 'inactive') recorder.stop();
    else finish();
  }

  // A first picture before the first frame is captured, so the video does not open blank.
  void loadSvgImage(svgFileText(o.svg))
    .then((img) => {
      topology = img;
    })
    .catch(() => undefined);
  frame = requestAnimationFrame(paint);
  recorder.start(1000);
  o.onTick(o.seconds);
  return { stop };
}
