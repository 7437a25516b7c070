/**
 * Which steps of each course lesson the student has done, kept in this browser (localStorage;
 * when storage is refused, for this visit only). Progress is shown in the list of lessons.
 */
const KEY = 'mqsim.lessonProgress';

type Progress = Record<string, number[]>;

let memory: Progress = {};

function read(): Progress {
  try {
    const text = localStorage.getItem(KEY);
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: Progress = {};
      for (const [id, steps] of Object.entries(parsed))
        if (Array.isArray(steps)) out[id] = steps.filter((n): n is number => Number.isInteger(n));
      return out;
    }
  } catch {
    // storage refused or a damaged entry: keep what this visit knows
  }
  return memory;
}

export function progressOf(id: string, steps: number): number {
  return new Set((read()[id] ?? []).filter((n) => n >= 0 && n < steps)).size;
}

export function markDone(id: string, step: number, steps: number): void {
  const all = read();
  const mine = new Set((all[id] ?? []).filter((n) => n < steps));
  mine.add(step);
  memory = { ...all, [id]: [...mine].sort((a, b) => a - b) };
  try {
    localStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // private mode: progress lasts for this visit
  }
}
