import { describe, expect, it } from 'vitest';
import { POSTURE_CHECKS, PostureResultSchema } from '../../schemas/posture-result.ts';
import { fixtureText, reportCsv } from '../helpers/credential-reports.ts';
import { auditCsv } from '../helpers/posture.ts';

const CONTROL = (id: string, title: string) => ({
  framework: 'CIS AWS Foundations Benchmark',
  version: '3.0.0',
  id,
  title,
});

describe('Audit: one account', () => {
  it('gives every check, in order, valid against the contract', () => {
    // Act
    const results = auditCsv(reportCsv());

    // Assess
    expect(results.map((result) => result.check)).toStrictEqual([...POSTURE_CHECKS]);
    expect(results.map((result) => PostureResultSchema.parse(result))).toStrictEqual(results);
  });

  it('reports a risky root exactly: status, CIS controls, detail and evidence as written', () => {
    // Prepare
    const json = JSON.parse(fixtureText('444455556666-get-credential-report.json')) as { Content: string };
    const csv = Buffer.from(json.Content, 'base64').toString('utf8');

    // Act
    const results = auditCsv(csv, { asOf: { at: Date.UTC(2025, 5, 1, 12), source: 'report' } });

    // Assess
    const when = "as of 2025-06-01T12:00:00Z (the report's GeneratedTime)";
    expect(results).toStrictEqual([
      {
        account: '444455556666',
        check: 'root-access-keys',
        status: 'fail',
        controls: [CONTROL('1.4', "Ensure no 'root' user account access key exists")],
        detail: 'root access key 1 is active',
        evidence: { access_key_1_active: 'TRUE', access_key_2_active: 'FALSE' },
      },
      {
        account: '444455556666',
        check: 'root-key-rotation',
        status: 'fail',
        controls: [CONTROL('1.14', 'Ensure access keys are rotated every 90 days or less')],
        detail: `root access key 1 last rotated 2024-11-03T07:12:45Z, 210 days before: over 90 days ${when}`,
        evidence: {
          access_key_1_active: 'TRUE',
          access_key_1_last_rotated: '2024-11-03T07:12:45+00:00',
          access_key_2_active: 'FALSE',
          access_key_2_last_rotated: 'N/A',
        },
      },
      {
        account: '444455556666',
        check: 'root-mfa',
        status: 'fail',
        controls: [CONTROL('1.5', "Ensure MFA is enabled for the 'root' user account")],
        detail:
          'root has no MFA device; a credential report cannot show a root user left without credentials',
        evidence: { mfa_active: 'FALSE' },
      },
      {
        account: '444455556666',
        check: 'root-hardware-mfa',
        status: 'fail',
        controls: [CONTROL('1.6', "Ensure hardware MFA is enabled for the 'root' user account")],
        detail: 'root has no MFA device at all',
        evidence: { mfa_active: 'FALSE' },
      },
      {
        account: '444455556666',
        check: 'root-recent-use',
        status: 'fail',
        controls: [CONTROL('1.7', "Eliminate use of the 'root' user for administrative and daily tasks")],
        detail: `root access key 1 used 2025-06-01T09:15:02Z, 2 hours before: within 1 day ${when}`,
        evidence: {
          user_creation_time: '2016-01-20T10:00:00+00:00',
          password_last_used: 'no_information',
          access_key_1_last_used_date: '2025-06-01T09:15:02+00:00',
          access_key_2_last_used_date: 'N/A',
        },
      },
      {
        account: '444455556666',
        check: 'centralized-root-access',
        status: 'unknown',
        controls: [],
        detail:
          'needs iam:ListOrganizationsFeatures from the management or IAM delegated-administrator account; a credential report cannot show it',
        evidence: {},
      },
    ]);
  });

  it.each([
    { versions: ['1.2.0'] as const, ids: ['1.12', '1.4', '1.13', '1.14', '1.1', ''] },
    {
      versions: ['5.0.0', '7.0.0'] as const,
      ids: ['1.3,2.4', '1.13,2.12', '1.4,2.5', '1.5,2.6', '1.6,2.7', '2.1.1'],
    },
  ])('cites CIS $versions', ({ versions, ids }) => {
    // Act
    const results = auditCsv(reportCsv(), { settings: { cisVersions: versions } });

    // Assess
    expect(results.map((result) => result.controls.map((control) => control.id).join(','))).toStrictEqual(
      ids,
    );
  });
});
