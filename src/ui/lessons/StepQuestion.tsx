/**
 * Predict-then-run: the choices are shown before the run, one is picked, and after the run the
 * right one (from the engine's number) and the student's are marked, with the explanation
 * holding that number.
 */
import type { Question } from '../../lessons/lessonSchema';
import type { Phase, StepAnswer } from './player';

interface Props {
  question: Question;
  answer: StepAnswer | undefined;
  phase: Phase;
  onPick(choice: number): void;
}

function verdict(picked: number | null, right: number): string {
  if (right < 0) return 'The run gave a number no choice holds: the lesson needs fixing.';
  if (picked === null) return 'You did not pick an answer.';
  return picked === right ? 'Your prediction was right.' : 'Not what you predicted.';
}

export function StepQuestion({ question, answer, phase, onPick }: Props) {
  const picked = answer?.picked ?? null;
  const result = phase === 'answered' ? (answer?.result ?? null) : null;
  const right = result?.ok ? result.right : -1;
  return (
    <fieldset className="lesson-question" data-testid="lesson-question">
      <legend className="lesson-prompt">{question.prompt}</legend>
      <div className="lesson-choices" role="group" aria-label="Your prediction">
        {question.choices.map((c, i) => {
          const marks = [
            result?.ok && i === right ? 'is-right' : '',
            i === picked ? 'is-picked' : '',
          ].join(' ');
          return (
            <button
              key={i}
              type="button"
              className={`lesson-choice ${marks}`}
              data-testid={`choice-${i + 1}`}
              aria-pressed={i === picked}
              disabled={phase !== 'ready'}
              onClick={() => onPick(i)}
            >
              <span className="lesson-choice-key">{String.fromCharCode(65 + i)}</span> {c.label}
              {result?.ok && i === right ? (
                <strong className="lesson-mark"> ✓ the run's answer</strong>
              ) : null}
              {result?.ok && i === picked && i !== right ? (
                <span className="lesson-mark"> (your prediction)</span>
              ) : null}
            </button>
          );
        })}
      </div>
      {phase === 'ready' && picked === null ? (
        <p className="muted">Pick your prediction, then run the step.</p>
      ) : null}
      {result ? (
        result.ok ? (
          <div className="lesson-result" role="status">
            <p className="lesson-verdict" data-testid="lesson-verdict">
              {verdict(picked, right)}
            </p>
            <p
              className="lesson-explain"
              data-testid="lesson-explain"
              data-value={result.value}
              data-right={right}
            >
              {result.explain}
            </p>
          </div>
        ) : (
          <p className="notice notice--error" role="alert">
            {result.error}
          </p>
        )
      ) : null}
    </fieldset>
  );
}
