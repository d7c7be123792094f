/**
 * The part of the Lambda context that tells how long the invocation has left [LAMBDA-CTX]:
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
 */
interface RemainingTime {
  getRemainingTimeInMillis?: () => number;
}

/**
 * An abort signal that fires `marginMs` before the invocation's time is up, so that every AWS call
 * and retry loop under it gives up while the handler still has `marginMs` to record the failure and
 * fail the invocation (Lambda then retries it, instead of timing out with the work half done).
 * Undefined outside Lambda (a context without `getRemainingTimeInMillis`, as in `replay`): there the
 * clients' own request timeouts and the retry policy bound each call.
 */
const budgetSignal = (context: RemainingTime, marginMs: number): AbortSignal | undefined => {
  const remaining = context.getRemainingTimeInMillis?.();
  if (remaining === undefined || !Number.isFinite(remaining)) return undefined;
  return AbortSignal.timeout(Math.max(0, Math.floor(remaining - marginMs)));
};

export { budgetSignal };
export type { RemainingTime };
