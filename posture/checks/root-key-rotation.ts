import type { CredentialReportRow } from '../../schemas/credential-report.ts';
import type { PostureStatus } from '../../schemas/posture-result.ts';
import { DAY_MS, asOfText, duration, isoTime } from '../time.ts';
import type { PostureCheck } from './posture-check.ts';

/** The CIS rotation period. */
const MAX_KEY_AGE_DAYS = 90;

interface KeyAge {
  status: PostureStatus;
  text: string;
}

const ageOfKey = (key: 1 | 2, root: CredentialReportRow, asOf: number): KeyAge | undefined => {
  const active = key === 1 ? root.access_key_1_active : root.access_key_2_active;
  const rotated = key === 1 ? root.access_key_1_last_rotated : root.access_key_2_last_rotated;
  if (!active) return undefined;
  if (rotated === 'N/A')
    return { status: 'unknown', text: `access key ${key} is active but its last_rotated is N/A` };
  if (rotated > asOf)
    return { status: 'unknown', text: `access key ${key} was rotated later (${isoTime(rotated)})` };
  const age = asOf - rotated;
  return {
    status: age > MAX_KEY_AGE_DAYS * DAY_MS ? 'fail' : 'pass',
    text: `access key ${key} last rotated ${isoTime(rotated)}, ${duration(age)} before`,
  };
};

/**
 * Fails when an active root key was last rotated more than 90 days before the audit's as-of. No CIS
 * recommendation is about rotating root's keys (it asks that there be none, see `root-access-keys`);
 * this is the general rotation recommendation applied to root. No active key: nothing to rotate, pass.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console
 */
const rootKeyRotation: PostureCheck = {
  id: 'root-key-rotation',
  topic: 'access-key-rotation',
  source:
    '[IAM-CR] access_key_N_last_rotated ("created or last changed"); CIS "rotated every 90 days or less"',
  evaluate: ({ root, asOf, asOfSource }) => {
    const columns = [
      'access_key_1_active',
      'access_key_1_last_rotated',
      'access_key_2_active',
      'access_key_2_last_rotated',
    ] as const;
    const keys = [ageOfKey(1, root, asOf), ageOfKey(2, root, asOf)].filter((key) => key !== undefined);
    if (keys.length === 0)
      return { status: 'pass', detail: 'root has no active access key to rotate', columns };
    const status = (['fail', 'unknown', 'pass'] as const).find((s) => keys.some((key) => key.status === s))!;
    const verdict = {
      fail: `over ${MAX_KEY_AGE_DAYS} days`,
      unknown: 'age unknown',
      pass: `within ${MAX_KEY_AGE_DAYS} days`,
    };
    return {
      status,
      detail: `root ${keys.map((key) => key.text).join('; ')}: ${verdict[status]} ${asOfText(asOf, asOfSource)}`,
      columns,
    };
  },
};

export { rootKeyRotation, MAX_KEY_AGE_DAYS };
