/**
 * Comparison documents (issue 4): one workload, one fault schedule, two designs. The file holds
 * the client producers once (`workload`), the shared `schedule`, and the nodes of each design
 * (`sync`, `async`); each design runs as an ordinary scenario made of the workload plus its own
 * nodes, with the same seed, so both see exactly the same order arrivals and the same faults.
 */
import type { Scenario } from './scenarioSchema';
import { validateScenario, type Validation } from './validate';

export const DESIGNS = ['sync', 'async'] as const;
export type Design = (typeof DESIGNS)[number];

export const DESIGN_LABELS: Record<Design, string> = {
  sync: 'synchronous',
  async: 'asynchronous',
};

export interface Comparison {
  name: string;
  description: string;
  sync: Scenario;
  async: Scenario;
}

const SHARED = [
  '$schema',
  'version',
  'name',
  'description',
  'seed',
  'durationMs',
  'tickMs',
  'linkLatencyMs',
  'logBrokers',
  'schedule',
] as const;
const TOP = new Set<string>([...SHARED, 'kind', 'workload', ...DESIGNS]);

function record(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : null;
}

/** Is this document a comparison (rather than a plain scenario)? */
export function isComparison(raw: unknown): boolean {
  return record(raw)?.kind === 'compare';
}

/** The raw scenario document of one design (not validated). */
export function designDocument(raw: unknown, design: Design): Record<string, unknown> {
  const doc = record(raw) ?? {};
  const side = record(doc[design]) ?? {};
  const out: Record<string, unknown> = {};
  for (const key of SHARED) if (Object.hasOwn(doc, key)) out[key] = doc[key];
  out.name = `${typeof doc.name === 'string' ? doc.name : 'comparison'} (${DESIGN_LABELS[design]})`;
  const workload = Array.isArray(doc.workload) ? doc.workload : [];
  const nodes = Array.isArray(side.nodes) ? side.nodes : [];
  out.nodes = [...workload, ...nodes];
  // Faults on nodes only one design has (a worker of a work queue) go in that design's schedule.
  if (Array.isArray(side.schedule))
    out.schedule = [...(Array.isArray(doc.schedule) ? doc.schedule : []), ...side.schedule];
  return out;
}

/** Map an error of a design's scenario back to the comparison document's path. */
function remap(
  line: string,
  design: Design,
  workloadLength: number,
  sharedSchedule: number,
): string {
  const sch = /^schedule\[(\d+)\](.*)$/s.exec(line);
  if (sch) {
    const i = Number(sch[1]);
    return i < sharedSchedule ? line : `${design}.schedule[${i - sharedSchedule}]${sch[2]!}`;
  }
  const m = /^nodes\[(\d+)\](.*)$/s.exec(line);
  if (!m) return line;
  const i = Number(m[1]);
  return i < workloadLength
    ? `workload[${i}]${m[2]!}`
    : `${design}.nodes[${i - workloadLength}]${m[2]!}`;
}

export function validateComparison(raw: unknown): Validation<Comparison> {
  const doc = record(raw);
  if (!doc) return { ok: false, errors: ['(comparison): must be an object'] };
  const errors: string[] = [];
  for (const key of Object.keys(doc))
    if (!TOP.has(key))
      errors.push(`${key}: unknown field (a comparison holds ${[...TOP].join(', ')})`);
  if (doc.kind !== 'compare') errors.push('kind: must be "compare"');
  const workload = Array.isArray(doc.workload) ? doc.workload : null;
  if (!workload || workload.length === 0)
    errors.push(
      'workload: must be a non-empty list of producer nodes (the clients of both designs)',
    );
  else
    workload.forEach((n, i) => {
      if (record(n)?.kind !== 'producer') errors.push(`workload[${i}].kind: must be "producer"`);
    });
  const sides: Partial<Record<Design, Scenario>> = {};
  for (const design of DESIGNS) {
    const side = record(doc[design]);
    if (!side || !Array.isArray(side.nodes)) {
      errors.push(`${design}: must be an object with the design's "nodes"`);
      continue;
    }
    for (const key of Object.keys(side))
      if (key !== 'nodes' && key !== 'schedule')
        errors.push(`${design}.${key}: unknown field (a design holds "nodes" and "schedule")`);
    const v = validateScenario(designDocument(doc, design));
    if (v.ok) sides[design] = v.value;
    else
      errors.push(
        ...v.errors.map((e) =>
          remap(
            e,
            design,
            workload?.length ?? 0,
            Array.isArray(doc.schedule) ? doc.schedule.length : 0,
          ),
        ),
      );
  }
  const unique = [...new Set(errors)];
  if (unique.length > 0 || !sides.sync || !sides.async) return { ok: false, errors: unique };
  return {
    ok: true,
    value: {
      name: String(doc.name),
      description: typeof doc.description === 'string' ? doc.description : '',
      sync: sides.sync,
      async: sides.async,
    },
  };
}
