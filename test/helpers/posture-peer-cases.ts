import { isoTime } from '../../posture/time.ts';
import type { RootPostureFacts, VirtualMfaDevice } from '../../schemas/root-posture-facts.ts';
import { HEADER, baseRootRow, csvLine } from './credential-reports.ts';
import type { RowText } from './credential-reports.ts';
import { readJsonLines } from './peer-cases.ts';

/** One line of ../shared/peer-cases/peer_posture_cases.jsonl (see its README). */
interface PeerPostureCase {
  source: string;
  check: string;
  test: string;
  expected_status: 'PASS' | 'FAIL' | 'NO_FINDING';
  /** Prowler: the cells its test sets on the first credential report row. */
  credential_report_overrides?: Record<string, string> | null;
  /** Prowler: a whole report, with `{placeholders}` its test fills with times relative to now. */
  raw_credential_report_template?: string | null;
  org_root_credentials_management?: boolean | null;
  /** Panther: the policy's resource (a credential report row in Panther's names, and root's virtual MFA). */
  resource?: PantherRootResource;
}

interface PantherRootResource {
  ARN: string;
  CredentialReport: Record<string, string | boolean>;
  VirtualMFA: { SerialNumber: string; EnableDate: string } | null;
}

/** What the harness gives rootwatch for one case: a credential report, the AWS facts, the as-of. */
interface PeerPostureInput {
  csv: string;
  facts: RootPostureFacts;
  asOf: number;
}

/** The moment every case is judged at; the peers' tests use their clock, the harness a fixed one. */
const PEER_AS_OF = Date.UTC(2025, 5, 1, 12);
const DAY_MS = 86_400_000;

const readPeerPostureCases = (): PeerPostureCase[] =>
  readJsonLines<PeerPostureCase>('peer_posture_cases.jsonl');

/** `prowler iam_root_mfa_enabled: test_root_no_credentials`: how waivers name a case. */
const peerPostureCaseName = (peerCase: PeerPostureCase): string =>
  `${peerCase.source.startsWith('panther') ? 'panther' : 'prowler'} ${peerCase.check}: ${peerCase.test}`;

/**
 * What Prowler's iam_avoid_root_usage tests put in the template's placeholders: `now` for the
 * "recently used" tests, 100 days before for the others
 * (tests/providers/aws/services/iam/iam_avoid_root_usage/iam_avoid_root_usage_test.py).
 */
const PROWLER_LAST_USE_AGE_DAYS: Record<string, number> = {
  test_root_password_recently_used: 0,
  test_root_access_key_1_recently_used: 0,
  test_root_access_key_2_recently_used: 0,
  test_root_password_used: 100,
  test_root_access_key_1_used: 100,
  test_root_access_key_2_used: 100,
};

const ROOT_VIRTUAL_MFA: VirtualMfaDevice = {
  SerialNumber: 'arn:aws:iam::123456789012:mfa/mfa',
  User: { Arn: 'arn:aws:iam::123456789012:root' },
};

/**
 * What Prowler's iam_root_hardware_mfa_enabled tests mock besides the credential report, which the
 * JSONL leaves out: the account summary's `AccountMFAEnabled` (root's MFA; null when the test makes
 * the summary unreadable) and `virtual_mfa_devices`
 * (tests/providers/aws/services/iam/iam_root_hardware_mfa_enabled/iam_root_hardware_mfa_enabled_test.py).
 */
const PROWLER_HARDWARE_MFA_MOCKS: Record<
  string,
  { accountMfaEnabled: boolean | null; devices: VirtualMfaDevice[] }
> = {
  test_root_virtual_mfa_enabled: { accountMfaEnabled: true, devices: [ROOT_VIRTUAL_MFA] },
  test_root_hardware_mfa_enabled: { accountMfaEnabled: true, devices: [] },
  test_root_hardware_mfa_enabled_none_summary: { accountMfaEnabled: null, devices: [] },
  test_root_no_credentials: { accountMfaEnabled: true, devices: [] },
  test_root_hardware_mfa_with_organizational_management_enabled: { accountMfaEnabled: true, devices: [] },
  test_root_virtual_mfa_with_organizational_management_enabled: {
    accountMfaEnabled: true,
    devices: [ROOT_VIRTUAL_MFA],
  },
  test_root_no_mfa_with_organizational_management_enabled: { accountMfaEnabled: false, devices: [] },
};

/**
 * What Prowler's iam_root_credentials_management_enabled tests answer for ListOrganizationsFeatures:
 * no organisation at all, both features, none
 * (tests/providers/aws/services/iam/iam_root_credentials_management_enabled/iam_root_credentials_management_enabled_test.py).
 */
const PROWLER_ORGANIZATION_FEATURES: Record<string, RootPostureFacts> = {
  test_no_organization: { organizationFeaturesError: 'OrganizationNotFoundException' },
  test__root_credentials_management_enabled: {
    organizationFeatures: ['RootSessions', 'RootCredentialsManagement'],
  },
  test__root_credentials_management_disabled: { organizationFeatures: [] },
};

/** A root row as AWS writes it, for account 123456789012; Prowler's overrides go on top. */
const prowlerBaseRow = (): RowText => ({
  ...baseRootRow(),
  arn: 'arn:aws:iam::123456789012:root',
  user_creation_time: '2019-01-01T00:00:00+00:00',
  password_last_used: 'no_information',
  mfa_active: 'false',
});

/**
 * The peer's facts in rootwatch's terms. A peer fixture's `password_enabled` on root stands for
 * what rootwatch learns from `GetLoginProfile` (real reports say `not_supported` there), and
 * Prowler's `organization_features` for `ListOrganizationsFeatures`.
 */
const factsOf = (
  passwordEnabled: string,
  centralized: boolean,
  devices?: VirtualMfaDevice[],
): RootPostureFacts => ({
  organizationFeatures: centralized ? ['RootCredentialsManagement'] : [],
  rootLoginProfile: passwordEnabled === 'true' ? 'present' : 'absent',
  ...(devices && { virtualMfaDevices: devices }),
});

const prowlerInput = (peerCase: PeerPostureCase): PeerPostureInput => {
  if (peerCase.raw_credential_report_template) {
    const lastUse = isoTime(PEER_AS_OF - (PROWLER_LAST_USE_AGE_DAYS[peerCase.test] ?? 0) * DAY_MS);
    const csv = peerCase.raw_credential_report_template.replace(/\{[a-z_0-9]+\}/g, lastUse);
    return { csv, facts: {}, asOf: PEER_AS_OF };
  }
  const row = { ...prowlerBaseRow(), ...peerCase.credential_report_overrides } as RowText;
  if (peerCase.check === 'iam_root_credentials_management_enabled') {
    const facts = PROWLER_ORGANIZATION_FEATURES[peerCase.test];
    if (!facts) throw new Error(`no ListOrganizationsFeatures answer for ${peerCase.test}`);
    return { csv: `${HEADER}\n${csvLine(row)}\n`, facts, asOf: PEER_AS_OF };
  }
  const mocks = PROWLER_HARDWARE_MFA_MOCKS[peerCase.test];
  const hardware = peerCase.check === 'iam_root_hardware_mfa_enabled' ? mocks : undefined;
  // An unreadable account summary: root's MFA is unknown to the peer, and so is the device list.
  if (hardware) row.mfa_active = hardware.accountMfaEnabled === false ? 'false' : 'true';
  const devices = hardware && hardware.accountMfaEnabled !== null ? hardware.devices : undefined;
  return {
    csv: `${HEADER}\n${csvLine(row)}\n`,
    facts: factsOf(row.password_enabled, peerCase.org_root_credentials_management === true, devices),
    asOf: PEER_AS_OF,
  };
};

/** Panther writes N/A and no_information as Go's zero time. */
const pantherCell = (value: string | boolean, zero: 'N/A' | 'no_information' = 'N/A'): string =>
  typeof value === 'boolean' ? String(value) : value === '0001-01-01T00:00:00Z' ? zero : value;

const pantherInput = (resource: PantherRootResource): PeerPostureInput => {
  const report = resource.CredentialReport;
  const cell = (key: string, zero?: 'N/A' | 'no_information') => pantherCell(report[key] ?? 'N/A', zero);
  const row: RowText = {
    user: cell('UserName'),
    arn: cell('ARN'),
    user_creation_time: cell('UserCreationTime'),
    password_enabled: cell('PasswordEnabled'),
    password_last_used: cell('PasswordLastUsed', 'no_information'),
    password_last_changed: cell('PasswordLastChanged'),
    password_next_rotation: cell('PasswordNextRotation'),
    mfa_active: cell('MfaActive'),
    access_key_1_active: cell('AccessKey1Active'),
    access_key_1_last_rotated: cell('AccessKey1LastRotated'),
    access_key_1_last_used_date: cell('AccessKey1LastUsedDate'),
    access_key_1_last_used_region: cell('AccessKey1LastUsedRegion'),
    access_key_1_last_used_service: cell('AccessKey1LastUsedService'),
    access_key_2_active: cell('AccessKey2Active'),
    access_key_2_last_rotated: cell('AccessKey2LastRotated'),
    access_key_2_last_used_date: cell('AccessKey2LastUsedDate'),
    access_key_2_last_used_region: cell('AccessKey2LastUsedRegion'),
    access_key_2_last_used_service: cell('AccessKey2LastUsedService'),
    cert_1_active: cell('Cert1Active'),
    cert_1_last_rotated: cell('Cert1LastRotated'),
    cert_2_active: cell('Cert2Active'),
    cert_2_last_rotated: cell('Cert2LastRotated'),
  };
  const devices = resource.VirtualMFA
    ? [{ SerialNumber: resource.VirtualMFA.SerialNumber, User: { Arn: resource.ARN } }]
    : [];
  return {
    csv: `${HEADER}\n${csvLine(row)}\n`,
    facts: factsOf(row.password_enabled, false, devices),
    asOf: PEER_AS_OF,
  };
};

/** The case as rootwatch input: a credential report CSV, the AWS facts, the as-of. */
const peerPostureInput = (peerCase: PeerPostureCase): PeerPostureInput =>
  peerCase.resource ? pantherInput(peerCase.resource) : prowlerInput(peerCase);

export {
  readPeerPostureCases,
  peerPostureCaseName,
  peerPostureInput,
  PROWLER_HARDWARE_MFA_MOCKS,
  PROWLER_LAST_USE_AGE_DAYS,
};
export type { PeerPostureCase, PeerPostureInput };
