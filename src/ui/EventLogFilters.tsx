/** The event log's filters: by event type (those present in the log) and by node. */
import { useId } from 'react';
import type { ScenarioNode } from '../engine';
import type { LogFilter } from './eventLogRows';

export function EventLogFilters({
  filter,
  onChange,
  types,
  nodes,
}: {
  filter: LogFilter;
  onChange(next: LogFilter): void;
  types: readonly string[];
  nodes: readonly ScenarioNode[];
}) {
  const typeId = useId();
  const nodeId = useId();
  return (
    <div className="log-filters">
      <label htmlFor={typeId}>Event type</label>
      <select
        id={typeId}
        className="select select--small"
        data-testid="log-filter-type"
        value={filter.type}
        onChange={(e) => onChange({ ...filter, type: e.target.value })}
      >
        <option value="">All types</option>
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor={nodeId}>Node</label>
      <select
        id={nodeId}
        className="select select--small"
        data-testid="log-filter-node"
        value={filter.node}
        onChange={(e) => onChange({ ...filter, node: e.target.value })}
      >
        <option value="">All nodes</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.label ?? n.id}
          </option>
        ))}
      </select>
    </div>
  );
}
