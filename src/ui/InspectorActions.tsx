/**
 * The inspector's settings and faults for one node: buttons, number settings and small forms
 * (nodeActions.ts). Every change is an input on the timeline at the current tick.
 */
import { ActionForm } from './ActionForm';
import { actionsFor, type ActionContext } from './nodeActions';
import { NumberSetting } from './NumberSetting';
import { useSim } from './SimStoreContext';

export function InspectorActions({ kind, ctx }: { kind: string; ctx: ActionContext }) {
  const finished = useSim((s) => s.finished);
  const applyInput = useSim((s) => s.actions.applyInput);
  // A removed consumer takes no inputs any more (the engine's validation refuses them).
  if (ctx.entry.removed === true)
    return <p className="muted hint">Removed: it takes no new messages and no more changes.</p>;
  const offered = actionsFor(kind).filter((a) => a.kind === 'number' || a.when(ctx));
  if (offered.length === 0) return null;
  return (
    <div className="settings" role="group" aria-label="Settings and faults">
      {offered.map((a) => {
        const key = `${ctx.nodeId}-${a.id}`;
        if (a.kind === 'button')
          return (
            <button
              key={key}
              type="button"
              className="btn"
              data-testid={`action-${a.id}`}
              disabled={finished}
              onClick={() => applyInput(a.input(ctx))}
            >
              {a.label}
            </button>
          );
        if (a.kind === 'form')
          return <ActionForm key={key} action={a} ctx={ctx} disabled={finished} />;
        return (
          <NumberSetting
            key={key}
            action={a}
            nodeId={ctx.nodeId}
            current={a.value(ctx)}
            disabled={finished}
          />
        );
      })}
      <p className="muted hint">Changes are inputs on the timeline at the current tick.</p>
    </div>
  );
}
