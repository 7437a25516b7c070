/** The paths of the fields a form shows, for placing the validator's problems at them. */
import { asRecord, getAt } from './docEdit';
import { DIST_SUBKEYS, KIND_FIELDS, SCENARIO_FIELDS, type FieldSpec } from './fields';
import { EDITOR_KINDS, type EditorKind } from './nodeDefaults';
import type { Path } from './paths';

export const isEditorKind = (k: unknown): k is EditorKind =>
  (EDITOR_KINDS as readonly unknown[]).includes(k);

function specPaths(spec: FieldSpec, base: Path, doc: unknown): Path[] {
  const at = [...base, spec.key];
  if (spec.type === 'dist') return [at, ...DIST_SUBKEYS.map((k) => [...at, k])];
  if (spec.type === 'bindings') {
    const list = getAt(doc, at);
    const rows = Array.isArray(list) ? list.length : 0;
    const out: Path[] = [at];
    for (let j = 0; j < rows; j++) out.push([...at, j], [...at, j, 'queue'], [...at, j, 'key']);
    return out;
  }
  return [at];
}

/** The fields of node `index`'s form: id, label and its kind's settings. */
export function nodeFieldSpecs(doc: unknown, index: number): readonly FieldSpec[] {
  const kind = asRecord(getAt(doc, ['nodes', index]))?.kind;
  return isEditorKind(kind) ? KIND_FIELDS[kind] : [];
}

export function nodeFormPaths(doc: unknown, index: number): Path[] {
  const base = ['nodes', index];
  return [
    [...base, 'id'],
    [...base, 'label'],
    ...nodeFieldSpecs(doc, index).flatMap((s) => specPaths(s, base, doc)),
  ];
}

export const scenarioFormPaths = (): Path[] => SCENARIO_FIELDS.map((s) => [s.key]);
