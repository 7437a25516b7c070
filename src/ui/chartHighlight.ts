/**
 * Asking a chart to emphasise one series: the compare view's table links each number to the
 * chart it comes from. The event goes to the chart's panel (ChartPanel listens), so the link
 * needs no reference to the chart, only the panel's element.
 */
export const HIGHLIGHT_SERIES_EVENT = 'mq-highlight-series';

export interface HighlightDetail {
  /** The series id (a chart line's id), or null for none. */
  series: string | null;
}

export function highlightSeries(panel: Element, series: string | null): void {
  panel.dispatchEvent(
    new CustomEvent<HighlightDetail>(HIGHLIGHT_SERIES_EVENT, { detail: { series } }),
  );
}
