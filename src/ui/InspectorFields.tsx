/** A node's report numbers as a list of labelled values (inspectorFields.ts words them). */
import type { ReportEntry } from '../viz/nodeStats';
import { inspectorFields } from './inspectorFields';

export function InspectorFields({
  entry,
  prefix,
  hidden,
}: {
  entry: ReportEntry;
  prefix: string;
  hidden?: ReadonlySet<string>;
}) {
  return (
    <dl className="fields">
      {inspectorFields(entry, hidden).map((f) => (
        <div key={f.key} className="field">
          <dt>{f.label}</dt>
          <dd data-testid={`${prefix}-${f.key}`}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
