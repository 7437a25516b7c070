/**
 * The form of one node: its id and label, its kind's common settings, the problems of fields
 * the form does not show, the settings it leaves to the JSON view, and removing the node (which
 * first says which links would be left naming nothing).
 */
import { useState } from 'react';
import { asRecord, getAt } from './docEdit';
import { Field } from './Field';
import { LABEL_FIELD } from './fields';
import { nodeFieldSpecs, nodeFormPaths } from './formPaths';
import { IdField } from './IdField';
import { whereText } from './linkWords';
import { linksTo } from './nodeDefaults';
import { formatPath, nodeIndexOf, placeProblems, type Path, type Problem } from './paths';

export function NodeForm({
  doc,
  index,
  problems,
  onChange,
  onRename,
  onRemove,
}: {
  doc: unknown;
  index: number;
  problems: readonly Problem[];
  onChange(path: Path, value: unknown): void;
  onRename(next: string): void;
  onRemove(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const base = ['nodes', index];
  const node = asRecord(getAt(doc, base)) ?? {};
  const id = typeof node.id === 'string' ? node.id : '';
  const specs = nodeFieldSpecs(doc, index);
  const mine = problems.filter((p) => nodeIndexOf(p.path) === index);
  const { at, rest } = placeProblems(mine, nodeFormPaths(doc, index));
  const shown = new Set(['id', 'kind', 'label', ...specs.map((s) => s.key)]);
  const others = Object.keys(node).filter((k) => !shown.has(k));
  const dangling = linksTo(doc, id);
  return (
    <section className="editor-form" aria-labelledby="editor-node-title" data-testid="node-form">
      <div className="panel-head">
        <h3 id="editor-node-title" className="editor-form-title">
          {id || `node ${index + 1}`} <span className="kind-tag">{String(node.kind ?? '?')}</span>
        </h3>
        <button
          type="button"
          className="btn btn--small"
          data-testid="remove-node"
          onClick={() => setConfirming(true)}
        >
          Remove…
        </button>
      </div>
      {confirming ? (
        <div className="editor-confirm" role="alert" data-testid="remove-confirm">
          {dangling.length === 0 ? (
            <p>Nothing links to {id}.</p>
          ) : (
            <>
              <p>
                {dangling.length === 1 ? 'This link' : `These ${dangling.length} links`} would name
                a node that no longer exists; the scenario will not apply until they are changed:
              </p>
              <ul>
                {dangling.map((p) => (
                  <li key={formatPath(p)}>{whereText(doc, p)}</li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            className="btn btn--small"
            data-testid="remove-node-confirm"
            onClick={() => {
              setConfirming(false);
              onRemove();
            }}
          >
            Remove {id || 'node'}
          </button>{' '}
          <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : null}
      {rest.length > 0 ? (
        <ul className="editor-field-problems" data-testid="node-problems">
          {rest.map((p) => (
            <li key={p.text}>
              {p.path.length > 2 ? `${formatPath(p.path.slice(2))}: ` : ''}
              {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="editor-fields">
        <IdField
          path={[...base, 'id']}
          value={id}
          problems={at.get(formatPath([...base, 'id'])) ?? []}
          onCommit={onRename}
        />
        <Field spec={LABEL_FIELD} base={base} doc={doc} problemsAt={at} onChange={onChange} />
        {specs.map((s) => (
          <Field key={s.key} spec={s} base={base} doc={doc} problemsAt={at} onChange={onChange} />
        ))}
      </div>
      {others.length > 0 ? (
        <p className="muted editor-others">
          Also set, edited in the JSON view: {others.join(', ')}.
        </p>
      ) : (
        <p className="muted editor-others">
          Rarer settings (templates, retries, failures, calls) go in the JSON view.
        </p>
      )}
    </section>
  );
}
