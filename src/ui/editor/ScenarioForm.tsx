/** The scenario's own settings, and the problems of parts the form does not show (schedule). */
import { Field } from './Field';
import { SCENARIO_FIELDS } from './fields';
import { scenarioFormPaths } from './formPaths';
import { nodeIndexOf, placeProblems, type Path, type Problem } from './paths';

export function ScenarioForm({
  doc,
  problems,
  onChange,
}: {
  doc: unknown;
  problems: readonly Problem[];
  onChange(path: Path, value: unknown): void;
}) {
  const top = problems.filter((p) => nodeIndexOf(p.path) === null);
  const { at, rest } = placeProblems(top, scenarioFormPaths());
  return (
    <section
      className="editor-form"
      aria-labelledby="editor-scenario-title"
      data-testid="scenario-form"
    >
      <h3 id="editor-scenario-title" className="editor-form-title">
        Scenario settings
      </h3>
      {rest.length > 0 ? (
        <ul className="editor-field-problems" data-testid="scenario-problems">
          {rest.map((p) => (
            <li key={p.text}>{p.text}</li>
          ))}
        </ul>
      ) : null}
      <div className="editor-fields">
        {SCENARIO_FIELDS.map((s) => (
          <Field key={s.key} spec={s} base={[]} doc={doc} problemsAt={at} onChange={onChange} />
        ))}
      </div>
      <p className="muted editor-others">The schedule of faults is edited in the JSON view.</p>
    </section>
  );
}
