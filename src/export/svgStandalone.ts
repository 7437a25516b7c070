/**
 * An SVG as the page serialised it, made into a file that looks the same anywhere: the SVG
 * namespace on the root, a size in pixels (the on-screen size, so it opens at the size it was
 * seen), an opaque background (the page's colour; a transparent picture pasted into slides loses
 * its dark text on a dark slide), generic font families only (the file may be opened where the
 * page's fonts are not), and nothing that runs (scripts, on* attributes). The computed styles are
 * inlined before this, in the DOM (dom/inlineStyles.ts).
 */

export interface StandaloneOptions {
  width: number;
  height: number;
  /** A CSS colour; omitted: transparent. */
  background?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A font-family list reduced to its generic family (monospace stays monospace). */
export function genericFont(list: string): string {
  const l = list.toLowerCase();
  if (l.includes('mono')) return 'monospace';
  if (/(^|[\s,"'])serif\b/.test(l) && !l.includes('sans')) return 'serif';
  return 'sans-serif';
}

/** A font-family declaration in a style attribute (quotes in it serialised as entities). */
const FONT_FAMILY = /font-family:\s*((?:&quot;|&#39;|[^;"])+)/g;
const genericDecl = (_m: string, list: string) => `font-family: ${genericFont(list)}`;

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function setRootAttr(openTag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  const attr = ` ${name}="${escapeAttr(value)}"`;
  return re.test(openTag) ? openTag.replace(re, attr) : openTag.replace(/^<svg/, `<svg${attr}`);
}

export function standaloneSvg(markup: string, o: StandaloneOptions): string {
  const start = markup.indexOf('<svg');
  if (start < 0) throw new Error('not an SVG: no <svg> element');
  const end = markup.indexOf('>', start);
  let open = markup.slice(start, end + 1);
  let body = markup.slice(end + 1);
  const selfClosed = open.endsWith('/>');
  if (selfClosed) open = `${open.slice(0, -2)}>`;
  open = setRootAttr(open, 'xmlns', SVG_NS);
  open = setRootAttr(open, 'width', String(Math.round(o.width)));
  open = setRootAttr(open, 'height', String(Math.round(o.height)));
  const vb = /\sviewBox="([^"]*)"/
    .exec(open)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (!vb || vb.length !== 4 || vb.some((n) => !Number.isFinite(n)))
    open = setRootAttr(open, 'viewBox', `0 0 ${Math.round(o.width)} ${Math.round(o.height)}`);
  const [x, y, w, h] = vb && vb.length === 4 ? vb : [0, 0, o.width, o.height];
  if (selfClosed) body = '</svg>';
  body = body
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+="[^"]*"/gi, '')
    .replace(FONT_FAMILY, genericDecl);
  open = open.replace(FONT_FAMILY, genericDecl);
  const bg = o.background
    ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${escapeAttr(o.background)}"/>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${open}${bg}${body}\n`;
}
