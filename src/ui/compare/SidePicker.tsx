/**
 * One side's choice: any preset (grouped as in the main picker), an optional variant (another
 * delivery guarantee on every consumer, retry jitter on or off), or the edited scenario when the
 * editor has one. Changing it replaces that side's run; both sides go back to tick 0.
 */
import { useId } from 'react';
import type { Side } from '../../compare/compareLink';
import { isVariant, VARIANT_LABELS, VARIANTS, type Variant } from '../../compare/variants';
import { PRESET_CATALOG } from '../presetLoader';

const GROUPS = [...new Set(PRESET_CATALOG.map((p) => p.group))];
const EDITED = 'edited';

export interface SidePickerProps {
  label: string;
  side: Side;
  hasEdited: boolean;
  onChange(side: Side): void;
}

export function SidePicker({ label, side, hasEdited, onChange }: SidePickerProps) {
  const presetId = useId();
  const variantId = useId();
  const value = side.kind === 'edited' ? EDITED : side.id;
  const variant = side.kind === 'preset' ? (side.variant ?? '') : '';
  return (
    <div className="compare-picker">
      <label htmlFor={presetId} className="picker-label">
        {label}
      </label>
      <select
        id={presetId}
        className="select"
        data-testid="side-preset"
        value={value}
        onChange={(e) =>
          onChange(
            e.target.value === EDITED
              ? { kind: 'edited' }
              : {
                  kind: 'preset',
                  id: e.target.value,
                  variant: side.kind === 'preset' ? side.variant : null,
                },
          )
        }
      >
        {hasEdited || side.kind === 'edited' ? (
          <option value={EDITED}>Edited scenario</option>
        ) : null}
        {GROUPS.map((g) => (
          <optgroup key={g} label={g}>
            {PRESET_CATALOG.filter((p) => p.group === g).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor={variantId} className="picker-label">
        Variant
      </label>
      <select
        id={variantId}
        className="select"
        data-testid="side-variant"
        value={variant}
        disabled={side.kind === 'edited'}
        onChange={(e) => {
          if (side.kind !== 'preset') return;
          const v = e.target.value;
          onChange({ ...side, variant: isVariant(v) ? (v as Variant) : null });
        }}
      >
        <option value="">as written</option>
        {VARIANTS.map((v) => (
          <option key={v} value={v}>
            {VARIANT_LABELS[v as Variant]}
          </option>
        ))}
      </select>
    </div>
  );
}
