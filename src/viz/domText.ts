/**
 * Writes that skip unchanged values. Renderers run every animation frame; rewriting identical
 * text would still cost style and layout work, so compare first. Text only: never markup.
 */
export function setTextIfChanged(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

export function setAttrIfChanged(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}
