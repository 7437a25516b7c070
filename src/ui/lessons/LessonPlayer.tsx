/**
 * The lesson player (loaded when the "Lessons" button is pressed or the page opens on a lesson
 * link): the list of the course, or a lesson's step with its narration, its question, the
 * navigation and presenter mode. The step's run is in the page's main view, or for a step that
 * compares two designs in the compare view's pair shown in its place (player.ts, LessonPair.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Lesson } from '../../lessons/lessonSchema';
import type { LessonContext } from '../../lessons/validateLesson';
import { lessonUi, LESSON_KEYS as K } from '../lessonEntry';
import { useSimStore } from '../SimStoreContext';
import { LessonList } from './LessonList';
import { LessonPair } from './LessonPair';
import { LessonLoader } from './LessonLoader';
import { LessonStep } from './LessonStep';
import { parseLessonHash, stepIndex, writeLessonHash } from './lessonHash';
import {
  courseLesson,
  lessonFromFile,
  lessonFromLink,
  packLesson,
  type Checked,
} from './lessonSource';
import { createPlayer, type Player } from './player';
import { stopPresenting } from './presenter';
import { useHighlight } from './useHighlight';
import { useLessonKeys } from './useLessonKeys';

interface Refusal {
  title: string;
  errors: string[];
}

let shared: { store: unknown; player: Player } | null = null;

/** One player per page store (it outlives the panel: closing and reopening keeps nothing). */
function playerFor(store: Parameters<typeof createPlayer>[0]): Player {
  if (shared?.store !== store) shared = { store, player: createPlayer(store) };
  return shared.player;
}

export function LessonPlayer() {
  const store = useSimStore();
  const player = useMemo(() => playerFor(store), [store]);
  const lesson = useStore(player.state, (s) => s.lesson);
  const step = useStore(player.state, (s) => s.step);
  const origin = useStore(player.state, (s) => s.origin);
  const pair = useStore(player.state, (s) => s.pair);
  const away = useStore(player.state, (s) => s.away);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [docLink, setDocLink] = useState<string | null>(null);
  useLessonKeys(player);
  useHighlight(lesson && !away ? (lesson.steps[step]?.highlight ?? []) : [], pair);

  const open = async (checked: Checked, title: string, how: PlayerOrigin, stepText?: string) => {
    if (!checked.ok) return setRefusal({ title, errors: checked.errors });
    const at = stepIndex(stepText, checked.lesson.steps.length);
    if (!at.ok) setRefusal({ title: `Step ${stepText} not found`, errors: [at.error] });
    else setRefusal(null);
    await startLesson(player, checked.lesson, checked.ctx, how, at.ok ? at.index : 0);
  };

  // The link the page was opened with, and links pasted later.
  useEffect(() => {
    const openHash = async () => {
      const link = parseLessonHash(window.location.hash);
      if (link.kind === 'none') return;
      if (link.kind === 'refused')
        return setRefusal({ title: 'This lesson link cannot be opened', errors: link.errors });
      if (link.kind === 'course')
        return open(
          await courseLesson(link.id),
          'This lesson link cannot be opened',
          'course',
          link.step,
        );
      const checked = await lessonFromLink(link.packed);
      if (checked.ok) setDocLink(link.packed);
      return open(checked, 'The lesson in this link is not valid', 'document', link.step);
    };
    void openHash();
    const onHash = () => void openHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount; open reads the latest player
  }, [player]);

  // The address names the step shown, so a reload or a copied address opens it again.
  useEffect(() => {
    if (!lesson) return;
    const pairs = stepPairs(lesson.id, origin, docLink, step);
    if (pairs) writeLessonHash(pairs);
  }, [lesson, step, origin, docLink]);

  // Loading another scenario or adding an input is leaving the lesson to experiment.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        const p = player.state.getState();
        if (!p.lesson || p.away || p.busy) return;
        if (s.scenario !== prev.scenario || s.timeline !== prev.timeline)
          if (!player.holdsLessonRun()) player.leave();
      }),
    [store, player],
  );

  const close = () => {
    stopPresenting();
    player.close();
    writeLessonHash([]);
    lessonUi.setState({ open: false });
  };

  const onFile = async (file: File) => {
    const checked = await lessonFromFile(file);
    if (checked.ok) setDocLink(await packLesson(checked.raw));
    await open(checked, `The lesson in ${file.name} is not valid`, 'document');
  };

  return (
    <section className="panel lesson" aria-label="Lesson" data-testid="lesson-player">
      {refusal ? (
        <div
          className="notice notice--error lesson-refusal"
          role="alert"
          data-testid="lesson-errors"
        >
          <div>
            <p className="link-notice-title">{refusal.title}:</p>
            <ul className="link-notice-list">
              {refusal.errors.slice(0, 50).map((e, i) => (
                <li key={i}>{e}</li>
              ))}
              {refusal.errors.length > 50 ? <li>… and {refusal.errors.length - 50} more</li> : null}
            </ul>
            {lesson ? <p className="lesson-kept">The current lesson stays open.</p> : null}
          </div>
          <button type="button" className="btn btn--small" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {lesson ? (
        <LessonStep
          player={player}
          onClose={close}
          onList={() => {
            player.close();
            writeLessonHash([]);
          }}
          linkFor={(n) => {
            const pairs = stepPairs(lesson.id, origin, docLink, n);
            return pairs ? `#${pairs.join('&')}` : null;
          }}
        />
      ) : (
        <>
          <div className="panel-head">
            <h2 className="panel-title">Lessons</h2>
            <button
              type="button"
              className="btn btn--small"
              onClick={close}
              data-testid="lessons-close"
            >
              Close
            </button>
          </div>
          <p className="muted">
            Each lesson runs the simulator and asks you to predict what happens before it does.
          </p>
          <LessonList
            onOpen={(id) =>
              void courseLesson(id).then((c) => open(c, 'This lesson cannot be opened', 'course'))
            }
          />
          <LessonLoader onFile={(f) => void onFile(f)} />
        </>
      )}
      {lesson ? <LessonLoaderFoot onFile={(f) => void onFile(f)} /> : null}
      {pair && !away ? <LessonPair pair={pair} /> : null}
    </section>
  );
}

type PlayerOrigin = 'course' | 'document';

/** A step's link keys: the course lesson's id, or the lesson document itself. */
function stepPairs(id: string, origin: PlayerOrigin, docLink: string | null, step: number) {
  const stepPair = `${K.step}=${step + 1}`;
  if (origin === 'course') return [`${K.lesson}=${encodeURIComponent(id)}`, stepPair];
  return docLink ? [`${K.doc}=${docLink}`, stepPair] : null;
}

function startLesson(
  player: Player,
  lesson: Lesson,
  ctx: LessonContext,
  how: PlayerOrigin,
  step: number,
) {
  return player.open(lesson, ctx, how, step);
}

function LessonLoaderFoot({ onFile }: { onFile(file: File): void }) {
  return (
    <details className="lesson-foot">
      <summary>Open another lesson from a file</summary>
      <LessonLoader onFile={onFile} />
    </details>
  );
}
