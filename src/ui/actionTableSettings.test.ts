/**
 * The retry policy and guarantee forms build inputs the engine accepts (and refuses bad numbers
 * with a message naming the field), list the engine's policies, and read well on the timeline.
 */
import { describe, expect, it } from 'vitest';
import { validateInput } from '../engine';
import { loadPreset } from '../scenarios';
import { RETRY_POLICY_IDS, RETRY_WORDS, retryWords, SETTINGS_ACTIONS } from './actionTableSettings';
import { describeInput } from './inputLabels';
import { actionsFor, type ActionContext, type FormAction } from './nodeActions';

const scenario = loadPreset('retry-backoff-dlq');
const ctx: ActionContext = {
  nodeId: 'payment',
  scenario,
  entry: {},
  facts: {
    settings: {
      retry: { policy: 'full-jitter', baseMs: 200, capMs: 5000, maxAttempts: 5, method: 'nack' },
      autoAck: false,
      idempotent: false,
      guarantee: 'at-least-once',
    },
  },
};
const form = (id: string) => SETTINGS_ACTIONS.consumer!.find((a) => a.id === id) as FormAction;

describe('settings actions', () => {
  it('describes every retry policy the engine has in words', () => {
    for (const p of RETRY_POLICY_IDS) expect(RETRY_WORDS[p], p).toMatch(/\w/);
  });

  it('offers retry policy, guarantee and ack mode on a consumer', () => {
    const ids = actionsFor('consumer').map((a) => a.type);
    for (const t of ['retryPolicyChanged', 'guaranteeChanged', 'ackModeChanged'])
      expect(ids).toContain(t);
    expect(actionsFor('member').map((a) => a.type)).toContain('guaranteeChanged');
  });

  it('starts from the consumer’s policy now, and applying it unchanged is accepted', () => {
    const retry = form('retry');
    const values = retry.initial(ctx);
    expect(values).toEqual({
      policy: 'full-jitter',
      baseMs: '200',
      capMs: '5000',
      maxAttempts: '5',
      method: 'nack',
    });
    expect(retry.note?.(ctx)).toBe(
      'Now: exponential with full jitter · base 200 ms · cap 5 s · at most 5 attempts.',
    );
    const result = validateInput(retry.input(ctx, values), scenario);
    expect(result.ok).toBe(true);
  });

  it('builds a new policy, leaving empty numbers to the engine’s defaults', () => {
    const input = form('retry').input(ctx, {
      policy: 'exponential',
      baseMs: '50',
      capMs: '',
      maxAttempts: '3',
      method: 'nack',
    });
    expect(input).toEqual({
      type: 'retryPolicyChanged',
      consumerId: 'payment',
      retry: { policy: 'exponential', baseMs: 50, maxAttempts: 3 },
    });
    const ok = validateInput(input, scenario);
    expect(ok.ok).toBe(true);
    expect(describeInput(ok.ok ? ok.value : (input as never))).toBe(
      'Retry of payment → exponential 50 ms–cap, 3 attempts',
    );
  });

  it('is refused with a message naming the field when a number is out of range', () => {
    const input = form('retry').input(ctx, {
      policy: 'fixed',
      baseMs: '100',
      capMs: '',
      maxAttempts: '0',
      method: 'nack',
    });
    const result = validateInput(input, scenario);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(/maxAttempts/);
  });

  it('sets a guarantee, explained in one line for each choice', () => {
    const g = form('guarantee');
    expect(g.initial(ctx)).toEqual({ guarantee: 'at-least-once' });
    for (const choice of ['at-most-once', 'at-least-once', 'exactly-once'])
      expect(g.explain?.({ guarantee: choice })).toMatch(/crash|repeat/);
    const input = g.input(ctx, { guarantee: 'at-most-once' });
    const result = validateInput(input, scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(describeInput(result.value)).toBe('Guarantee of payment → at-most-once');
  });

  it('says a policy in words', () => {
    expect(
      retryWords({
        policy: 'requeue',
        baseMs: 100,
        capMs: 30000,
        maxAttempts: 0,
        method: 'reject',
      }),
    ).toBe('immediate · no attempt limit · requeued by basic.reject');
    expect(
      retryWords({ policy: 'reject', baseMs: 100, capMs: 30000, maxAttempts: 0, method: 'nack' }),
    ).toBe('none');
  });
});
