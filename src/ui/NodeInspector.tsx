/**
 * The inspector of the node clicked in the topology (the broker's badge included, even when the
 * broker is implicit): its live numbers (from the engine's report, refreshed when the store
 * publishes), its settings and faults, and for a dead-letter queue the dead letters it holds.
 * Every change is an input: it joins the run's timeline at the current tick, so replay, reset
 * and seek reproduce it.
 */
import { useMemo } from 'react';
import type { RunReport } from '../engine';
import { reportEntry, type ReportEntry } from '../viz/nodeStats';
import { brokerId, deadLetterSources } from '../viz/scenarioFacts';
import { DeadLetters } from './DeadLetters';
import { InspectorActions } from './InspectorActions';
import { hiddenServiceFields, inspectorFields } from './inspectorFields';
import type { ActionContext } from './nodeActions';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';

/** A service's publishing and consuming sides, listed under its id among producers and consumers. */
function sidesOf(report: RunReport, id: string): [string, ReportEntry, string][] {
  const out: [string, ReportEntry, string][] = [];
  const consumer = report.consumers[id] as unknown as ReportEntry | undefined;
  const producer = report.producers[id] as unknown as ReportEntry | undefined;
  if (consumer) out.push(['As a consumer of its queue', consumer, 'consumer']);
  if (producer) out.push(['As a publisher', producer, 'publisher']);
  return out;
}

function Fields({
  entry,
  prefix,
  hidden,
}: {
  entry: ReportEntry;
  prefix: string;
  hidden?: ReadonlySet<string>;
}) {
  return (
    <dl className="fields">
      {inspectorFields(entry, hidden).map((f) => (
        <div key={f.key} className="field">
          <dt>{f.label}</dt>
          <dd data-testid={`${prefix}-${f.key}`}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NodeInspector() {
  useRenderCount('NodeInspector');
  const store = useSimStore();
  const nodeId = useSim((s) => s.selectedNode);
  const scenario = useSim((s) => s.scenario);
  const report = useSim((s) => s.report);
  const actions = useSim((s) => s.actions);
  const dlqs = useMemo(() => deadLetterSources(scenario), [scenario]);
  if (!nodeId) return null;
  const declared = scenario.nodes.find((n) => n.id === nodeId);
  const implicitBroker = !declared && nodeId === brokerId(scenario);
  if (!declared && !implicitBroker) return null;
  const kind = declared?.kind ?? 'broker';
  const label = declared?.label ?? (implicitBroker ? `${nodeId} (implicit)` : nodeId);
  const entry = reportEntry(report, nodeId);
  const dlq = kind === 'queue' && dlqs.has(nodeId);
  const ctx: ActionContext | null = entry
    ? {
        nodeId,
        scenario,
        entry,
        facts: {
          dlq,
          deadLetterSources: dlqs.get(nodeId) ?? [],
          failureRate:
            kind === 'consumer' || kind === 'service' ? store.failureRate(nodeId) : undefined,
        },
      }
    : null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <div className="panel-head">
        <h2 id="inspector-title" className="panel-title">
          {label} <span className="kind-tag">{dlq ? 'dead-letter queue' : kind}</span>
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
        <Fields
          entry={entry}
          prefix="inspect"
          hidden={
            kind === 'service'
              ? hiddenServiceFields(declared as unknown as Record<string, unknown>)
              : undefined
          }
        />
      ) : (
        <p className="muted">No live numbers for this kind of node.</p>
      )}
      {kind === 'service'
        ? sidesOf(report, nodeId).map(([title, side, key]) => (
            <details key={key} className="inspector-side">
              <summary>{title}</summary>
              <Fields entry={side} prefix={`inspect-${key}`} />
            </details>
          ))
        : null}
      {dlq ? <DeadLetters queueId={nodeId} /> : null}
      {ctx ? <InspectorActions kind={kind} ctx={ctx} /> : null}
    </section>
  );
}
