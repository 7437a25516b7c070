/**
 * A lesson's step: the step counter and the list of steps (jump to any), the narration (the
 * caption in presenter mode), the question, and the buttons: back, run, show the result at
 * once, next, leave to experiment or come back, present, a link to the step.
 */
import { useStore } from 'zustand';
import { lessonUi } from '../lessonEntry';
import type { Player } from './player';
import { startPresenting, stopPresenting } from './presenter';
import { StepQuestion } from './StepQuestion';

interface Props {
  player: Player;
  onClose(): void;
  onList(): void;
  /** The address of a step (0-based), or null when the lesson cannot be linked to. */
  linkFor(step: number): string | null;
}

export function LessonStep({ player, onClose, onList, linkFor }: Props) {
  const s = useStore(player.state);
  const presenting = useStore(lessonUi, (u) => u.presenting);
  const lesson = s.lesson!;
  const step = lesson.steps[s.step]!;
  const answer = s.answers[s.step];
  const last = lesson.steps.length - 1;
  const canRun =
    s.phase === 'ready' && !s.busy && (!step.question || (answer?.picked ?? null) !== null);
  const counter = `Step ${s.step + 1} of ${lesson.steps.length}`;

  if (s.away)
    return (
      <div className="lesson-away" data-testid="lesson-away">
        <p>
          <strong>{lesson.title}</strong> · {counter}: you are trying things yourself. The controls
          are yours.
        </p>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="lesson-back-to"
          onClick={() => void player.comeBack()}
        >
          Back to the lesson
        </button>
      </div>
    );

  return (
    <div
      className="lesson-step"
      data-testid="lesson-step"
      data-step={s.step + 1}
      data-phase={s.phase}
      data-busy={s.busy}
    >
      <div className="lesson-head">
        <h2 className="lesson-title">{lesson.title}</h2>
        <p className="lesson-counter" data-testid="lesson-counter" aria-live="polite">
          {counter}
        </p>
        <div className="lesson-head-actions">
          {presenting ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={stopPresenting}
              data-testid="present-stop"
            >
              Stop presenting
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--small"
              onClick={startPresenting}
              data-testid="present"
            >
              Present
            </button>
          )}
          <button type="button" className="btn btn--small lesson-chrome" onClick={onList}>
            All lessons
          </button>
          <button type="button" className="btn btn--small lesson-chrome" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <ol className="lesson-steps" aria-label="Steps">
        {lesson.steps.map((st, i) => (
          <li key={i}>
            <button
              type="button"
              className={`lesson-step-jump${i === s.step ? ' is-current' : ''}${s.answers[i]?.done ? ' is-done' : ''}`}
              aria-current={i === s.step ? 'step' : undefined}
              data-testid={`step-${i + 1}`}
              title={st.title}
              onClick={() => void player.show(i)}
            >
              {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <h3 className="lesson-step-title">{step.title}</h3>
      <p className="lesson-narration" data-testid="lesson-narration">
        {step.narration}
      </p>
      {step.question ? (
        <StepQuestion
          question={step.question}
          answer={answer}
          phase={s.phase}
          onPick={player.pick}
        />
      ) : null}
      {s.error ? (
        <p className="notice notice--error" role="alert">
          This step could not be shown: {s.error}
        </p>
      ) : null}
      <div className="lesson-actions">
        <button
          type="button"
          className="btn"
          data-testid="lesson-back"
          disabled={s.step === 0}
          onClick={() => void player.back()}
        >
          ← Back
        </button>
        {s.phase === 'answered' ? (
          <button
            type="button"
            className="btn"
            data-testid="lesson-replay"
            onClick={() => void player.replay()}
          >
            Run again
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn btn--primary"
              data-testid="lesson-run"
              disabled={!canRun}
              onClick={() => void player.run()}
            >
              {s.phase === 'running' ? 'Running…' : 'Run'}
            </button>
            <button
              type="button"
              className="btn lesson-chrome"
              data-testid="lesson-skip"
              disabled={!canRun}
              onClick={() => void player.skipToResult()}
            >
              Show the result now
            </button>
          </>
        )}
        <button
          type="button"
          className="btn"
          data-testid="lesson-next"
          disabled={s.step === last}
          onClick={() => void player.next()}
        >
          Next →
        </button>
        <button
          type="button"
          className="btn lesson-chrome"
          data-testid="lesson-leave"
          onClick={player.leave}
        >
          Try it yourself
        </button>
        {linkFor(s.step) ? (
          <a
            className="lesson-link lesson-chrome"
            data-testid="lesson-link"
            href={linkFor(s.step)!}
          >
            Link to this step
          </a>
        ) : null}
      </div>
    </div>
  );
}
