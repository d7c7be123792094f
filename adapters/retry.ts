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
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 8, baseDelayMs: 50, maxDelayMs: 4_000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Runs `call` until it resolves, a non-retryable error, or the attempts are spent (then rethrows). */
const withRetries = async <T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= policy.attempts) throw error;
      await (policy.sleep ?? sleep)(backoffDelay(attempt, policy));
    }
  }
};

export { withRetries, isRetryable, backoffDelay, sleep, DEFAULT_RETRY_POLICY };
export type { RetryPolicy };
