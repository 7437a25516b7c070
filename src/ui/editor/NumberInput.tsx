/**
 * A number of the document. What is typed stays as typed while it means the document's value
 * (so "0." or "-" can be typed on the way); an empty field removes the setting.
 */
import { useState } from 'react';

export function NumberInput({
  id,
  value,
  min,
  max,
  integer,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  value: unknown;
  min?: number;
  max?: number;
  integer?: boolean;
  invalid: boolean;
  describedBy?: string;
  onChange(next: number | undefined): void;
}) {
  const [typed, setTyped] = useState<{ text: string; means: unknown } | null>(null);
  const shown =
    typed && Object.is(typed.means, value)
      ? typed.text
      : typeof value === 'number'
        ? String(value)
        : '';
  return (
    <input
      id={id}
      className="input editor-number"
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      value={shown}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      onChange={(e) => {
        const text = e.target.value;
        const n = text.trim() === '' ? undefined : Number(text);
        const next = n !== undefined && Number.isFinite(n) ? n : undefined;
        setTyped({ text, means: next });
        onChange(next);
      }}
    />
  );
}
