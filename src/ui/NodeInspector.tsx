/**
 * The inspector of the node clicked in the topology (the broker's badge included, even when the
 * broker is implicit): its live numbers (from the engine's report, refreshed when the store
 * publishes), its settings and faults, and for a dead-letter queue the dead letters it holds.
 * The log broker's things have their own views (logTargets.ts): a topic's partitions, a
 * consumer group (opened from a topic, a member or the groups panel), a member, the log
 * brokers. Every change is an input: it joins the run's timeline at the current tick, so
 * replay, reset and seek reproduce it.
 */
import { useMemo } from 'react';
import type { RunReport } from '../engine';
import { consumerSettings } from '../store/engineAccess';
import { membersLive, type MemberLive } from '../store/engineAccessLog';
import { reportEntry, type ReportEntry } from '../viz/nodeStats';
import { brokerId, deadLetterSources } from '../viz/scenarioFacts';
import { useShownScenario } from './useShownScenario';
import { DeadLetters } from './DeadLetters';
import { GroupDetails } from './GroupDetails';
import { InspectorActions } from './InspectorActions';
import { InspectorFields } from './InspectorFields';
import { hiddenServiceFields } from './inspectorFields';
import { LogClusterDetails } from './LogClusterDetails';
import { groupTarget, logTarget, type LogTarget } from './logTargets';
import { MemberDetails } from './MemberDetails';
import type { ActionContext } from './nodeActions';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';
import { TopicDetails } from './TopicDetails';

/** A service's publishing and consuming sides, listed under its id among producers and consumers. */
function sidesOf(report: RunReport, id: string): [string, ReportEntry, string][] {
  const out: [string, ReportEntry, string][] = [];
  const consumer = report.consumers[id] as unknown as ReportEntry | undefined;
  const producer = report.producers[id] as unknown as ReportEntry | undefined;
  if (consumer) out.push(['As a consumer of its queue', consumer, 'consumer']);
  if (producer) out.push(['As a publisher', producer, 'publisher']);
  return out;
}

function Head({ label, tag, onClose }: { label: string; tag: string; onClose(): void }) {
  return (
    <div className="panel-head">
      <h2 id="inspector-title" className="panel-title">
        {label} <span className="kind-tag">{tag}</span>
      </h2>
      <button
        type="button"
        className="btn btn--small"
        aria-label="Close the inspector"
        onClick={onClose}
      >
        ✕
      </button>
    </div>
  );
}

const LOG_TAGS: Readonly<Record<LogTarget['kind'], string>> = {
  topic: 'topic',
  group: 'consumer group',
  member: 'group member',
  logCluster: 'log cluster',
};

/** The body of a log target's inspector. */
function LogBody({ t, report }: { t: LogTarget; report: RunReport }) {
  const actions = useSim((s) => s.actions);
  const scenario = useShownScenario();
  if (t.kind === 'topic') {
    const node = scenario.nodes.find((n) => n.id === t.id)!;
    return (
      <TopicDetails
        node={node}
        report={report}
        onGroup={(g) => actions.selectNode(groupTarget(g))}
      />
    );
  }
  if (t.kind === 'group')
    return (
      <GroupDetails
        groupId={t.id}
        group={report.groups[t.id]!}
        onMember={(m) => actions.selectNode(m)}
      />
    );
  if (t.kind === 'member') {
    const member = t.facts.member as MemberLive;
    const node = scenario.nodes.find((n) => n.id === t.id);
    const startMs = node?.kind === 'consumer' ? (node.startMs ?? 0) : 0;
    return (
      <MemberDetails
        member={member}
        startMs={startMs}
        nowMs={report.simulatedMs}
        onGroup={() => actions.selectNode(groupTarget(member.group))}
      />
    );
  }
  return <LogClusterDetails up={t.facts.brokersUp as boolean[]} report={report} />;
}

export function NodeInspector() {
  useRenderCount('NodeInspector');
  const store = useSimStore();
  const nodeId = useSim((s) => s.selectedNode);
  const scenario = useShownScenario();
  const report = useSim((s) => s.report);
  const actions = useSim((s) => s.actions);
  const dlqs = useMemo(() => deadLetterSources(scenario), [scenario]);
  if (!nodeId) return null;
  const close = () => actions.selectNode(null);
  const log = logTarget(nodeId, scenario, report, store.sim());
  if (log) {
    const ctx: ActionContext | null = log.entry
      ? { nodeId: log.id, scenario, entry: log.entry, facts: log.facts }
      : null;
    return (
      <section
        className="panel inspector"
        aria-labelledby="inspector-title"
        data-testid="inspector"
        data-kind={log.kind}
      >
        <Head label={log.label} tag={LOG_TAGS[log.kind]} onClose={close} />
        <LogBody t={log} report={report} />
        {ctx ? <InspectorActions kind={log.kind} ctx={ctx} /> : null}
      </section>
    );
  }
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
          // Retry policy and guarantee as they are now (inputs change them; not in the report).
          settings: kind === 'consumer' ? consumerSettings(store.sim(), nodeId) : undefined,
        },
      }
    : null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <Head label={label} tag={dlq ? 'dead-letter queue' : kind} onClose={close} />
      {entry ? (
        <InspectorFields
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
              <InspectorFields entry={side} prefix={`inspect-${key}`} />
            </details>
          ))
        : null}
      {kind === 'service' ? <ServiceMember serviceId={nodeId} /> : null}
      {dlq ? <DeadLetters queueId={nodeId} /> : null}
      {ctx ? <InspectorActions kind={kind} ctx={ctx} /> : null}
    </section>
  );
}

/** A service that reads a topic is a member of its own group: that side, folded. */
function ServiceMember({ serviceId }: { serviceId: string }) {
  const store = useSimStore();
  const actions = useSim((s) => s.actions);
  const nowMs = useSim((s) => s.report.simulatedMs);
  const member = membersLive(store.sim()).get(serviceId);
  if (!member) return null;
  return (
    <details className="inspector-side">
      <summary>As a member of its group</summary>
      <MemberDetails
        member={member}
        startMs={0}
        nowMs={nowMs}
        onGroup={() => actions.selectNode(groupTarget(member.group))}
      />
    </details>
  );
}
