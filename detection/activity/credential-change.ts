import { EventTable } from '../event-table.ts';
import type { ActivityRule } from './activity-rule.ts';

/**
 * Changes to credentials: access keys, MFA devices, passwords and login profiles, signing
 * certificates, and the account email (the root recovery channel). Sources: [ORG-ALERTS],
 * [ELASTIC-AR], [CT-SIGNIN-2023] (PasswordUpdated, EmailUpdated, S11, S12), IAM API reference;
 * Account Management API for the primary-email update of 2024.
 */
const CREDENTIAL_CHANGE_EVENTS = EventTable.of([
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:DeleteAccessKey',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:ResyncMFADevice',
  'iam:DeactivateMFADevice',
  'iam:DeleteVirtualMFADevice',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:DeleteLoginProfile',
  'iam:ChangePassword',
  'iam:UploadSigningCertificate',
  'iam:UpdateSigningCertificate',
  'iam:DeleteSigningCertificate',
  'signin:PasswordUpdated',
  'signin:EmailUpdated',
  'account:StartPrimaryEmailUpdate',
  'account:AcceptPrimaryEmailUpdate',
]);

const credentialChange: ActivityRule = {
  id: 'credential-change',
  activity: 'credential-change',
  source: '[ORG-ALERTS], [ELASTIC-AR], [CT-SIGNIN-2023]',
  applies: (record) => CREDENTIAL_CHANGE_EVENTS.has(record),
};

export { credentialChange, CREDENTIAL_CHANGE_EVENTS };
