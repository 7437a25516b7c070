import { describe, expect, it } from 'vitest';
import { createOwnTask } from './ownTask';

describe('createOwnTask', () => {
  it('runs the work later, in a task of its own, once however often it is asked', async () => {
    let runs = 0;
    const task = createOwnTask(() => runs++);
    task.post();
    task.post();
    expect(runs).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1);
    task.post();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(2);
  });

  it('runs nothing once closed, even what was already asked for', async () => {
    let runs = 0;
    const task = createOwnTask(() => runs++);
    task.post();
    task.close();
    task.post();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(0);
  });
});
