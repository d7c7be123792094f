import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { CisVersion } from '../../schemas/detector-config.ts';
import type { Activity, Control, Credential, Outcome } from '../../schemas/finding.ts';
import { eventKey } from '../record-fields.ts';
import { targetsRoot } from '../severity/root-credential-target.ts';
import type { CisTopic } from './cis-catalogue.ts';
import { cisControl } from './cis-catalogue.ts';

const ROOT_KEY_EVENTS = new Set(['iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
const MFA_DEVICE_EVENTS = new Set([
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ResyncMFADevice',
  'iam:DeactivateMFADevice',
  'iam:DeleteVirtualMFADevice',
]);

interface ControlFacts {
  record: CloudTrailRecord;
  credential: Credential;
  activity: Activity;
  outcome: Outcome;
  mfa: boolean | null;
}

/**
 * The recommendations an event bears on:
 * - avoid root use: any root activity, except an AWS service acting with the root identity;
 * - no root access keys: use of a long-term root key, or creating/activating/deleting one;
 * - MFA on root: root authenticated without MFA (a long-term key is covered by the key control,
 *   AssumeRoot sessions are MFA-less by design, and a failed sign-in never reached the MFA step),
 *   or a change to root's MFA devices.
 */
const topicsFor = ({ record, credential, activity, outcome, mfa }: ControlFacts): CisTopic[] => {
  if (credential === 'aws-service') return [];
  const topics: CisTopic[] = ['avoid-root-use'];
  const key = eventKey(record);
  if (credential === 'access-key' || (ROOT_KEY_EVENTS.has(key) && targetsRoot(record))) {
    topics.push('no-root-access-key');
  }
  const failedSignIn = activity === 'sign-in' && outcome === 'failure';
  const withoutMfa =
    mfa === false && !failedSignIn && credential !== 'access-key' && credential !== 'assumed-root';
  if (withoutMfa || (MFA_DEVICE_EVENTS.has(key) && targetsRoot(record))) topics.push('root-mfa');
  return topics;
};

const controlsFor = (facts: ControlFacts, versions: readonly CisVersion[]): Control[] =>
  versions.flatMap((version) => topicsFor(facts).map((topic) => cisControl(topic, version)));

export { controlsFor };
