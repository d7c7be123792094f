import { describe, expect, it } from 'vitest';
import { backoffDelay, BudgetExhaustedError, isRetryable, sleep, withRetries } from '../../adapters/retry.ts';

const error = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields);

describe('Retry: classification', () => {
  it.each([
    { given: { name: 'ThrottlingException' }, retryable: true },
    { given: { name: 'ServiceUnavailableException' }, retryable: true },
    { given: { name: 'Anything', $metadata: { httpStatusCode: 500 } }, retryable: true },
    { given: { name: 'Anything', $metadata: { httpStatusCode: 429 } }, retryable: true },
    { given: { name: 'TimeoutError' }, retryable: true },
    { given: { code: 'ECONNRESET' }, retryable: true },
    { given: { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }, retryable: false },
    { given: { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } }, retryable: false },
    { given: { name: 'ValidationException' }, retryable: false },
  ])('$given is retryable: $retryable', ({ given, retryable }) => {
    expect(isRetryable(error(given))).toBe(retryable);
  });
});

describe('Retry: withRetries', () => {
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250, sleep: async () => {}, random: () => 1 };

  it('tries again on retryable errors until it succeeds', async () => {
    // Prepare
    let calls = 0;

    // Act
    const result = await withRetries(async () => {
      calls += 1;
      if (calls < 3) throw error({ name: 'ThrottlingException' });
      return 'done';
    }, policy);

    // Assess
    expect({ result, calls }).toStrictEqual({ result: 'done', calls: 3 });
  });

  it('hands each attempt the budget signal, and stops retrying once it fired, naming the last failure', async () => {
    // Prepare
    const budget = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];

    // Act
    const spent = withRetries(
      async ({ abortSignal }) => {
        seen.push(abortSignal);
        if (seen.length === 2) budget.abort(new Error('budget'));
        throw error({ name: 'ThrottlingException' });
      },
      policy,
      budget.signal,
    );

    // Assess
    const failure = await spent.catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(BudgetExhaustedError);
    expect((failure as Error).cause).toMatchObject({ name: 'ThrottlingException' });
    expect(seen).toStrictEqual([budget.signal, budget.signal]);
  });

  it('makes no attempt when the budget is already spent', async () => {
    // Prepare
    const budget = new AbortController();
    budget.abort(new Error('spent'));
    let calls = 0;

    // Act
    const spent = withRetries(async () => (calls += 1), policy, budget.signal);

    // Assess
    await expect(spent).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(calls).toBe(0);
  });

  it('ends a backoff wait when the budget fires', async () => {
    // Prepare
    const budget = new AbortController();
    const waiting = sleep(60_000, budget.signal);

    // Act
    budget.abort(new Error('budget'));

    // Assess
    await expect(waiting).rejects.toThrow('budget');
  });

  it('gives up after the last attempt, and at once on a final error', async () => {
    // Prepare
    let throttled = 0;
    let denied = 0;

    // Act
    const spent = withRetries(async () => {
      throttled += 1;
      throw error({ name: 'ThrottlingException' });
    }, policy);
    const final = withRetries(async () => {
      denied += 1;
      throw error({ name: 'AccessDeniedException' });
    }, policy);

    // Assess
    await expect(spent).rejects.toMatchObject({ name: 'ThrottlingException' });
    await expect(final).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect({ throttled, denied }).toStrictEqual({ throttled: 4, denied: 1 });
  });

  it('waits a random time below an exponentially growing, capped bound (full jitter)', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, policy))).toStrictEqual([100, 200, 250, 250]);
    expect(backoffDelay(3, { ...policy, random: () => 0.5 })).toBe(125);
  });
});
