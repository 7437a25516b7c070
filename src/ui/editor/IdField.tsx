/**
 * A node's id. It is committed on Enter or when the field loses focus, not on every key: the
 * links that name the node follow a rename, and a half-typed id could briefly equal another
 * node's.
 */
import { useState } from 'react';
import { fieldDomId, fieldKey } from './fieldIds';
import { FieldProblems } from './FieldProblems';
import type { Path, Problem } from './paths';

export function IdField({
  path,
  value,
  problems,
  onCommit,
}: {
  path: Path;
  value: string;
  problems: readonly Problem[];
  onCommit(next: string): void;
}) {
  const [typed, setTyped] = useState<{ text: string; of: string } | null>(null);
  const text = typed && typed.of === value ? typed.text : value;
  const id = fieldDomId(path);
  const commit = () => {
    if (typed && typed.of === value && typed.text !== value) onCommit(typed.text.trim());
    setTyped(null);
  };
  return (
    <div className="editor-field" data-field={fieldKey(path)}>
      <label htmlFor={id}>Id</label>
      <input
        id={id}
        className="input editor-text"
        type="text"
        maxLength={64}
        spellCheck={false}
        value={text}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => setTyped({ text: e.target.value, of: value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && typed) {
            e.stopPropagation();
            e.preventDefault();
            setTyped(null);
          }
        }}
      />
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
