/** The crash and restart actions a queue consumer and a group member share. */
import { CRASH_WINDOWS } from '../engine';
import type { ActionContext, FormField, NodeAction } from './nodeActions';

export const RESTART_FIELD: FormField = {
  kind: 'number',
  id: 'restartAfterMs',
  label: 'Restart after (ms)',
  min: 1,
  max: 24 * 3600 * 1000,
  hint: 'never',
};

/** The optional restart delay of a crash form, as the input's field. */
export const restartOf = (v: Readonly<Record<string, string>>) =>
  v.restartAfterMs?.trim() ? { restartAfterMs: Number(v.restartAfterMs) } : {};

/** "Crash <noun>" (at a chosen moment, words per crash window) and "Restart <noun>". */
export function crashAndRestart(
  noun: string,
  windowWords: Readonly<Record<string, string>>,
  isUp: (c: ActionContext) => boolean,
): NodeAction[] {
  return [
    {
      kind: 'form',
      id: 'crash',
      label: `Crash ${noun}`,
      type: 'consumerCrashed',
      when: isUp,
      fields: [
        {
          kind: 'select',
          id: 'window',
          label: 'Crash',
          options: () => CRASH_WINDOWS.map((w) => ({ value: w, label: windowWords[w] ?? w })),
        },
        RESTART_FIELD,
      ],
      initial: () => ({ window: 'now', restartAfterMs: '' }),
      input: (c, v) => ({
        type: 'consumerCrashed',
        consumerId: c.nodeId,
        ...(v.window && v.window !== 'now' ? { window: v.window } : {}),
        ...restartOf(v),
      }),
    },
    {
      kind: 'button',
      id: 'restart',
      label: `Restart ${noun}`,
      type: 'consumerRestarted',
      when: (c) => !isUp(c),
      input: (c) => ({ type: 'consumerRestarted', consumerId: c.nodeId }),
    },
  ];
}
