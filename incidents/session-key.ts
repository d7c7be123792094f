import type { Finding } from '../schemas/finding.ts';

/**
 * What ties a finding to the root session it belongs to:
 * - `session`: a console sign-in session (`signInSessionArn`) or one temporary credential (its key
 *   id): one incident for as long as the session lives;
 * - `window`: a long-term key, failed sign-ins from one address, password or email changes from
 *   one address: one incident until it has been quiet for `quietMs`;
 * - `sign-in`: a successful console sign-in, which the console session that follows joins;
 * - `event`: nothing to group by (an AWS service acting as root, a record without key or session).
 */
type SessionKey =
  | { kind: 'session'; key: string }
  | { kind: 'window'; key: string; quietMs: number }
  | { kind: 'sign-in'; key: string }
  | { kind: 'event'; key: string };

interface SessionKeyOptions {
  /** How long a long-term key (or a burst of failed sign-ins) must be quiet to close its incident. */
  quietMs: number;
}

const DEFAULT_QUIET_MS = 60 * 60_000;

const sessionKeyOf = (
  finding: Finding,
  { quietMs }: SessionKeyOptions = { quietMs: DEFAULT_QUIET_MS },
): SessionKey => {
  const place = `${finding.account}:${finding.sourceIp ?? 'unknown'}`;
  if (finding.activity === 'sign-in') {
    return finding.outcome === 'success'
      ? { kind: 'sign-in', key: `sign-in:${finding.account}:${finding.eventId}` }
      : { kind: 'window', key: `failed-sign-in:${place}`, quietMs };
  }
  if (finding.credential === 'access-key' && finding.accessKeyId) {
    return { kind: 'window', key: `long-term-key:${finding.accessKeyId}`, quietMs };
  }
  if (finding.signInSessionArn) return { kind: 'session', key: `console:${finding.signInSessionArn}` };
  if (finding.accessKeyId?.startsWith('ASIA'))
    return { kind: 'session', key: `temporary-key:${finding.accessKeyId}` };
  if (finding.credential === 'password') return { kind: 'window', key: `password:${place}`, quietMs };
  return { kind: 'event', key: `event:${finding.eventId}` };
};

/** The key that makes two deliveries one event: the copy delivered to another account shares `sharedEventId`. */
const eventKeyOf = (finding: Finding): string => finding.sharedEventId ?? finding.eventId;

export { sessionKeyOf, eventKeyOf, DEFAULT_QUIET_MS };
export type { SessionKey, SessionKeyOptions };
