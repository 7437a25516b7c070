/**
 * The scenario editor, a modal dialog loaded on first use (EditScenarioButton.tsx): a form per
 * node and for the scenario's settings, and the JSON view, over one draft (draftStore.ts).
 * Every problem of the validator is shown at its field and line, with a count. Apply loads the
 * draft as the run only when it is valid; otherwise nothing about the running simulation
 * changes. Cancel drops the draft; closing keeps it for next time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { validators } from '../../store';
import { markEdited } from '../editedScenario';
import { useSim } from '../SimStoreContext';
import { getAt, setAt } from './docEdit';
import {
  draftStore,
  dropDraft,
  select,
  setDoc,
  setMessage,
  setView,
  startDraft,
  type Message,
} from './draftStore';
import { focusField } from './fieldIds';
import { JsonView, syntaxText } from './JsonView';
import { lineOfPath, scanJson } from './jsonLines';
import { NodeForm } from './NodeForm';
import { NodeList } from './NodeList';
import { linksTo, nodesOf } from './nodeDefaults';
import { whereText } from './linkWords';
import { addNode, removeNode, renameNode } from './nodeOps';
import { nodeIndexOf, parseProblem, type Path, type Problem } from './paths';
import { ProblemSummary } from './ProblemSummary';
import { ScenarioForm } from './ScenarioForm';
import './editor.css';

/** What removing node `index` leaves behind, in words. */
function removalMessage(doc: unknown, index: number): Message {
  const id = getAt(doc, ['nodes', index, 'id']);
  const name = typeof id === 'string' ? id : `node ${index + 1}`;
  const dangling = typeof id === 'string' ? linksTo(doc, id) : [];
  if (dangling.length === 0) return { kind: 'info', text: `Removed ${name}.` };
  const where = dangling.map((p) => whereText(doc, p)).join(', ');
  return {
    kind: 'error',
    text: `Removed ${name}: ${dangling.length === 1 ? '1 link names' : `${dangling.length} links name`} it still (${where}). Change ${dangling.length === 1 ? 'it' : 'them'} before applying.`,
  };
}

export function EditorPanel({ onClose }: { onClose(): void }) {
  const scenario = useSim((s) => s.scenario);
  const loadScenario = useSim((s) => s.actions.loadScenario);
  // A draft survives closing the editor; without one, start from the current run's scenario.
  useState(() => {
    if (draftStore.getState().base === null) startDraft(scenario);
  });
  const draft = useStore(draftStore);
  const dialog = useRef<HTMLDialogElement>(null);
  const [goTo, setGoTo] = useState<{ line: number; column: number } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const problems: Problem[] = useMemo(() => {
    if (draft.syntax) return [];
    const v = validators();
    if (!v) return [parseProblem('(scenario): the checks are still loading')];
    const result = v.validateScenario(draft.doc);
    return result.ok ? [] : result.errors.map(parseProblem);
  }, [draft.doc, draft.syntax]);

  const change = (path: Path, value: unknown) => setDoc(setAt(draft.doc, path, value));
  const nodeCount = nodesOf(draft.doc).length;
  const selected =
    typeof draft.selected === 'number' && draft.selected >= nodeCount ? 'scenario' : draft.selected;

  const goToProblem = (p: Problem | null) => {
    if (draft.view === 'json' || p === null) {
      setView('json');
      if (draft.syntax) setGoTo({ line: draft.syntax.line, column: draft.syntax.column });
      else if (p) {
        const scan = scanJson(draft.text);
        if (scan.ok) setGoTo({ line: lineOfPath(scan, p.path), column: 1 });
      }
      return;
    }
    select(nodeIndexOf(p.path) ?? 'scenario');
    focusField(p.path);
  };

  const apply = () => {
    if (draft.syntax)
      return setMessage({
        kind: 'error',
        text: `Not applied: ${syntaxText(draft.syntax)}. The run is unchanged.`,
      });
    const v = validators();
    if (!v)
      return setMessage({ kind: 'error', text: 'Not applied: the checks are still loading.' });
    const result = v.validateScenario(draft.doc);
    if (!result.ok) {
      const n = result.errors.length;
      return setMessage({
        kind: 'error',
        text: `Not applied: ${n === 1 ? '1 problem' : `${n} problems`} to fix first. The run is unchanged.`,
      });
    }
    markEdited(result.value);
    loadScenario(result.value);
    dropDraft();
    onClose();
  };

  const stale = draft.base !== null && draft.base !== scenario;
  return (
    <dialog
      ref={dialog}
      className="editor"
      aria-labelledby="editor-title"
      data-testid="editor"
      // The page's shortcuts (space plays, arrows step) stay out of the editor's way.
      onKeyDown={(e) => e.stopPropagation()}
      onCancel={(e) => {
        e.preventDefault(); // Escape closes and keeps the draft, as the close button does
        onClose();
      }}
    >
      <div className="editor-head">
        <h2 id="editor-title" className="panel-title">
          Edit scenario
        </h2>
        <div className="editor-tabs" role="group" aria-label="View">
          {(['form', 'json'] as const).map((view) => (
            <button
              key={view}
              type="button"
              className="btn btn--small"
              aria-pressed={draft.view === view}
              data-testid={`editor-view-${view}`}
              onClick={() => setView(view)}
            >
              {view === 'form' ? 'Form' : 'JSON'}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn--small"
          aria-label="Close the editor (the draft is kept)"
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      {stale ? (
        <p className="editor-note" data-testid="editor-stale">
          This draft started from “{draft.base?.name}”; the run is now “{scenario.name}”.{' '}
          <button type="button" className="btn btn--small" onClick={() => startDraft(scenario)}>
            Start over from the run
          </button>
        </p>
      ) : null}
      <ProblemSummary
        doc={draft.doc}
        problems={problems}
        syntaxText={draft.syntax ? syntaxText(draft.syntax) : null}
        onGo={goToProblem}
      />
      {draft.message ? (
        <p
          className={`editor-message editor-message--${draft.message.kind}`}
          role={draft.message.kind === 'error' ? 'alert' : 'status'}
          data-testid="editor-message"
        >
          {draft.message.text}
        </p>
      ) : null}
      <div className="editor-body">
        {draft.view === 'json' ? (
          <JsonView
            text={draft.text}
            doc={draft.doc}
            syntax={draft.syntax}
            problems={problems}
            goTo={goTo}
          />
        ) : draft.syntax ? (
          <p className="editor-note">
            The JSON view has an error ({syntaxText(draft.syntax)}); the form comes back once it is
            fixed.{' '}
            <button type="button" className="btn btn--small" onClick={() => goToProblem(null)}>
              Show it
            </button>
          </p>
        ) : (
          <div className="editor-split">
            <NodeList
              doc={draft.doc}
              problems={problems}
              selected={selected}
              onSelect={select}
              onAdd={(kind) => {
                const next = addNode(draft.doc, kind);
                setDoc(next.doc);
                select(next.index);
              }}
            />
            {selected === 'scenario' ? (
              <ScenarioForm doc={draft.doc} problems={problems} onChange={change} />
            ) : (
              <NodeForm
                key={selected}
                doc={draft.doc}
                index={selected}
                problems={problems}
                onChange={change}
                onRename={(next) => setDoc(renameNode(draft.doc, selected, next))}
                onRemove={() => {
                  setDoc(removeNode(draft.doc, selected), removalMessage(draft.doc, selected));
                  select('scenario');
                }}
              />
            )}
          </div>
        )}
      </div>
      <div className="editor-foot">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="editor-apply"
          onClick={apply}
        >
          Apply
        </button>
        <button
          type="button"
          className="btn"
          data-testid="editor-cancel"
          onClick={() => {
            dropDraft();
            onClose();
          }}
        >
          Cancel
        </button>
        <span className="muted">Apply starts a new run from tick 0; Cancel drops the draft.</span>
      </div>
    </dialog>
  );
}
