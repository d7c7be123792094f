import type { Credential } from '../../schemas/finding.ts';
import { SCP_STOP } from '../kinds/steps.ts';

/**
 * How to end the access of the credential that made a change, for kinds about what changed rather
 * than who did it (a credential or logging change made with a root key still needs the key gone).
 */
const CONTAINMENT_BY_CREDENTIAL: Record<Credential, readonly string[]> = {
  password: [],
  'console-session': [SCP_STOP],
  'access-key': [
    'The change was made with the long-term root key {accessKeyId}: deactivate and delete it (as root, Security credentials, Access keys).',
  ],
  'session-token': [
    'The change was made with root temporary credentials ({accessKeyId}): delete the root access key that issued them.',
  ],
  'assumed-root': [
    'The change was made in a centralized-root session opened by {callerArn}: confirm that privileged task was approved.',
  ],
  'aws-service': [],
  unknown: [SCP_STOP],
};

export { CONTAINMENT_BY_CREDENTIAL };
