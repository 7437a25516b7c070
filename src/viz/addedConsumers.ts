/**
 * Consumers the run adds (consumerAdded inputs, in the scenario's schedule or the timeline) in
 * the picture: the scenario the page draws and inspects is the scenario plus a node for each,
 * a copy of its template (`like`) under the new id, placed right after the template (and the
 * copies already made of it), so the layout puts it in the same column, next to it, with the
 * same edges. Like a partition row (layoutTopics.ts), it is drawn from the start, faint until it
 * exists ("not added yet"); once removed it stays, greyed and dashed, "removed" (its report
 * entry says so, so a seek back before the removal draws it live again).
 */
import type { Scenario, ScenarioNode } from '../engine';
import type { NodeStatus, ReportEntry } from './nodeStats';

type Raw = Readonly<Record<string, unknown>>;

/**
 * The field marking a node the run adds (on the drawn copy only, never sent to the engine). Its
 * template's id sits under `id`, a field the graph never reads as an edge (graph.ts).
 */
export const ADDED_LIKE = 'addedLike';

/** The template of an added consumer's drawn node, or undefined for a declared one. */
export function addedLikeOf(raw: Raw | undefined): string | undefined {
  const v = raw?.[ADDED_LIKE] as Raw | undefined;
  return typeof v?.id === 'string' ? v.id : undefined;
}

/** The consumerAdded inputs of the schedule, then of the timeline: [new id, like]. */
export function addedConsumers(
  scenario: Scenario,
  timeline: readonly { input: unknown }[] = [],
): [string, string][] {
  const out: [string, string][] = [];
  const take = (input: unknown) => {
    const i = input as Raw | null;
    if (i?.type !== 'consumerAdded') return;
    if (typeof i.consumerId === 'string' && typeof i.like === 'string')
      out.push([i.consumerId, i.like]);
  };
  for (const s of scenario.schedule ?? []) take(s.input);
  for (const t of timeline) take(t.input);
  return out;
}

/** The scenario with a node for each added consumer, after its template's copies. */
export function withAddedConsumers(
  scenario: Scenario,
  added: readonly [string, string][],
): Scenario {
  if (added.length === 0) return scenario;
  const nodes: ScenarioNode[] = [...scenario.nodes];
  const ids = new Set(nodes.map((n) => n.id));
  for (const [id, like] of added) {
    const at = nodes.findIndex((n) => n.id === like);
    const template = nodes[at];
    if (ids.has(id) || template?.kind !== 'consumer') continue;
    // After the template and the copies that follow it, so copies keep the order they came in.
    let end = at + 1;
    while (end < nodes.length && (nodes[end] as unknown as Raw)[ADDED_LIKE] !== undefined) end++;
    const copy = { ...template, id, label: id, [ADDED_LIKE]: { id: like } } as ScenarioNode;
    nodes.splice(end, 0, copy);
    ids.add(id);
  }
  return { ...scenario, nodes };
}

/**
 * The status of an added or removed consumer (or member): "not added yet" before its input ran,
 * "removed" after; otherwise `base` unchanged.
 */
export function scaledStatus(
  entry: ReportEntry | null,
  raw: Raw | undefined,
  base: NodeStatus,
): NodeStatus {
  const like = addedLikeOf(raw);
  if (!entry && like !== undefined)
    return {
      lines: ['not added yet', `like ${like}`],
      down: false,
      warn: false,
      depth: null,
      absent: true,
    };
  if (entry?.removed !== true) return base;
  const busy = typeof entry.busy === 'number' ? entry.busy : entry.busy === true ? 1 : 0;
  return {
    lines: ['removed', busy > 0 ? `finishing ${busy}` : 'gone'],
    down: false,
    warn: false,
    depth: null,
    removed: true,
  };
}

/** The first free id after `id` in its numbering: worker-2 → worker-3, c → c-2. */
export function nextConsumerId(id: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  const stem = m ? m[1]! : `${id}-`;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}
