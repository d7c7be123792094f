import type { PostureCheck } from './posture-check.ts';

/** Both features of centralized root access, as `ListOrganizationsFeatures` names them. */
const CENTRAL_ROOT_FEATURES = ['RootCredentialsManagement', 'RootSessions'] as const;

/** What each feature lets the management account (or IAM's delegated administrator) do. */
const FEATURE_ROLES: Record<(typeof CENTRAL_ROOT_FEATURES)[number], string> = {
  RootCredentialsManagement: 'remove member root credentials and block their recovery',
  RootSessions: 'run privileged root tasks in members (sts:AssumeRoot)',
};

/** The answers of `ListOrganizationsFeatures` that mean the account is in no organisation. */
const NO_ORGANIZATION = new Set(['OrganizationNotFoundException', 'OrganizationNotFound']);

/**
 * CIS v7.0.0 2.1.1 "Ensure centralized root access in AWS Organizations": passes when the
 * organisation has both features, `RootCredentialsManagement` and `RootSessions`, as
 * `iam:ListOrganizationsFeatures` (management or IAM delegated-administrator account) lists them.
 * The setting belongs to the organisation, so every account audited with the same answer gets the
 * same verdict. `skipped` when the account is in no organisation (OrganizationNotFound); `unknown`
 * when the answer is missing (a credential report alone cannot show it) or the call failed.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListOrganizationsFeatures.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html
 */
const centralizedRootAccess: PostureCheck = {
  id: 'centralized-root-access',
  topic: 'centralized-root-access',
  source: 'iam:ListOrganizationsFeatures EnabledFeatures; DOMAIN.md §4 [IAM-ENABLE-API], §7.1 (v7.0.0 2.1.1)',
  evaluate: ({ facts }) => {
    const features = facts?.organizationFeatures;
    const failed = facts?.organizationFeaturesError;
    if (features === undefined) {
      if (failed !== undefined && NO_ORGANIZATION.has(failed)) {
        return {
          status: 'skipped',
          detail: 'the account is in no AWS Organization: centralized root access does not apply',
          columns: [],
          apiEvidence: { 'iam:ListOrganizationsFeatures': failed },
        };
      }
      return {
        status: 'unknown',
        detail:
          failed === undefined
            ? 'needs iam:ListOrganizationsFeatures from the management or IAM delegated-administrator account; a credential report cannot show it'
            : `iam:ListOrganizationsFeatures failed (${failed})`,
        columns: [],
        ...(failed !== undefined && { apiEvidence: { 'iam:ListOrganizationsFeatures': failed } }),
      };
    }
    const apiEvidence = { 'iam:ListOrganizationsFeatures': features.join(',') || '(none enabled)' };
    const missing = CENTRAL_ROOT_FEATURES.filter((feature) => !features.includes(feature));
    if (missing.length === 0) {
      return {
        status: 'pass',
        detail: 'the organisation has centralized root access: RootCredentialsManagement and RootSessions',
        columns: [],
        apiEvidence,
      };
    }
    return {
      status: 'fail',
      detail: `the organisation lacks ${missing.map((feature) => `${feature} (${FEATURE_ROLES[feature]})`).join(' and ')}`,
      columns: [],
      apiEvidence,
    };
  },
};

export { centralizedRootAccess, CENTRAL_ROOT_FEATURES };
