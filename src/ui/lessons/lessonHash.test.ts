/** Lesson links: parsed with the run link's parser, refused with a reason, other keys kept. */
import { describe, expect, it } from 'vitest';
import { parseLessonHash, stepIndex, withLessonKeys } from './lessonHash';

describe('parseLessonHash', () => {
  it('reads a course lesson and its step', () => {
    expect(parseLessonHash('#lesson=why-queues&step=2')).toEqual({
      kind: 'course',
      id: 'why-queues',
      step: '2',
    });
  });
  it('reads a lesson document', () => {
    expect(parseLessonHash('#lessonDoc=abc&step=1&v=1&t=5')).toEqual({
      kind: 'doc',
      packed: 'abc',
      step: '1',
    });
  });
  it('is none for a run link', () => {
    expect(parseLessonHash('#v=1&preset=mm1&t=3')).toEqual({ kind: 'none' });
  });
  it('refuses both kinds at once, and broken encoding', () => {
    expect(parseLessonHash('#lesson=a&lessonDoc=b').kind).toBe('refused');
    expect(parseLessonHash('#lesson=%E0%A4%A').kind).toBe('refused');
  });
});

describe('stepIndex', () => {
  it('is 0-based from a 1-based step, default the first', () => {
    expect(stepIndex('3', 5)).toEqual({ ok: true, index: 2 });
    expect(stepIndex(undefined, 5)).toEqual({ ok: true, index: 0 });
  });
  it.each(['0', '6', '-1', '2.5', 'two', '', '1e1'])('refuses %j for 5 steps', (s) => {
    const r = stepIndex(s, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('from 1 to 5');
  });
});

describe('withLessonKeys', () => {
  it('replaces the lesson keys and keeps the run keys', () => {
    expect(withLessonKeys('#lesson=a&step=1&v=1&t=9', ['lesson=b', 'step=2'])).toBe(
      'lesson=b&step=2&v=1&t=9',
    );
    expect(withLessonKeys('#lesson=a&step=1&v=1', [])).toBe('v=1');
  });
});
