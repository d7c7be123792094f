import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';
import type { Activity, Credential } from '../schemas/finding.ts';
import { flag } from './record-fields.ts';

/** `MFAUsed` is "Yes"/"No" in the record-contents page and "YES" in the AWS example (S02). */
const mfaUsed = (value: unknown): boolean | null => {
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return lower === 'yes' ? true : lower === 'no' ? false : null;
};

/**
 * Whether MFA stood behind this event: `true`, `false`, or `null` when the record does not say.
 * - Sign-in service events: `additionalEventData.MFAUsed`; absent means unknown, not "no" [CT-SIGNIN].
 * - Long-term access keys: never MFA, by construction.
 * - Sessions: `sessionContext.attributes.mfaAuthenticated`, "true if the root user … also
 *   authenticated with an MFA device" [CT-UID]; absent means unknown.
 */
const classifyMfa = (
  record: CloudTrailRecord,
  credential: Credential,
  activity: Activity,
): boolean | null => {
  if (credential === 'password' || activity === 'sign-in')
    return mfaUsed(record.additionalEventData?.MFAUsed);
  if (credential === 'access-key') return false;
  return flag(record.userIdentity.sessionContext?.attributes?.mfaAuthenticated);
};

export { classifyMfa };
