import { describe, expect, it } from 'vitest';
import { genericFont, standaloneSvg } from './svgStandalone';

const page =
  '<svg class="topology-svg" viewBox="0 0 800 400" role="img" style="font-family: &quot;Inter&quot;, system-ui; fill: rgb(0, 0, 0);">' +
  '<title>Topology</title><g onclick="alert(1)"><text style="font-family: ui-monospace, Menlo, monospace">q</text></g>' +
  '<script>alert(2)</script></svg>';

describe('standaloneSvg', () => {
  const out = standaloneSvg(page, { width: 640.4, height: 320, background: '#ffffff' });

  it('adds the namespace, a pixel size and keeps the viewBox', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(out).toContain(' xmlns="http://www.w3.org/2000/svg"');
    expect(out).toContain(' width="640"');
    expect(out).toContain(' height="320"');
    expect(out).toContain('viewBox="0 0 800 400"');
  });

  it('paints the background over the whole viewBox, first', () => {
    expect(out).toMatch(
      /role="img"[^>]*><rect x="0" y="0" width="800" height="400" fill="#ffffff"\/>/,
    );
  });

  it('keeps only generic font families', () => {
    expect(out).not.toContain('Inter');
    expect(out).not.toContain('Menlo');
    expect(out).toContain('font-family: sans-serif;');
    expect(out).toContain('font-family: monospace"');
  });

  it('drops anything that runs', () => {
    expect(out).not.toMatch(/script|onclick|alert/);
  });

  it('gives a viewBox when the page had none, and replaces an existing size', () => {
    const s = standaloneSvg('<svg width="100%" height="50"/>', { width: 300, height: 200 });
    expect(s).toContain('width="300"');
    expect(s).toContain('height="200"');
    expect(s).toContain('viewBox="0 0 300 200"');
    expect(s.trim().endsWith('</svg>')).toBe(true);
    expect(s).not.toContain('<rect');
  });

  it('refuses markup without an svg element', () => {
    expect(() => standaloneSvg('<div></div>', { width: 1, height: 1 })).toThrow(/not an SVG/);
  });
});

describe('genericFont', () => {
  it('maps a font list to its generic family', () => {
    expect(genericFont('"Atkinson Hyperlegible", system-ui, sans-serif')).toBe('sans-serif');
    expect(genericFont('ui-monospace, SFMono-Regular, monospace')).toBe('monospace');
    expect(genericFont('Georgia, serif')).toBe('serif');
  });
});
