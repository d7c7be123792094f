/**
 * Retries with exponential backoff and full jitter ("Exponential Backoff And Jitter", AWS
 * Architecture Blog): attempt n waits a random time in [0, min(cap, base * 2^n)). The SDK clients
 * are built with `maxAttempts: 1`, so this is the only retry layer: one policy, tested, for both
 * request errors (throttling, 5xx, timeouts, lost answers) and partial failures (PutEvents entries,
 * rejected log events).
 */
interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 8, baseDelayMs: 50, maxDelayMs: 4_000 };

/**
 * What one attempt hands the SDK: `client.send(command, options)`. The abort signal is the
 * invocation's budget (handlers/invocation-budget.ts): an attempt under way when it fires is cut.
 */
interface SendOptions {
  abortSignal?: AbortSignal;
}

/** The budget of a call ran out: it was not attempted again, whatever the policy allowed. */
class BudgetExhaustedError extends Error {
  override name = 'BudgetExhaustedError';
}

/** Waits `ms`; an abort ends the wait at once (rejecting with the signal's reason). */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const backoffDelay = (attempt: number, policy: RetryPolicy): number =>
  (policy.random ?? Math.random)() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);

const THROTTLING_OR_TRANSIENT = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Throttling, a 5xx, a timeout or a broken connection: worth another attempt. Anything else is not. */
const isRetryable = (error: unknown): boolean => {
  const failure = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode ?? 0;
  return (
    status >= 500 ||
    status === 429 ||
    THROTTLING_OR_TRANSIENT.has(failure.name ?? '') ||
    NETWORK_CODES.has(failure.code ?? '')
  );
};

const budgetError = (signal: AbortSignal, attempts: number, last?: unknown): BudgetExhaustedError =>
  new BudgetExhaustedError(
    `the invocation's time budget ran out after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
    { cause: last ?? signal.reason },
  );

/**
 * Runs `call` until it resolves, a non-retryable error, or the attempts are spent (then rethrows).
 * `signal` is the caller's budget: once it fires, the attempt under way is cut (the signal goes to
 * the SDK), no further attempt starts and no backoff is waited for, so that a retry loop never
 * outlives the Lambda invocation; the error is then a `BudgetExhaustedError` whose cause is the last
 * failure.
 */
const withRetries = async <T>(
  call: (options: SendOptions) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  signal?: AbortSignal,
): Promise<T> => {
  const options: SendOptions = signal ? { abortSignal: signal } : {};
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw budgetError(signal, attempt);
    try {
      return await call(options);
    } catch (error) {
      if (signal?.aborted) throw budgetError(signal, attempt + 1, error);
      if (!isRetryable(error) || attempt + 1 >= policy.attempts) throw error;
      try {
        await (policy.sleep ?? sleep)(backoffDelay(attempt, policy), signal);
      } catch {
        throw budgetError(signal!, attempt + 1, error);
      }
    }
  }
};

export { withRetries, isRetryable, backoffDelay, sleep, DEFAULT_RETRY_POLICY, BudgetExhaustedError };
export type { RetryPolicy, SendOptions };
