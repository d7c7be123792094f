import * as z from 'zod/mini';
import './zod-english.ts';

/**
 * The columns of an IAM credential report, in the order AWS writes them (DOMAIN.md §7.3 [IAM-CR]).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html#id_credentials_understanding_the_report_format
 */
const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** The `user` of the row that describes the account's root user. */
const ROOT_USER = '<root_account>';

/**
 * Special values: `N/A` (no password, no key, a key never used or not since 22 April 2015, a
 * non-Regional service), `no_information` (a password never used, or not since tracking began on
 * 20 October 2014), `not_supported` (root's password columns: the report cannot say).
 */
type SpecialValue = 'N/A' | 'no_information' | 'not_supported';

/** The docs write `TRUE`/`FALSE`; real files write `true`/`false` [CR-ROW]. */
const ReportBooleanSchema = z.pipe(
  z.enum(['true', 'false', 'TRUE', 'FALSE']),
  z.transform((value) => value.toLowerCase() === 'true'),
);

/** ISO 8601 with an offset (`2015-04-22T15:27:05+00:00`), as epoch milliseconds. */
const ReportTimeSchema = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((value) => Date.parse(value)),
);

const timeOr = <const T extends readonly [SpecialValue, ...SpecialValue[]]>(...special: T) =>
  z.union([ReportTimeSchema, z.enum(special)], {
    error: `expected ${['an ISO 8601 time', ...special].join(', ').replace(/, ([^,]+)$/, ' or $1')}`,
  });

/**
 * One row of a credential report, typed: booleans as booleans, times as epoch milliseconds, the
 * special values as themselves. Only the root row is validated (the audit reads nothing else), so an
 * odd IAM-user row never blocks a root audit. `password_enabled` also takes `true`/`false` on root:
 * real reports say `not_supported` there, but published fixtures (Prowler's) say `true`.
 * @example
 * <root_account>,arn:aws:iam::111122223333:root,2017-05-09T12:01:00+00:00,not_supported,
 * 2025-05-20T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,
 * false,N/A,false,N/A
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
const CredentialReportRowSchema = z.object({
  user: z.string().check(z.minLength(1)),
  arn: z.string().check(z.minLength(1)),
  user_creation_time: ReportTimeSchema,
  password_enabled: z.union([ReportBooleanSchema, z.literal('not_supported')], {
    error: 'expected true, false or not_supported',
  }),
  password_last_used: timeOr('no_information', 'N/A'),
  password_last_changed: timeOr('N/A', 'not_supported'),
  password_next_rotation: timeOr('N/A', 'not_supported'),
  mfa_active: ReportBooleanSchema,
  access_key_1_active: ReportBooleanSchema,
  access_key_1_last_rotated: timeOr('N/A'),
  access_key_1_last_used_date: timeOr('N/A'),
  access_key_1_last_used_region: z.string(),
  access_key_1_last_used_service: z.string(),
  access_key_2_active: ReportBooleanSchema,
  access_key_2_last_rotated: timeOr('N/A'),
  access_key_2_last_used_date: timeOr('N/A'),
  access_key_2_last_used_region: z.string(),
  access_key_2_last_used_service: z.string(),
  cert_1_active: ReportBooleanSchema,
  cert_1_last_rotated: timeOr('N/A'),
  cert_2_active: ReportBooleanSchema,
  cert_2_last_rotated: timeOr('N/A'),
});

/**
 * What `aws iam get-credential-report` prints (the `GetCredentialReport` response): the CSV,
 * base64-encoded, and when it was generated. `GeneratedTime` is the natural "as of" of the report.
 * @example
 * { "Content": "dXNlcixhcm4sdXNlcl9jcmVhdGlvbl90aW1lLC4uLg==", "ReportFormat": "text/csv",
 *   "GeneratedTime": "2025-06-01T12:00:00+00:00" }
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
 */
const GetCredentialReportOutputSchema = z.looseObject({
  Content: z
    .string()
    .check(z.regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, { error: 'expected base64 (the CSV, encoded)' })),
  ReportFormat: z.optional(z.literal('text/csv')),
  GeneratedTime: z.optional(z.iso.datetime({ offset: true })),
});

type CredentialReportColumn = (typeof CREDENTIAL_REPORT_COLUMNS)[number];
type CredentialReportRow = z.infer<typeof CredentialReportRowSchema>;
type GetCredentialReportOutput = z.infer<typeof GetCredentialReportOutputSchema>;

export {
  CREDENTIAL_REPORT_COLUMNS,
  ROOT_USER,
  ReportBooleanSchema,
  ReportTimeSchema,
  CredentialReportRowSchema,
  GetCredentialReportOutputSchema,
};
export type { CredentialReportColumn, CredentialReportRow, GetCredentialReportOutput };
