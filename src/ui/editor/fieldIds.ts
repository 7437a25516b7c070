/** The DOM hooks of a form field, from its document path (so a problem can focus it). */
import { formatPath, type Path } from './paths';

export const fieldKey = (path: Path) => formatPath(path);

/** A stable element id for a field (ids cannot hold brackets and quotes safely). */
export const fieldDomId = (path: Path) =>
  `ed-${formatPath(path).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/** Focus the field of `path` (or its nearest ancestor's) once the form has rendered it. */
export function focusField(path: Path): void {
  requestAnimationFrame(() => {
    for (let n = path.length; n > 0; n--) {
      const at = path.slice(0, n);
      const el =
        document.getElementById(fieldDomId(at)) ??
        document.querySelector(`[data-field="${CSS.escape(fieldKey(at))}"]`);
      const target = el?.matches('input, select, textarea, button')
        ? el
        : el?.querySelector<HTMLElement>('input, select, textarea, button');
      if (target instanceof HTMLElement) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
        return;
      }
    }
  });
}
