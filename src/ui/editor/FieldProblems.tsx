/** The problems the validator found at one field, under it (text only). */
import type { Problem } from './paths';

export function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="editor-field-problems" data-testid="field-problem">
      {problems.map((p) => (
        <li key={p.text}>{p.reason}</li>
      ))}
    </ul>
  );
}
