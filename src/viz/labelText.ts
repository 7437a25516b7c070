/**
 * Fitting words into boxes: a label in at most two lines (broken at the space nearest its
 * middle), and a font size at which a line fits a width (average glyph ≈ 0.56 em).
 */

/** Characters a line may hold before it is worth breaking. */
const ONE_LINE_MAX = 16;

export function wrapLabel(text: string): string[] {
  if (text.length <= ONE_LINE_MAX || !text.includes(' ')) return [text];
  const mid = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++)
    if (text[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return [text.slice(0, best), text.slice(best + 1)];
}

/** The largest font size (≤ max, ≥ min) at which `text` fits in `width` layout units. */
export function fitFont(text: string, width: number, max: number, min = 11): number {
  return Math.max(min, Math.min(max, width / (0.56 * Math.max(1, text.length))));
}
