import { CREDENTIAL_CHANGE_EVENTS } from '../../detection/activity/credential-change.ts';
import { LOGGING_CHANGE_EVENTS } from '../../detection/activity/logging-change.ts';
import { PASSWORD_RECOVERY_EVENTS } from '../../detection/activity/password-recovery.ts';
import { CONSOLE_INVOKED_BY } from '../../detection/credential/console-markers.ts';
import type { EventTable } from '../../detection/event-table.ts';
import { CLOCK_SKEW_MS, MAX_SESSION_SECONDS } from '../../detection/root-sessions.ts';
import type { SqlDialect } from './dialects.ts';
import type { TimeRange } from './time-range.ts';
import { rangeConditions, SESSION_LEAD_MS } from './time-range.ts';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** `(eventsource = 'iam.amazonaws.com' AND eventname IN (...)) OR ...`, from a detection table. */
const inTable = (table: EventTable, alias: string): string => {
  const bySource = new Map<string, string[]>();
  for (const [source, name] of table.events()) bySource.set(source, [...(bySource.get(source) ?? []), name]);
  return [...bySource]
    .map(
      ([source, names]) =>
        `(${alias}.eventsource = ${quote(source)} AND ${alias}.eventname IN (${names.map(quote).join(', ')}))`,
    )
    .join('\n           OR ');
};

/**
 * The query that applies rootwatch's detection in an engine that already holds the archive:
 * the same root relation (identity `Root`, or a session whose issuer is `Root`), the same exclusion
 * (`AwsServiceEvent`), AssumeRoot sessions correlated by the key they issued, and the classification
 * columns of the finding (credential, activity, outcome, mfa) in the order the detector decides them.
 * Severity, CIS controls and texts stay with rootwatch (its policy, and your overrides).
 * `range` bounds what the engine reads (cli/sql/time-range.ts); on Athena the results carry each
 * record as JSON (`record`), which `rootwatch classify` reads back from the results' CSV.
 */
const rootActivityQuery = (
  dialect: SqlDialect,
  { table = dialect.defaultTable, range = {} }: { table?: string; range?: TimeRange } = {},
): string => {
  const t = (column: string) => dialect.time(column);
  const skewMinutes = CLOCK_SKEW_MS / 60_000;
  const and = (conditions: string[]) => conditions.map((condition) => `\n    AND ${condition}`).join('');
  const bounded = range.since !== undefined || range.until !== undefined;
  const record = dialect.recordJson
    ? `,\n    -- the record as JSON, for \`rootwatch classify\` to read back from the results' CSV\n    ${dialect.recordJson('t')} AS record`
    : '';
  const partitions =
    dialect.engine === 'athena' && range.dayPartition
      ? ` and the ${range.dayPartition} partitions around it`
      : '';
  return `-- rootwatch: root activity, with the detection of \`rootwatch classify\` (engine: ${dialect.engine})
${bounded ? `-- Bounded by --since/--until: the engine reads only that time${partitions}.` : '-- Give --since/--until to bound what the engine reads (and bills).'}
WITH assume_root_sessions AS (
  -- sts:AssumeRoot calls: their issued key signs the member account's root events [IAM-PRIV]
  SELECT ${dialect.issuedKey} AS access_key_id,
         eventid AS assume_root_event_id,
         useridentity.arn AS assume_root_caller_arn,
         ${t('eventtime')} AS issued_at
  FROM ${table}
  WHERE eventsource = 'sts.amazonaws.com' AND eventname = 'AssumeRoot'
    AND errorcode IS NULL AND errormessage IS NULL${and(rangeConditions(dialect, range, SESSION_LEAD_MS))}
),
root_events AS (
  -- root itself, or a FederatedUser session that root issued; AwsServiceEvent records are skipped
  SELECT t.*${record}
  FROM ${table} t
  WHERE (useridentity.type = 'Root' OR useridentity.sessioncontext.sessionissuer.type = 'Root')
    AND coalesce(eventtype, '') <> 'AwsServiceEvent'${and(rangeConditions(dialect, range))}
),
classified AS (
  SELECT
    r.eventid AS event_id,
    ${t('r.eventtime')} AS event_time,
    coalesce(nullif(r.useridentity.accountid, ''), r.recipientaccountid) AS account,
    r.recipientaccountid AS recipient_account_id,
    r.awsregion AS region,
    r.eventsource AS event_source,
    r.eventname AS event_name,
    r.eventtype AS event_type,
    r.useridentity.type AS identity_type,
    r.useridentity.arn AS principal_arn,
    r.sourceipaddress AS source_ip,
    r.useragent AS user_agent,
    r.useridentity.accesskeyid AS access_key_id,
    r.errorcode AS error_code,
    CASE
      WHEN r.eventsource = 'signin.amazonaws.com' THEN 'password'
      WHEN coalesce(r.useridentity.invokedby, '') NOT IN ('', ${quote(CONSOLE_INVOKED_BY)}) THEN 'aws-service'
      WHEN r.useridentity.accesskeyid LIKE 'AKIA%' THEN 'access-key'
      WHEN s.access_key_id IS NOT NULL THEN 'assumed-root'
      WHEN lower(coalesce(r.sessioncredentialfromconsole, '')) = 'true'
        OR r.eventtype IN ('AwsConsoleAction', 'AwsConsoleSignIn')
        OR r.useridentity.invokedby = ${quote(CONSOLE_INVOKED_BY)}
        OR r.useragent = ${quote(CONSOLE_INVOKED_BY)}
        OR (r.useragent LIKE 'console.%' AND r.useragent LIKE '%.amazonaws.com' AND strpos(r.useragent, ' ') = 0)
        OR r.useragent = 'Coral/Netty4'
        OR r.useragent LIKE '[S3Console%' THEN 'console-session'
      WHEN r.useridentity.accesskeyid LIKE 'ASIA%'
        OR r.useridentity.sessioncontext.sessionissuer.type = 'Root' THEN 'session-token'
      ELSE 'unknown'
    END AS credential,
    CASE
      WHEN ${inTable(PASSWORD_RECOVERY_EVENTS, 'r')} THEN 'password-recovery'
      WHEN ${inTable(CREDENTIAL_CHANGE_EVENTS, 'r')} THEN 'credential-change'
      WHEN r.eventsource = 'signin.amazonaws.com' THEN 'sign-in'
      WHEN ${inTable(LOGGING_CHANGE_EVENTS, 'r')} THEN 'logging-change'
      ELSE 'api-call'
    END AS activity,
    CASE
      WHEN coalesce(r.errorcode, '') <> '' OR coalesce(r.errormessage, '') <> '' THEN 'failure'
      WHEN ${dialect.response('r', 'r.eventname')} = 'Failure' THEN 'failure'
      ELSE 'success'
    END AS outcome,
    CASE
      WHEN r.eventsource = 'signin.amazonaws.com' THEN
        CASE lower(${dialect.additional('r', 'MFAUsed')})
          WHEN 'yes' THEN true WHEN 'no' THEN false END
      WHEN r.useridentity.accesskeyid LIKE 'AKIA%' AND coalesce(r.useridentity.invokedby, '') IN ('', ${quote(CONSOLE_INVOKED_BY)}) THEN false
      ELSE CASE lower(r.useridentity.sessioncontext.attributes.mfaauthenticated) WHEN 'true' THEN true WHEN 'false' THEN false END
    END AS mfa,
    s.assume_root_event_id,
    s.assume_root_caller_arn${dialect.recordJson ? ',\n    r.record' : ''}
  FROM root_events r
  LEFT JOIN assume_root_sessions s
    ON s.access_key_id = r.useridentity.accesskeyid
   AND ${t('r.eventtime')} BETWEEN s.issued_at - INTERVAL '${skewMinutes}' MINUTE
                         AND s.issued_at + INTERVAL '${MAX_SESSION_SECONDS}' SECOND + INTERVAL '${skewMinutes}' MINUTE
)
SELECT *
FROM classified
ORDER BY event_time
`;
};

export { rootActivityQuery };
