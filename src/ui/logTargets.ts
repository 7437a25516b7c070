/**
 * What the inspector shows for the log broker's things (issue 6): a topic, a consumer group (not
 * a node of the scenario: selected as `#group:<id>` from a topic, a member or the groups panel),
 * a group member, and the log brokers' badge. Each gets its kind (for the action table), a
 * title, the numbers it reports and the facts its actions need (which partitions are paused,
 * which brokers are up).
 */
import type { RunReport, Scenario, SimState } from '../engine';
import { logBrokersUp, membersLive, partitionsOf } from '../store/engineAccessLog';
import { LOG_CLUSTER_ID } from '../viz/layoutTopics';
import type { ReportEntry } from '../viz/nodeStats';

export const GROUP_PREFIX = '#group:';
export const groupTarget = (groupId: string) => `${GROUP_PREFIX}${groupId}`;

export interface LogTarget {
  kind: 'topic' | 'group' | 'member' | 'logCluster';
  /** The id inputs name: the topic, the group, the member; '' for the cluster. */
  id: string;
  label: string;
  entry: ReportEntry | null;
  facts: Record<string, unknown>;
}

/** The log target a selected id stands for, or null when it is not one. */
export function logTarget(
  selected: string,
  scenario: Scenario,
  report: RunReport,
  sim: Readonly<SimState>,
): LogTarget | null {
  if (selected === LOG_CLUSTER_ID) {
    const up = [...logBrokersUp(sim)];
    return {
      kind: 'logCluster',
      id: '',
      label: 'Log brokers',
      entry: { brokers: up.length, down: up.filter((u) => !u).length },
      facts: { brokersUp: up },
    };
  }
  if (selected.startsWith(GROUP_PREFIX)) {
    const id = selected.slice(GROUP_PREFIX.length);
    const g = report.groups?.[id];
    if (!g) return null;
    return {
      kind: 'group',
      id,
      label: id,
      entry: g as unknown as ReportEntry,
      facts: {},
    };
  }
  const node = scenario.nodes.find((n) => n.id === selected);
  if (node?.kind === 'topic') {
    const parts = partitionsOf(sim, node.id);
    return {
      kind: 'topic',
      id: node.id,
      label: node.label ?? node.id,
      entry: (report.topics?.[node.id] ?? null) as unknown as ReportEntry | null,
      facts: {
        partitions: parts.length,
        paused: parts.flatMap((p, i) => (p.paused ? [i] : [])),
      },
    };
  }
  const member = membersLive(sim).get(selected);
  if (node?.kind === 'consumer' && member) {
    const { positions: _p, owns: _o, stats, ...rest } = member;
    return {
      kind: 'member',
      id: node.id,
      label: node.label ?? node.id,
      entry: { ...rest, ...stats } as unknown as ReportEntry,
      facts: { member },
    };
  }
  return null;
}
