import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import { EventTable } from '../event-table.ts';
import { requestParameter } from '../record-fields.ts';

/**
 * Whether an IAM credential call acts on the root user's own credentials. Root acting on itself
 * sends no `userName` (`CreateAccessKey` has `requestParameters: null`, a `userName` means a key
 * for an IAM user [PANTHER-KEY], S17); the console's root MFA flow sends `"AWS ROOT USER"` (S11).
 */
const targetsRoot = (record: CloudTrailRecord): boolean => {
  const userName = requestParameter(record, 'userName');
  return userName === undefined || userName === null || userName === '' || userName === 'AWS ROOT USER';
};

/**
 * Events that create or weaken a root credential, each with the condition that makes it so.
 * The account email is the root recovery channel, so changing it weakens root too.
 */
const ROOT_CREDENTIAL_WEAKENING = new EventTable<(record: CloudTrailRecord) => boolean>([
  ['iam:CreateAccessKey', targetsRoot],
  ['iam:UpdateAccessKey', (record) => targetsRoot(record) && requestParameter(record, 'status') === 'Active'],
  ['iam:DeactivateMFADevice', targetsRoot],
  ['iam:DeleteVirtualMFADevice', targetsRoot],
  ['iam:CreateLoginProfile', targetsRoot],
  ['signin:EmailUpdated', () => true],
  ['account:StartPrimaryEmailUpdate', () => true],
  ['account:AcceptPrimaryEmailUpdate', () => true],
]);

const createsOrWeakensRootCredential = (record: CloudTrailRecord): boolean =>
  ROOT_CREDENTIAL_WEAKENING.get(record)?.(record) === true;

export { targetsRoot, createsOrWeakensRootCredential, ROOT_CREDENTIAL_WEAKENING };
