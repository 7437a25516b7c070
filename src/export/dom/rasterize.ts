/**
 * PNG of an SVG text (and of canvases laid over it): the SVG loaded as an image from a blob:
 * URL (the page's CSP allows img-src blob:), drawn on a canvas at `scale`, the layers drawn over
 * it at their place, then the canvas encoded.
 */

export interface Layer {
  canvas: HTMLCanvasElement;
  /** Where it sits relative to the SVG's top-left corner, in CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export function loadSvgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () =>
      reject(new Error('the picture could not be drawn (SVG image failed to load)'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

export function canvasBlob(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no image'))), type),
  );
}

export async function svgToPng(
  svgText: string,
  widthPx: number,
  heightPx: number,
  scale: number,
  layers: readonly Layer[] = [],
): Promise<Blob> {
  const img = await loadSvgImage(svgText);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(widthPx * scale));
  canvas.height = Math.max(1, Math.round(heightPx * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  for (const l of layers)
    ctx.drawImage(l.canvas, l.x * scale, l.y * scale, l.width * scale, l.height * scale);
  return canvasBlob(canvas);
}
