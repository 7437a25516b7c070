/**
 * An on-page SVG as standalone text: a deep copy whose every element carries, in its style
 * attribute, the computed values of the properties that decide how SVG looks (the page's CSS,
 * its custom properties and themes do not travel with the file), then standaloneSvg for the
 * namespace, size, background and generic fonts. Transforms are attributes here (the page's CSS
 * sets none on SVG), so they travel as they are.
 */
import { standaloneSvg } from '../svgStandalone';

const SHAPE_PROPS = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
] as const;

const TEXT_PROPS = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
] as const;

const TEXTUAL = new Set(['text', 'tspan', 'textPath']);

function copyStyle(from: Element, to: Element): void {
  const cs = getComputedStyle(from);
  const props = TEXTUAL.has(from.localName) ? [...SHAPE_PROPS, ...TEXT_PROPS] : SHAPE_PROPS;
  const decls: string[] = [];
  for (const p of props) {
    const v = cs.getPropertyValue(p);
    // 'none' is the default of most (a smaller file), but not of fill and display.
    if (!v || (v === 'none' && p !== 'fill' && p !== 'display')) continue;
    decls.push(`${p}: ${v}`);
  }
  to.setAttribute('style', decls.join('; '));
  to.removeAttribute('class');
}

/** The first opaque background colour from the element up, else white. */
export function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

export function svgFileText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => copyStyle(el, to[i]!));
  const box = svg.getBoundingClientRect();
  return standaloneSvg(new XMLSerializer().serializeToString(copy), {
    width: box.width,
    height: box.height,
    background: backgroundOf(svg),
  });
}
