/**
 * The inspector of the node clicked in the topology: its live numbers (from the engine's report,
 * refreshed when the store publishes) and its editable settings. Every change is an input: it
 * joins the run's timeline at the current tick, so replay, reset and seek reproduce it.
 */
import { reportEntry } from '../viz/nodeStats';
import { inspectorFields } from './inspectorFields';
import { actionsFor } from './nodeActions';
import { NumberSetting } from './NumberSetting';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

export function NodeInspector() {
  useRenderCount('NodeInspector');
  const nodeId = useSim((s) => s.selectedNode);
  const scenario = useSim((s) => s.scenario);
  const report = useSim((s) => s.report);
  const finished = useSim((s) => s.finished);
  const actions = useSim((s) => s.actions);
  const node = scenario.nodes.find((n) => n.id === nodeId);
  if (!nodeId || !node) return null;
  const entry = reportEntry(report, nodeId);
  const offered = actionsFor(node.kind);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <div className="panel-head">
        <h2 id="inspector-title" className="panel-title">
          {node.label ?? node.id} <span className="kind-tag">{node.kind}</span>
        </h2>
        <button
          type="button"
          className="btn btn--small"
          aria-label="Close the inspector"
          onClick={() => actions.selectNode(null)}
        >
          ✕
        </button>
      </div>
      {entry ? (
        <dl className="fields">
          {inspectorFields(entry).map((f) => (
            <div key={f.key} className="field">
              <dt>{f.label}</dt>
              <dd data-testid={`inspect-${f.key}`}>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No live numbers for this kind of node.</p>
      )}
      {offered.length > 0 ? (
        <div className="settings" role="group" aria-label="Settings and faults">
          {offered.map((a) =>
            a.kind === 'button' ? (
              entry && a.when(entry) ? (
                <button
                  key={a.id}
                  type="button"
                  className="btn"
                  data-testid={`action-${a.id}`}
                  disabled={finished}
                  onClick={() => actions.applyInput(a.input(nodeId))}
                >
                  {a.label}
                </button>
              ) : null
            ) : (
              <NumberSetting
                key={`${nodeId}-${a.id}`}
                action={a}
                nodeId={nodeId}
                current={entry ? a.value(entry) : undefined}
                disabled={finished}
              />
            ),
          )}
          <p className="muted hint">Changes are inputs on the timeline at the current tick.</p>
        </div>
      ) : null}
    </section>
  );
}
