/** A link or problem path in words: `orders › to`, `schedule[2].input.consumerId`. */
import { asRecord, getAt } from './docEdit';
import { formatPath, type Path } from './paths';

export function whereText(doc: unknown, path: Path): string {
  if (path[0] === 'nodes' && typeof path[1] === 'number') {
    const id = asRecord(getAt(doc, ['nodes', path[1]]))?.id;
    const name = typeof id === 'string' && id !== '' ? id : `node ${path[1] + 1}`;
    return path.length > 2 ? `${name} › ${formatPath(path.slice(2))}` : name;
  }
  return path.length === 0 ? 'the document' : formatPath(path);
}
