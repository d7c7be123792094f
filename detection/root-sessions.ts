import type { AssumeRootRecord } from '../schemas/assume-root-record.ts';

/** A centralized-root session issued by `sts:AssumeRoot`, as its CloudTrail record shows it (S13). */
interface IssuedRootSession {
  accessKeyId: string;
  assumeRootEventId?: string;
  callerArn?: string;
  callerAccountId?: string;
  targetAccountId?: string;
  taskPolicyArn?: string;
  issuedAt: string;
  expiresAt: string;
}

/** "DurationSeconds … maximum 900, default 900" [STS-AR]. */
const MAX_SESSION_SECONDS = 900;
/** Tolerance for the clocks of two accounts' records. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The session an AssumeRoot record issued; undefined for a failed call (no credentials). */
const issuedRootSession = (record: AssumeRootRecord): IssuedRootSession | undefined => {
  const accessKeyId = record.responseElements?.credentials?.accessKeyId;
  if (!accessKeyId || record.errorCode || record.errorMessage) return undefined;
  const request = record.requestParameters;
  const requested = request?.durationSeconds ?? MAX_SESSION_SECONDS;
  const seconds = requested > 0 && requested < MAX_SESSION_SECONDS ? requested : MAX_SESSION_SECONDS;
  const taskPolicy = request?.taskPolicyArn;
  const taskPolicyArn = typeof taskPolicy === 'string' ? taskPolicy : taskPolicy?.arn;
  const optional = {
    assumeRootEventId: record.eventID,
    callerArn: record.userIdentity.arn,
    callerAccountId: record.userIdentity.accountId,
    targetAccountId: request?.targetPrincipal,
    taskPolicyArn,
  };
  return {
    accessKeyId,
    issuedAt: record.eventTime,
    expiresAt: new Date(Date.parse(record.eventTime) + seconds * 1000).toISOString(),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)),
  };
};

/** The AssumeRoot sessions the detector knows, by the access key id they issued. In memory. */
class RootSessionRegistry {
  readonly #byKey = new Map<string, IssuedRootSession>();

  add(session: IssuedRootSession): void {
    this.#byKey.set(session.accessKeyId, session);
  }

  /** The session that issued `accessKeyId`, if `eventTime` falls within its lifetime. */
  findRootSession(accessKeyId: string, eventTime: string): IssuedRootSession | undefined {
    const session = this.#byKey.get(accessKeyId);
    if (!session) return undefined;
    const at = Date.parse(eventTime);
    const opens = Date.parse(session.issuedAt) - CLOCK_SKEW_MS;
    const closes = Date.parse(session.expiresAt) + CLOCK_SKEW_MS;
    return at >= opens && at <= closes ? session : undefined;
  }

  get size(): number {
    return this.#byKey.size;
  }
}

export { issuedRootSession, RootSessionRegistry, MAX_SESSION_SECONDS, CLOCK_SKEW_MS };
export type { IssuedRootSession };
