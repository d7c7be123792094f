import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_REPORT_COLUMNS } from '../../schemas/credential-report.ts';
import type { CredentialReportColumn } from '../../schemas/credential-report.ts';
import { REPO_ROOT } from './paths.ts';

type RowText = Record<CredentialReportColumn, string>;

const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'credential-reports');

/**
 * A root row as AWS writes it: `not_supported` for the password columns, lower-case booleans, an
 * old account with MFA, no key, no certificate, a password last used long ago.
 */
const baseRootRow = (): RowText => ({
  user: '<root_account>',
  arn: 'arn:aws:iam::111122223333:root',
  user_creation_time: '2017-05-09T12:01:00+00:00',
  password_enabled: 'not_supported',
  password_last_used: '2025-03-02T18:40:11+00:00',
  password_last_changed: 'not_supported',
  password_next_rotation: 'not_supported',
  mfa_active: 'true',
  access_key_1_active: 'false',
  access_key_1_last_rotated: 'N/A',
  access_key_1_last_used_date: 'N/A',
  access_key_1_last_used_region: 'N/A',
  access_key_1_last_used_service: 'N/A',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
  access_key_2_last_used_region: 'N/A',
  access_key_2_last_used_service: 'N/A',
  cert_1_active: 'false',
  cert_1_last_rotated: 'N/A',
  cert_2_active: 'false',
  cert_2_last_rotated: 'N/A',
});

const HEADER = CREDENTIAL_REPORT_COLUMNS.join(',');

const csvLine = (row: RowText): string => CREDENTIAL_REPORT_COLUMNS.map((column) => row[column]).join(',');

/** A credential report (CSV) whose root row is the base row with `changes`; other lines follow it. */
const reportCsv = (changes: Partial<RowText> = {}, ...otherLines: string[]): string =>
  [HEADER, csvLine({ ...baseRootRow(), ...changes }), ...otherLines].join('\n') + '\n';

/** What `aws iam get-credential-report` prints for a CSV. */
const getCredentialReportJson = (csv: string, generatedTime?: string): string =>
  JSON.stringify({
    Content: Buffer.from(csv).toString('base64'),
    ReportFormat: 'text/csv',
    ...(generatedTime && { GeneratedTime: generatedTime }),
  });

/** A credential report of `account` whose root row is the base row with `changes`. */
const accountReportCsv = (account: string, changes: Partial<RowText> = {}): string =>
  reportCsv({ arn: `arn:aws:iam::${account}:root`, ...changes });

/** Root with an active, old, recently used key and no MFA: every root posture check fails. */
const exposedRoot = (usedAt: string): Partial<RowText> => ({
  mfa_active: 'false',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2020-01-01T00:00:00+00:00',
  access_key_1_last_used_date: usedAt,
  access_key_1_last_used_region: 'us-east-1',
  access_key_1_last_used_service: 's3',
});

/** Root left without any credential, as centralized root access leaves member accounts. */
const bareRoot: Partial<RowText> = { mfa_active: 'false', password_last_used: 'no_information' };

const fixturePath = (file: string): string => join(FIXTURES_DIR, file);
const fixtureText = (file: string): string => readFileSync(fixturePath(file), 'utf8');

export {
  HEADER,
  baseRootRow,
  csvLine,
  reportCsv,
  accountReportCsv,
  exposedRoot,
  bareRoot,
  getCredentialReportJson,
  fixturePath,
  fixtureText,
  FIXTURES_DIR,
};
export type { RowText };
