import { describe, expect, it } from 'vitest';
import { readCredentialReport } from '../../posture/read-credential-report.ts';
import { HEADER, baseRootRow, csvLine, reportCsv } from '../helpers/credential-reports.ts';

const IAM_USER =
  'alice,arn:aws:iam::111122223333:user/alice,2019-02-14T09:30:00+00:00,true,2025-05-31T16:02:00+00:00,' +
  '2025-01-10T08:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

describe('Reader: credential report', () => {
  it('finds the account and the root row, wherever the root row is', () => {
    // Prepare
    const csv = [HEADER, IAM_USER, csvLine(baseRootRow())].join('\n');

    // Act
    const read = readCredentialReport(csv);

    // Assess
    expect(
      read.ok && { account: read.report.account, line: read.report.rootLine, warnings: read.warnings },
    ).toStrictEqual({
      account: '111122223333',
      line: 3,
      warnings: [],
    });
    expect(read.ok && read.report.rootText).toStrictEqual(baseRootRow());
    expect(read.ok && read.report.root.mfa_active).toBe(true);
  });

  it('maps cells by header name, so reordered or added columns are read right', () => {
    // Prepare
    const row = { ...baseRootRow(), mfa_active: 'false' };
    const columns = [...Object.keys(row)].reverse();
    const csv = [
      [...columns, 'a_future_column'].join(','),
      [...columns.map((column) => row[column as keyof typeof row]), 'x'].join(','),
    ].join('\n');

    // Act
    const read = readCredentialReport(csv);

    // Assess
    expect(read.ok && read.report.root.mfa_active).toBe(false);
  });

  it('does not judge IAM users’ rows: only root is audited', () => {
    expect(
      readCredentialReport(reportCsv({}, IAM_USER.replace('2025-05-31T16:02:00+00:00', 'yesterday'))).ok,
    ).toBe(true);
  });

  it.each([
    { name: 'an empty file', csv: '', problems: [{ message: 'empty: no header row' }] },
    {
      name: 'a file that is not a credential report',
      csv: 'user,arn\nx,y\n',
      problems: [
        {
          line: 1,
          message:
            'not a credential report: the header lacks 20 of its 22 columns (user_creation_time, password_enabled, password_last_used…)',
        },
      ],
    },
    {
      name: 'a header without one column',
      csv: reportCsv().replace(',cert_2_last_rotated', ''),
      problems: [
        {
          line: 1,
          message: 'not a credential report: the header lacks 1 of its 22 columns (cert_2_last_rotated)',
        },
      ],
    },
    {
      name: 'a row with too few fields',
      csv: reportCsv({}, 'bob,arn:aws:iam::111122223333:user/bob'),
      problems: [{ line: 3, message: '2 fields where the header has 22' }],
    },
    {
      name: 'no root row',
      csv: `${HEADER}\n${IAM_USER}\n`,
      problems: [{ message: 'no <root_account> row (every credential report has one)' }],
    },
    {
      name: 'two root rows',
      csv: reportCsv({}, csvLine(baseRootRow())),
      problems: [{ line: 3, message: 'a second <root_account> row (first on line 2)' }],
    },
    {
      name: 'an unterminated quote',
      csv: `${HEADER}\n"<root_account>,x\n`,
      problems: [{ line: 2, message: 'a quoted field is never closed' }],
    },
    {
      name: 'root values outside the documented ones, each named',
      csv: reportCsv({ mfa_active: 'yes', password_last_used: 'yesterday' }),
      problems: [
        {
          line: 2,
          column: 'password_last_used',
          message: '"yesterday": expected an ISO 8601 time, no_information or N/A',
        },
        {
          line: 2,
          column: 'mfa_active',
          message: '"yes": Invalid option: expected one of "true"|"false"|"TRUE"|"FALSE"',
        },
      ],
    },
    {
      name: 'a root ARN without an account',
      csv: reportCsv({ arn: 'arn:aws:iam::<root_account>:root' }),
      problems: [
        { line: 2, column: 'arn', message: '"arn:aws:iam::<root_account>:root" names no 12-digit account' },
      ],
    },
  ])('rejects $name, saying where', ({ csv, problems }) => {
    expect(readCredentialReport(csv)).toStrictEqual({ ok: false, problems });
  });

  it.each([
    'arn:aws:iam::123456789012:<root_account>',
    'arn:aws:iam::123456789012:user/<root_account>',
    'arn:aws:iam::123456789012:<root_account>:root',
  ])('reads the account of a fixture-style root ARN %s, with a warning', (arn) => {
    // Act
    const read = readCredentialReport(reportCsv({ arn }));

    // Assess
    expect(read.ok && { account: read.report.account, warnings: read.warnings }).toStrictEqual({
      account: '123456789012',
      warnings: [
        {
          line: 2,
          column: 'arn',
          message: `${JSON.stringify(arn)} is not a root user ARN (…:123456789012:root); auditing account 123456789012`,
        },
      ],
    });
  });

  it('reads other partitions', () => {
    // Act
    const read = readCredentialReport(reportCsv({ arn: 'arn:aws-us-gov:iam::444455556666:root' }));

    // Assess
    expect(read.ok && [read.report.account, read.warnings]).toStrictEqual(['444455556666', []]);
  });
});
