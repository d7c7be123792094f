import * as z from 'zod/mini';
import './zod-english.ts';
import { VirtualMfaDeviceSchema } from './root-posture-facts.ts';

const ACCOUNT = z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit account id' }));

/**
 * What `aws iam list-organizations-features` prints, in the management or IAM delegated-administrator
 * account; or the error it answered (`OrganizationNotFoundException`: the account is in no organisation).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
 */
const OrganizationFeaturesAnswerSchema = z.union([
  z.looseObject({ OrganizationId: z.optional(z.string()), EnabledFeatures: z.array(z.string()) }),
  z.strictObject({ Error: z.strictObject({ Code: z.string().check(z.minLength(1)) }) }),
]);

/**
 * One account's root facts a credential report cannot hold: `rootLoginProfile`, from
 * `aws iam get-login-profile` in an `sts:AssumeRoot` session with the task policy
 * `IAMAuditRootUserCredentials` (`absent` when it answered NoSuchEntity), and what
 * `aws iam list-virtual-mfa-devices` printed in that account.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
 */
const AccountFactsSchema = z.strictObject({
  rootLoginProfile: z.optional(z.enum(['present', 'absent'])),
  virtualMfaDevices: z.optional(z.looseObject({ VirtualMFADevices: z.array(VirtualMfaDeviceSchema) })),
});

/**
 * `rootwatch audit --facts FILE`: the AWS answers that decide what a credential report cannot, for
 * the CLI as the scheduled audit learns them. Tolerant of what the AWS CLI adds; strict on its own keys.
 * @example
 * { "organizationFeatures": { "OrganizationId": "o-a1b2c3d4e5",
 *     "EnabledFeatures": ["RootCredentialsManagement", "RootSessions"] },
 *   "accounts": { "444455556666": { "rootLoginProfile": "absent",
 *     "virtualMfaDevices": { "VirtualMFADevices": [] } } } }
 */
const AuditFactsFileSchema = z.strictObject({
  organizationFeatures: z.optional(OrganizationFeaturesAnswerSchema),
  accounts: z._default(z.record(ACCOUNT, AccountFactsSchema), {}),
});

type AuditFactsFile = z.infer<typeof AuditFactsFileSchema>;

export { AuditFactsFileSchema };
export type { AuditFactsFile };
