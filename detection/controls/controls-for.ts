import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { CisVersion } from '../../schemas/detector-config.ts';
import type { Activity, Control, Credential, Outcome } from '../../schemas/finding.ts';
import { EventTable } from '../event-table.ts';
import { targetsRoot } from '../severity/root-credential-target.ts';
import type { CisTopic } from './cis-catalogue.ts';
import { cisControl } from './cis-catalogue.ts';

const ROOT_KEY_EVENTS = EventTable.of(['iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey']);
const MFA_DEVICE_EVENTS = EventTable.of([
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

/** Topics in citation order; a finding's topics are a bit mask over this list. */
const TOPICS: readonly CisTopic[] = ['avoid-root-use', 'no-root-access-key', 'root-mfa'];
const AVOID_ROOT_USE = 1;
const NO_ROOT_ACCESS_KEY = 2;
const ROOT_MFA = 4;

/**
 * The recommendations an event bears on (none for a principal that is not root):
 * - avoid root use: any root activity, except an AWS service acting with the root identity;
 * - no root access keys: use of a long-term root key, or creating/activating/deleting one;
 * - MFA on root: root authenticated without MFA (a long-term key is covered by the key control,
 *   AssumeRoot sessions are MFA-less by design, and a failed sign-in never reached the MFA step),
 *   or a change to root's MFA devices.
 */
const topicsOf = ({ record, credential, activity, outcome, mfa }: ControlFacts): number => {
  if (credential === 'aws-service' || credential === 'iam-principal') return 0;
  let topics = AVOID_ROOT_USE;
  if (credential === 'access-key' || (ROOT_KEY_EVENTS.has(record) && targetsRoot(record)))
    topics |= NO_ROOT_ACCESS_KEY;
  const failedSignIn = activity === 'sign-in' && outcome === 'failure';
  const withoutMfa =
    mfa === false && !failedSignIn && credential !== 'access-key' && credential !== 'assumed-root';
  if (withoutMfa || (MFA_DEVICE_EVENTS.has(record) && targetsRoot(record))) topics |= ROOT_MFA;
  return topics;
};

/**
 * The controls of each combination of topics, per list of versions, built once: findings share
 * these frozen arrays of frozen controls, so citing them costs nothing on the hot path.
 */
const cache = new WeakMap<readonly CisVersion[], (readonly Control[])[]>();

const controlsFor = (facts: ControlFacts, versions: readonly CisVersion[]): Control[] => {
  const mask = topicsOf(facts);
  let byMask = cache.get(versions);
  if (!byMask) {
    byMask = [];
    cache.set(versions, byMask);
  }
  let controls = byMask[mask];
  if (!controls) {
    const topics = TOPICS.filter((_, bit) => mask & (1 << bit));
    controls = Object.freeze(
      versions.flatMap((version) => topics.map((topic) => Object.freeze(cisControl(topic, version)))),
    );
    byMask[mask] = controls;
  }
  return controls as Control[];
};

export { controlsFor };
