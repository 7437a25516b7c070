/**
 * The scenario's settings and its nodes, grouped by kind in the order a message travels, each
 * with its count of problems; a button per kind adds a node of that kind.
 */
import { asRecord } from './docEdit';
import { isEditorKind } from './formPaths';
import { EDITOR_KINDS, nodesOf, type EditorKind } from './nodeDefaults';
import { nodeIndexOf, type Problem } from './paths';

const plural = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

function Item({
  label,
  count,
  current,
  testId,
  onSelect,
}: {
  label: string;
  count: number;
  current: boolean;
  testId: string;
  onSelect(): void;
}) {
  return (
    <li>
      <button
        type="button"
        className="editor-node-button"
        aria-current={current ? 'true' : undefined}
        data-testid={testId}
        onClick={onSelect}
      >
        <span className="editor-node-name">{label}</span>
        {count > 0 ? <span className="editor-badge">{plural(count)}</span> : null}
      </button>
    </li>
  );
}

export function NodeList({
  doc,
  problems,
  selected,
  onSelect,
  onAdd,
}: {
  doc: unknown;
  problems: readonly Problem[];
  selected: number | 'scenario';
  onSelect(which: number | 'scenario'): void;
  onAdd(kind: EditorKind): void;
}) {
  const nodes = nodesOf(doc).map((n, index) => {
    const r = asRecord(n);
    const id = typeof r?.id === 'string' && r.id !== '' ? r.id : `node ${index + 1}`;
    return { index, id, kind: isEditorKind(r?.kind) ? r.kind : 'other' };
  });
  const count = (i: number) => problems.filter((p) => nodeIndexOf(p.path) === i).length;
  const topCount = problems.filter((p) => nodeIndexOf(p.path) === null).length;
  const hasBroker = nodes.some((n) => n.kind === 'broker');
  const groups = [...EDITOR_KINDS, 'other'] as const;
  return (
    <nav className="editor-list" aria-label="Nodes">
      <ul className="editor-list-items">
        <Item
          label="Scenario settings"
          count={topCount}
          current={selected === 'scenario'}
          testId="edit-scenario-settings"
          onSelect={() => onSelect('scenario')}
        />
      </ul>
      {groups.map((kind) => {
        const members = nodes.filter((n) => n.kind === kind);
        if (kind === 'other' && members.length === 0) return null;
        return (
          <section key={kind} className="editor-kind" aria-label={`${kind} nodes`}>
            <div className="editor-kind-head">
              <h3 className="editor-kind-title">{kind}</h3>
              {kind === 'other' ? null : (
                <button
                  type="button"
                  className="btn btn--small"
                  data-testid={`add-${kind}`}
                  disabled={kind === 'broker' && hasBroker}
                  title={
                    kind === 'broker' && hasBroker ? 'A scenario has at most one broker' : undefined
                  }
                  onClick={() => onAdd(kind)}
                >
                  + Add<span className="visually-hidden"> a {kind}</span>
                </button>
              )}
            </div>
            <ul className="editor-list-items">
              {members.map((n) => (
                <Item
                  key={n.index}
                  label={n.id}
                  count={count(n.index)}
                  current={selected === n.index}
                  testId={`edit-node-${n.id}`}
                  onSelect={() => onSelect(n.index)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
