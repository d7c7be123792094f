import type { CredentialReportColumn, CredentialReportRow } from '../schemas/credential-report.ts';
import type { RootPostureFacts } from '../schemas/root-posture-facts.ts';

/** The root credentials a credential report shows, besides the password it cannot show. */
const CREDENTIAL_COLUMNS = [
  'mfa_active',
  'access_key_1_active',
  'access_key_2_active',
  'cert_1_active',
  'cert_2_active',
  'mfa_active',
] as const satisfies readonly CredentialReportColumn[];

const CREDENTIAL_NAMES: Record<(typeof CREDENTIAL_COLUMNS)[number], string> = {
  access_key_1_active: 'access key 1',
  access_key_2_active: 'access key 2',
  cert_1_active: 'signing certificate 1',
  cert_2_active: 'signing certificate 2',
  mfa_active: 'an MFA device',
};

/** How a result names the state centralized root access leaves member accounts in. */
const NO_ROOT_CREDENTIALS = 'no root credentials';

/** Whether the root user is known to hold no credential at all, and why (or why that is not known). */
interface RootCredentials {
  /**
   * True only when root has no password, access key, signing certificate or MFA device, and cannot
   * get a password back: the state centralized root access leaves member accounts in.
   */
  none: boolean;
  /** One clause for the result's detail. */
  because: string;
  /** The report columns read: `mfa_active` alone from a credential report, all credentials in the AWS mode. */
  columns: readonly CredentialReportColumn[];
  /** The AWS answers used, keyed `iam:<Action>`. */
  apiEvidence: Record<string, string>;
}

const apiEvidenceOf = (facts: RootPostureFacts): Record<string, string> => ({
  ...(facts.organizationFeatures && {
    'iam:ListOrganizationsFeatures': facts.organizationFeatures.join(',') || '(none enabled)',
  }),
  ...(facts.rootLoginProfile && {
    'iam:GetLoginProfile': facts.rootLoginProfile === 'present' ? 'login profile present' : 'NoSuchEntity',
  }),
});

/**
 * Decides, in the AWS mode, whether a member account's root user has no credentials at all. It
 * needs both AWS answers: root's login profile (`GetLoginProfile` in an `AssumeRoot` session: a
 * credential report always says `not_supported` for root's password) and the organisation's
 * features (with `RootCredentialsManagement`, member accounts cannot recover a root password, so a
 * root without credentials stays so; without it, anyone holding the root e-mail can set one).
 * From a credential report alone it never concludes `none`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
 */
const rootCredentials = (root: CredentialReportRow, facts: RootPostureFacts | undefined): RootCredentials => {
  if (!facts || (facts.organizationFeatures === undefined && facts.rootLoginProfile === undefined)) {
    return {
      none: false,
      because: 'a credential report cannot show a root user left without credentials',
      columns: ['mfa_active'],
      apiEvidence: {},
    };
  }
  const apiEvidence = apiEvidenceOf(facts);
  const held = CREDENTIAL_COLUMNS.filter((column) => root[column]).map((column) => CREDENTIAL_NAMES[column]);
  const verdict = (none: boolean, because: string): RootCredentials => ({
    none,
    because,
    columns: CREDENTIAL_COLUMNS,
    apiEvidence,
  });
  if (facts.rootLoginProfile === 'present') return verdict(false, 'root has a password (GetLoginProfile)');
  if (held.length > 0) return verdict(false, `root still holds ${held.join(', ')}`);
  if (facts.rootLoginProfile === undefined) {
    return verdict(false, 'whether root has a password is unknown (GetLoginProfile was not answered)');
  }
  if (!facts.organizationFeatures?.includes('RootCredentialsManagement')) {
    return verdict(
      false,
      'root has no credential now, but without RootCredentialsManagement password recovery can give it one',
    );
  }
  return verdict(
    true,
    'root has no password, access key, signing certificate or MFA device, and centralized root access ' +
      '(RootCredentialsManagement) blocks password recovery',
  );
};

/**
 * An account's root credentials in one word, for tables and counts: `none` (decided as above),
 * `held` (the report or GetLoginProfile shows one), or `undecided` (no credential shows, but the
 * evidence cannot rule out a password: a credential report alone, or no answer from IAM).
 */
type RootCredentialState = 'none' | 'held' | 'undecided';

const rootCredentialState = (
  root: CredentialReportRow,
  facts: RootPostureFacts | undefined,
): RootCredentialState => {
  if (rootCredentials(root, facts).none) return 'none';
  const held = CREDENTIAL_COLUMNS.some((column) => root[column]) || facts?.rootLoginProfile === 'present';
  return held ? 'held' : 'undecided';
};

export { rootCredentials, rootCredentialState, NO_ROOT_CREDENTIALS };
export type { RootCredentials, RootCredentialState };
