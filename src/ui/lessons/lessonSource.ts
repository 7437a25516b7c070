/**
 * Where lessons come from: the course (bundled with the player), a file the teacher picks, or a
 * link that carries a lesson document compressed like a scenario (`#lessonDoc=`). Every lesson
 * is validated against the page's presets before it is shown; a refused one keeps the current
 * lesson and run, and lists every problem with its path.
 */
import type { Validation } from '../../engine';
import { COURSE } from '../../lessons/course';
import type { Lesson } from '../../lessons/lessonSchema';
import { validateLesson, type LessonContext } from '../../lessons/validateLesson';
import { LINK_LIMITS } from '../../share/linkFormat';
import { packJson, unpackJson } from '../../share/payload';
import { parseSafeJson } from '../../share/safeJson';
import { pageLessonContext } from './pageContext';

/** A lesson file larger than this is refused unread. */
export const LESSON_FILE_BYTES_MAX = 512 * 1024;

export interface CourseEntry {
  id: string;
  title: string;
  summary: string;
  steps: number;
}

const str = (x: unknown) => (typeof x === 'string' ? x : '');

/** The course's lessons for the list (read from the bundled files, which the tests check). */
export const COURSE_ENTRIES: readonly CourseEntry[] = COURSE.map((raw) => {
  const l = raw as Record<string, unknown>;
  return {
    id: str(l.id),
    title: str(l.title),
    summary: str(l.summary),
    steps: Array.isArray(l.steps) ? l.steps.length : 0,
  };
});

export type Checked =
  { ok: true; lesson: Lesson; ctx: LessonContext } | { ok: false; errors: string[] };

export async function checkLesson(raw: unknown): Promise<Checked> {
  const ctx = await pageLessonContext(raw);
  const result: Validation<Lesson> = validateLesson(raw, ctx);
  return result.ok ? { ok: true, lesson: result.value, ctx } : { ok: false, errors: result.errors };
}

export function courseLesson(id: string): Promise<Checked> {
  const raw = COURSE.find((l) => (l as { id?: unknown }).id === id);
  if (raw === undefined)
    return Promise.resolve({
      ok: false,
      errors: [
        `lesson: there is no lesson "${id.slice(0, 64)}" in the course (known: ${COURSE_ENTRIES.map((e) => e.id).join(', ')})`,
      ],
    });
  return checkLesson(raw);
}

/** A lesson file: its size, its JSON, then the lesson itself. */
export async function lessonFromFile(file: File): Promise<Checked & { raw?: unknown }> {
  if (file.size > LESSON_FILE_BYTES_MAX)
    return {
      ok: false,
      errors: [
        `file: is ${Math.round(file.size / 1024)} KB; a lesson file may be at most ${LESSON_FILE_BYTES_MAX / 1024} KB`,
      ],
    };
  const parsed = parseSafeJson(await file.text());
  if (!parsed.ok) return { ok: false, errors: [`file: ${parsed.reason}`] };
  return { ...(await checkLesson(parsed.value)), raw: parsed.value };
}

/** The `lessonDoc` value of a link that carries this lesson. */
export const packLesson = (raw: unknown) => packJson(raw);

export async function lessonFromLink(packed: string): Promise<Checked & { raw?: unknown }> {
  const unpacked = await unpackJson('lessonDoc', packed, LINK_LIMITS.scenarioBytes);
  if (!unpacked.ok) return { ok: false, errors: [unpacked.error] };
  return { ...(await checkLesson(unpacked.value)), raw: unpacked.value };
}
