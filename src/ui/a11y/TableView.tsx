/**
 * The diagram as text (issue 7): a table of the nodes with the live numbers written on them, and
 * a table of the links with the messages moving on each. It is the canvas's text alternative
 * for screen readers and for anyone who prefers numbers; shown under the stage when "Table view"
 * is on. Refreshed when the store publishes (≤ ~10 Hz), not every frame.
 */
import { useEffect, useState } from 'react';
import { countByEdge } from '../../viz/edgeCounts';
import type { Layout } from '../../viz/layout';
import { nodeStatus, reportEntry } from '../../viz/nodeStats';
import { useSimStore } from '../SimStoreContext';

interface Rows {
  nodes: { id: string; name: string; kind: string; state: string; numbers: string }[];
  links: { key: string; from: string; to: string; moving: number }[];
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  producer: 'producer',
  exchange: 'exchange',
  queue: 'queue',
  consumer: 'consumer',
  service: 'service',
  topic: 'topic',
  member: 'group member',
  broker: 'broker',
};

export function TableView({ layout }: { layout: Layout }) {
  const store = useSimStore();
  const [rows, setRows] = useState<Rows>({ nodes: [], links: [] });

  useEffect(() => {
    const read = () => {
      const frame = store.frame();
      const raw = new Map(
        frame.scenario.nodes.map((n) => [n.id, n as unknown as Record<string, unknown>]),
      );
      const name = (id: string) => layout.nodeById.get(id)?.label ?? id;
      const counts = countByEdge(frame.flights, frame.displayUs, layout);
      const next: Rows = {
        nodes: layout.nodes.map((n) => {
          const status = nodeStatus(n.kind, reportEntry(frame.report, n.id), raw.get(n.id));
          return {
            id: n.id,
            name: n.label,
            kind: KIND_WORDS[n.kind] ?? n.kind,
            state: status.down ? 'DOWN' : status.warn ? 'under pressure' : 'up',
            numbers: status.lines.filter(Boolean).join(' · '),
          };
        }),
        links: layout.edges.map((e) => ({
          key: e.key,
          from: name(e.from),
          to: name(e.to),
          moving: counts.get(e) ?? 0,
        })),
      };
      setRows((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    read();
    return store.subscribe(read);
  }, [store, layout]);

  return (
    <section className="table-view" data-testid="table-view" aria-labelledby="table-view-title">
      <h3 id="table-view-title">The diagram as tables</h3>
      <table className="table-view-table">
        <caption>Nodes and their live numbers</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Numbers</th>
          </tr>
        </thead>
        <tbody>
          {rows.nodes.map((n) => (
            <tr key={n.id} data-node={n.id}>
              <th scope="row">{n.name}</th>
              <td>{n.kind}</td>
              <td>{n.state}</td>
              <td>{n.numbers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table-view-table">
        <caption>Messages moving on each link</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Moving</th>
          </tr>
        </thead>
        <tbody>
          {rows.links.map((l) => (
            <tr key={l.key} data-edge={l.key}>
              <td>{l.from}</td>
              <td>{l.to}</td>
              <td>{l.moving}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
