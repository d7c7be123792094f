import type { AuditFactsFile } from '../schemas/audit-facts-file.ts';
import type { RootPostureFacts } from '../schemas/root-posture-facts.ts';

/**
 * The facts of one account from a facts file, as the scheduled audit would have learnt them: the
 * organisation's answer for every account, the account's own answers for it. Undefined when the
 * file says nothing that concerns the account (the audit then reads its credential report alone).
 */
const factsOfAccount = (file: AuditFactsFile, account: string): RootPostureFacts | undefined => {
  const facts: RootPostureFacts = {};
  const organization = file.organizationFeatures as
    { EnabledFeatures?: string[]; Error?: { Code: string } } | undefined;
  if (organization?.EnabledFeatures) facts.organizationFeatures = organization.EnabledFeatures;
  else if (organization?.Error) facts.organizationFeaturesError = organization.Error.Code;
  const own = file.accounts[account];
  if (own?.rootLoginProfile) facts.rootLoginProfile = own.rootLoginProfile;
  if (own?.virtualMfaDevices) facts.virtualMfaDevices = own.virtualMfaDevices.VirtualMFADevices;
  return Object.keys(facts).length ? facts : undefined;
};

export { factsOfAccount };
