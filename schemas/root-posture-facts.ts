import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * One entry of `ListVirtualMFADevices`. Only `SerialNumber` and `User.Arn` are read: a device whose
 * user is `arn:aws:iam::<account>:root` is root's virtual device. Unassigned devices have no `User`.
 * @example
 * { "SerialNumber": "arn:aws:iam::111122223333:mfa/root-account-mfa-device",
 *   "User": { "Arn": "arn:aws:iam::111122223333:root" }, "EnableDate": "2019-01-01T00:00:00Z" }
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 */
const VirtualMfaDeviceSchema = z.looseObject({
  SerialNumber: z.string(),
  User: z.optional(z.looseObject({ Arn: z.optional(z.string()) })),
});

/**
 * What the AWS mode learns besides the credential report, for one account. Each field is optional:
 * absent means "not asked, or the call failed", and the checks then say `unknown` or fall back to the
 * report rather than guess.
 * - `organizationFeatures`: `iam:ListOrganizationsFeatures` `EnabledFeatures`, from the management or
 *   IAM delegated-administrator account (`RootCredentialsManagement`, `RootSessions`).
 * - `organizationFeaturesError`: the error name when `ListOrganizationsFeatures` was asked and refused
 *   (`OrganizationNotFoundException`: the account is in no organisation).
 * - `rootLoginProfile`: `iam:GetLoginProfile` without a user name in an `sts:AssumeRoot` session
 *   with the `IAMAuditRootUserCredentials` task policy: `absent` on `NoSuchEntity`. The credential
 *   report cannot say it (root's `password_enabled` is always `not_supported`).
 * - `virtualMfaDevices`: `iam:ListVirtualMFADevices` in the audited account.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html
 */
const RootPostureFactsSchema = z.strictObject({
  organizationFeatures: z.optional(z.array(z.string())),
  organizationFeaturesError: z.optional(z.string().check(z.minLength(1))),
  rootLoginProfile: z.optional(z.enum(['present', 'absent'])),
  virtualMfaDevices: z.optional(z.array(VirtualMfaDeviceSchema)),
});

type VirtualMfaDevice = z.infer<typeof VirtualMfaDeviceSchema>;
type RootPostureFacts = z.infer<typeof RootPostureFactsSchema>;

export { VirtualMfaDeviceSchema, RootPostureFactsSchema };
export type { VirtualMfaDevice, RootPostureFacts };
