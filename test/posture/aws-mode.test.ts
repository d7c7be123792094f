import { describe, expect, it } from 'vitest';
import { rootCredentials } from '../../posture/root-credentials.ts';
import { rootVirtualMfaDevice } from '../../posture/root-virtual-mfa.ts';
import { CredentialReportRowSchema } from '../../schemas/credential-report.ts';
import type { RootPostureFacts, VirtualMfaDevice } from '../../schemas/root-posture-facts.ts';
import { baseRootRow } from '../helpers/credential-reports.ts';
import type { RowText } from '../helpers/credential-reports.ts';
import { checkResult } from '../helpers/posture.ts';

const CENTRALIZED = ['RootCredentialsManagement', 'RootSessions'];
/** A member account after centralized root access removed every root credential. */
const BARE_ROOT: Partial<RowText> = { mfa_active: 'false', password_last_used: 'no_information' };
const ALL_CREDENTIAL_COLUMNS = {
  mfa_active: 'false',
  access_key_1_active: 'false',
  access_key_2_active: 'false',
  cert_1_active: 'false',
  cert_2_active: 'false',
};

describe('AWS mode: a root user without credentials (root-mfa, root-hardware-mfa)', () => {
  it('passes both MFA checks as "no root credentials" when centralized root access left root without any', () => {
    // Prepare
    const facts: RootPostureFacts = { organizationFeatures: CENTRALIZED, rootLoginProfile: 'absent' };

    // Act
    const mfa = checkResult('root-mfa', BARE_ROOT, { facts });
    const hardware = checkResult('root-hardware-mfa', BARE_ROOT, { facts });

    // Assess
    const expected = {
      status: 'pass',
      detail:
        'no root credentials: root has no password, access key, signing certificate or MFA device, and ' +
        'centralized root access (RootCredentialsManagement) blocks password recovery',
      evidence: {
        ...ALL_CREDENTIAL_COLUMNS,
        'iam:ListOrganizationsFeatures': 'RootCredentialsManagement,RootSessions',
        'iam:GetLoginProfile': 'NoSuchEntity',
      },
    };
    expect({ status: mfa.status, detail: mfa.detail, evidence: mfa.evidence }).toStrictEqual(expected);
    expect({ status: hardware.status, detail: hardware.detail, evidence: hardware.evidence }).toStrictEqual(
      expected,
    );
  });

  it.each<{ name: string; changes?: Partial<RowText>; facts: RootPostureFacts; because: string }>([
    {
      name: 'root still has a password',
      facts: { organizationFeatures: CENTRALIZED, rootLoginProfile: 'present' },
      because: 'root has a password (GetLoginProfile)',
    },
    {
      name: 'root still has an access key',
      changes: { access_key_1_active: 'true' },
      facts: { organizationFeatures: CENTRALIZED, rootLoginProfile: 'absent' },
      because: 'root still holds access key 1',
    },
    {
      name: 'root still has a signing certificate',
      changes: { cert_2_active: 'true' },
      facts: { organizationFeatures: CENTRALIZED, rootLoginProfile: 'absent' },
      because: 'root still holds signing certificate 2',
    },
    {
      name: 'the login profile is not known',
      facts: { organizationFeatures: CENTRALIZED },
      because: 'whether root has a password is unknown (GetLoginProfile was not answered)',
    },
    {
      name: 'password recovery is not blocked (only RootSessions)',
      facts: { organizationFeatures: ['RootSessions'], rootLoginProfile: 'absent' },
      because:
        'root has no credential now, but without RootCredentialsManagement password recovery can give it one',
    },
    {
      name: 'the organisation features are not known',
      facts: { rootLoginProfile: 'absent' },
      because:
        'root has no credential now, but without RootCredentialsManagement password recovery can give it one',
    },
    {
      name: 'nothing was learnt',
      facts: { virtualMfaDevices: [] },
      because: 'a credential report cannot show a root user left without credentials',
    },
  ])('fails root-mfa without MFA when $name', ({ changes, facts, because }) => {
    // Act
    const result = checkResult('root-mfa', { ...BARE_ROOT, ...changes }, { facts });

    // Assess
    expect([result.status, result.detail]).toStrictEqual(['fail', `root has no MFA device; ${because}`]);
  });

  it('names an organisation with no root access feature enabled in the evidence', () => {
    // Act
    const result = checkResult('root-mfa', BARE_ROOT, {
      facts: { organizationFeatures: [], rootLoginProfile: 'absent' },
    });

    // Assess
    expect(result.evidence).toStrictEqual({
      ...ALL_CREDENTIAL_COLUMNS,
      'iam:ListOrganizationsFeatures': '(none enabled)',
      'iam:GetLoginProfile': 'NoSuchEntity',
    });
  });

  it('passes root-mfa when root kept its MFA device, even with no other credential', () => {
    // Act
    const result = checkResult(
      'root-mfa',
      { ...BARE_ROOT, mfa_active: 'true' },
      {
        facts: { organizationFeatures: CENTRALIZED, rootLoginProfile: 'absent' },
      },
    );

    // Assess
    expect([result.status, result.detail]).toStrictEqual(['pass', 'root has an MFA device']);
  });

  it('never concludes "no credentials" from a report alone', () => {
    // Prepare
    const root = CredentialReportRowSchema.parse({
      ...baseRootRow(),
      ...BARE_ROOT,
      password_enabled: 'false',
    });

    // Assess
    expect(rootCredentials(root, undefined).none).toBe(false);
  });
});

describe('AWS mode: root-hardware-mfa from the virtual MFA list', () => {
  const device = (serial: string, user?: string): VirtualMfaDevice => ({
    SerialNumber: `arn:aws:iam::111122223333:mfa/${serial}`,
    ...(user && { User: { Arn: user } }),
  });
  const ROOT_DEVICE = device('root-account-mfa-device', 'arn:aws:iam::111122223333:root');

  it.each<{ name: string; devices: VirtualMfaDevice[]; status: string; detail: string; listed: string }>([
    {
      name: "root's virtual device is listed",
      devices: [device('alice', 'arn:aws:iam::111122223333:user/alice'), ROOT_DEVICE],
      status: 'fail',
      detail: "root's MFA is the virtual device arn:aws:iam::111122223333:mfa/root-account-mfa-device",
      listed: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device',
    },
    {
      name: "only IAM users' and unassigned devices are listed",
      devices: [device('alice', 'arn:aws:iam::111122223333:user/alice'), device('spare')],
      status: 'pass',
      detail: 'root has MFA and no virtual device: a hardware token or FIDO security key',
      listed: 'no virtual device assigned to root',
    },
    {
      name: "another account's root device is listed",
      devices: [device('other', 'arn:aws:iam::444455556666:root')],
      status: 'pass',
      detail: 'root has MFA and no virtual device: a hardware token or FIDO security key',
      listed: 'no virtual device assigned to root',
    },
    {
      name: 'the list is empty',
      devices: [],
      status: 'pass',
      detail: 'root has MFA and no virtual device: a hardware token or FIDO security key',
      listed: 'no virtual device assigned to root',
    },
  ])('$status when $name', ({ devices, status, detail, listed }) => {
    // Act
    const result = checkResult('root-hardware-mfa', {}, { facts: { virtualMfaDevices: devices } });

    // Assess
    expect({ status: result.status, detail: result.detail, evidence: result.evidence }).toStrictEqual({
      status,
      detail,
      evidence: { mfa_active: 'true', 'iam:ListVirtualMFADevices': listed },
    });
  });

  it('fails without MFA whatever the list says', () => {
    // Act
    const result = checkResult(
      'root-hardware-mfa',
      { mfa_active: 'false' },
      { facts: { virtualMfaDevices: [ROOT_DEVICE] } },
    );

    // Assess
    expect([result.status, result.detail]).toStrictEqual(['fail', 'root has no MFA device at all']);
  });

  it('matches the device on its user ARN, in any partition', () => {
    expect(
      rootVirtualMfaDevice('111122223333', [
        { SerialNumber: 'x', User: { Arn: 'arn:aws:iam::111122223333:root-like' } },
        { SerialNumber: 'y', User: { Arn: 'arn:aws-cn:iam::111122223333:root' } },
      ]),
    ).toStrictEqual({ SerialNumber: 'y', User: { Arn: 'arn:aws-cn:iam::111122223333:root' } });
  });
});

describe('AWS mode: centralized root access for the organisation (centralized-root-access)', () => {
  it.each<{ name: string; facts?: RootPostureFacts; status: string; detail: string; evidence: object }>([
    {
      name: 'both features are enabled',
      facts: { organizationFeatures: ['RootSessions', 'RootCredentialsManagement'] },
      status: 'pass',
      detail: 'the organisation has centralized root access: RootCredentialsManagement and RootSessions',
      evidence: { 'iam:ListOrganizationsFeatures': 'RootSessions,RootCredentialsManagement' },
    },
    {
      name: 'only RootSessions is enabled',
      facts: { organizationFeatures: ['RootSessions'] },
      status: 'fail',
      detail:
        'the organisation lacks RootCredentialsManagement (remove member root credentials and block their recovery)',
      evidence: { 'iam:ListOrganizationsFeatures': 'RootSessions' },
    },
    {
      name: 'neither feature is enabled',
      facts: { organizationFeatures: [] },
      status: 'fail',
      detail:
        'the organisation lacks RootCredentialsManagement (remove member root credentials and block their recovery) ' +
        'and RootSessions (run privileged root tasks in members (sts:AssumeRoot))',
      evidence: { 'iam:ListOrganizationsFeatures': '(none enabled)' },
    },
    {
      name: 'the account is in no organisation',
      facts: { organizationFeaturesError: 'OrganizationNotFoundException' },
      status: 'skipped',
      detail: 'the account is in no AWS Organization: centralized root access does not apply',
      evidence: { 'iam:ListOrganizationsFeatures': 'OrganizationNotFoundException' },
    },
    {
      name: 'the function is not in the management account',
      facts: { organizationFeaturesError: 'AccountNotManagementOrDelegatedAdministratorException' },
      status: 'unknown',
      detail: 'iam:ListOrganizationsFeatures failed (AccountNotManagementOrDelegatedAdministratorException)',
      evidence: { 'iam:ListOrganizationsFeatures': 'AccountNotManagementOrDelegatedAdministratorException' },
    },
    {
      name: 'only a credential report was read',
      status: 'unknown',
      detail:
        'needs iam:ListOrganizationsFeatures from the management or IAM delegated-administrator account; a credential report cannot show it',
      evidence: {},
    },
  ])('$status when $name', ({ facts, status, detail, evidence }) => {
    // Act
    const result = checkResult('centralized-root-access', {}, facts ? { facts } : {});

    // Assess
    expect({ status: result.status, detail: result.detail, evidence: result.evidence }).toStrictEqual({
      status,
      detail,
      evidence,
    });
  });

  it('cites CIS v7.0.0 2.1.1 and nothing in versions without it', () => {
    // Act
    const result = checkResult(
      'centralized-root-access',
      {},
      { settings: { cisVersions: ['3.0.0', '7.0.0'] } },
    );

    // Assess
    expect(result.controls).toStrictEqual([
      {
        framework: 'CIS AWS Foundations Benchmark',
        version: '7.0.0',
        id: '2.1.1',
        title: 'Ensure centralized root access in AWS Organizations',
      },
    ]);
  });
});
