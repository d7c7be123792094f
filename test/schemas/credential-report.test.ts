import { describe, expect, it } from 'vitest';
import {
  CredentialReportRowSchema,
  GetCredentialReportOutputSchema,
} from '../../schemas/credential-report.ts';
import { baseRootRow } from '../helpers/credential-reports.ts';

describe('Schema: credential report row', () => {
  it('types a real root row: booleans, epoch milliseconds, special values as given', () => {
    // Act
    const row = CredentialReportRowSchema.parse(baseRootRow());

    // Assess
    expect(row).toStrictEqual({
      user: '<root_account>',
      arn: 'arn:aws:iam::111122223333:root',
      user_creation_time: Date.UTC(2017, 4, 9, 12, 1, 0),
      password_enabled: 'not_supported',
      password_last_used: Date.UTC(2025, 2, 2, 18, 40, 11),
      password_last_changed: 'not_supported',
      password_next_rotation: 'not_supported',
      mfa_active: true,
      access_key_1_active: false,
      access_key_1_last_rotated: 'N/A',
      access_key_1_last_used_date: 'N/A',
      access_key_1_last_used_region: 'N/A',
      access_key_1_last_used_service: 'N/A',
      access_key_2_active: false,
      access_key_2_last_rotated: 'N/A',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
      cert_1_active: false,
      cert_1_last_rotated: 'N/A',
      cert_2_active: false,
      cert_2_last_rotated: 'N/A',
    });
  });

  it.each([
    { column: 'mfa_active', value: 'TRUE', parsed: true },
    { column: 'mfa_active', value: 'FALSE', parsed: false },
    { column: 'password_enabled', value: 'true', parsed: true },
    { column: 'password_last_used', value: 'no_information', parsed: 'no_information' },
    { column: 'password_last_used', value: 'N/A', parsed: 'N/A' },
    { column: 'password_last_changed', value: 'N/A', parsed: 'N/A' },
    {
      column: 'access_key_1_last_used_date',
      value: '2025-06-01T09:15:02+00:00',
      parsed: Date.UTC(2025, 5, 1, 9, 15, 2),
    },
    { column: 'cert_2_last_rotated', value: '2020-01-01T00:00:00Z', parsed: Date.UTC(2020, 0, 1) },
  ] as const)('accepts $value in $column', ({ column, value, parsed }) => {
    expect(CredentialReportRowSchema.parse({ ...baseRootRow(), [column]: value })[column]).toStrictEqual(
      parsed,
    );
  });

  it.each([
    {
      column: 'mfa_active',
      value: 'yes',
      message: 'Invalid option: expected one of "true"|"false"|"TRUE"|"FALSE"',
    },
    { column: 'password_enabled', value: 'N/A', message: 'expected true, false or not_supported' },
    {
      column: 'password_last_used',
      value: 'not_supported',
      message: 'expected an ISO 8601 time, no_information or N/A',
    },
    {
      column: 'access_key_1_last_used_date',
      value: 'no_information',
      message: 'expected an ISO 8601 time or N/A',
    },
    { column: 'user_creation_time', value: '2017-05-09 12:01:00', message: 'Invalid ISO datetime' },
    {
      column: 'password_last_changed',
      value: '',
      message: 'expected an ISO 8601 time, N/A or not_supported',
    },
  ] as const)('rejects $value in $column', ({ column, value, message }) => {
    // Act
    const parsed = CredentialReportRowSchema.safeParse({ ...baseRootRow(), [column]: value });

    // Assess
    expect(parsed.error?.issues.map(({ path, message }) => ({ path, message }))).toStrictEqual([
      { path: [column], message },
    ]);
  });
});

describe('Schema: GetCredentialReport output', () => {
  const output = {
    Content: 'dXNlcixhcm4K',
    ReportFormat: 'text/csv',
    GeneratedTime: '2025-06-01T12:00:00+00:00',
  };

  it('accepts what the AWS CLI prints', () => {
    expect(GetCredentialReportOutputSchema.parse(output)).toStrictEqual(output);
  });

  it.each([
    { change: { Content: 'not base64!' }, path: 'Content' },
    { change: { ReportFormat: 'text/html' }, path: 'ReportFormat' },
    { change: { GeneratedTime: 'yesterday' }, path: 'GeneratedTime' },
    { change: { Content: undefined }, path: 'Content' },
  ])('rejects a bad $path', ({ change, path }) => {
    // Act
    const parsed = GetCredentialReportOutputSchema.safeParse({ ...output, ...change });

    // Assess
    expect(parsed.error?.issues.map((issue) => issue.path)).toStrictEqual([[path]]);
  });
});
