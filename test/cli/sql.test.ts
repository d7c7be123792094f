import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { CREDENTIAL_CHANGE_EVENTS } from '../../detection/activity/credential-change.ts';
import { LOGGING_CHANGE_EVENTS } from '../../detection/activity/logging-change.ts';

const sql = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['sql', ...args], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, text: out.join('\n'), err };
};

/** Whitespace-insensitive: the clauses, not the layout, are the contract. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('CLI: rootwatch sql', () => {
  it.each([
    {
      engine: 'athena',
      table: 'cloudtrail_logs',
      clauses: [
        "json_extract_scalar(responseelements, '$.credentials.accessKeyId') AS access_key_id",
        "lower(json_extract_scalar(r.additionaleventdata, '$.MFAUsed'))",
        "json_extract_scalar(r.responseelements, concat('$.', r.eventname)) = 'Failure'",
        'from_iso8601_timestamp(r.eventtime) AS event_time',
      ],
    },
    {
      engine: 'cloudtrail-lake',
      table: '<event-data-store-id>',
      clauses: [
        "json_extract_scalar(element_at(responseelements, 'credentials'), '$.accessKeyId') AS access_key_id",
        "lower(element_at(r.additionaleventdata, 'MFAUsed'))",
        "element_at(r.responseelements, r.eventname) = 'Failure'",
        'r.eventtime AS event_time',
      ],
    },
  ])('applies the detection on $engine', async ({ engine, table, clauses }) => {
    // Act
    const { code, text } = await sql('--engine', engine);

    // Assess
    expect(code).toBe(0);
    const query = squash(text);
    for (const clause of [
      `FROM ${table} t WHERE (useridentity.type = 'Root' OR useridentity.sessioncontext.sessionissuer.type = 'Root') AND coalesce(eventtype, '') <> 'AwsServiceEvent'`,
      "WHERE eventsource = 'sts.amazonaws.com' AND eventname = 'AssumeRoot' AND errorcode IS NULL AND errormessage IS NULL",
      "WHEN r.eventsource = 'signin.amazonaws.com' THEN 'password'",
      "WHEN coalesce(r.useridentity.invokedby, '') NOT IN ('', 'signin.amazonaws.com') THEN 'aws-service'",
      "WHEN r.useridentity.accesskeyid LIKE 'AKIA%' THEN 'access-key'",
      "WHEN s.access_key_id IS NOT NULL THEN 'assumed-root'",
      "OR r.useragent = 'Coral/Netty4'",
      "WHEN r.useridentity.accesskeyid LIKE 'ASIA%' OR r.useridentity.sessioncontext.sessionissuer.type = 'Root' THEN 'session-token'",
      "ELSE 'unknown' END AS credential",
      "(r.eventsource = 'signin.amazonaws.com' AND r.eventname IN ('PasswordRecoveryRequested', 'PasswordRecoveryCompleted')) THEN 'password-recovery'",
      "(r.eventsource = 'cloudtrail.amazonaws.com' AND r.eventname IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'DeleteEventDataStore', 'StopEventDataStoreIngestion'))",
      "ELSE 'api-call' END AS activity",
      'LEFT JOIN assume_root_sessions s ON s.access_key_id = r.useridentity.accesskeyid AND',
      "BETWEEN s.issued_at - INTERVAL '5' MINUTE AND s.issued_at + INTERVAL '900' SECOND + INTERVAL '5' MINUTE",
      ...clauses,
    ]) {
      expect(query).toContain(clause);
    }
  });

  it('lists every event of the detector’s activity tables, so that the SQL cannot drift from them', async () => {
    // Act
    const { text } = await sql('--engine', 'athena');

    // Assess
    for (const [source, name] of [...CREDENTIAL_CHANGE_EVENTS.events(), ...LOGGING_CHANGE_EVENTS.events()]) {
      expect(squash(text)).toMatch(
        new RegExp(
          `r\\.eventsource = '${source.replaceAll('.', '\\.')}' AND r\\.eventname IN \\([^)]*'${name}'`,
        ),
      );
    }
  });

  it.each([
    {
      args: ['--engine', 'athena', '--table', 'org_trail.cloudtrail_logs'],
      contains: 'FROM org_trail.cloudtrail_logs',
    },
    { args: ['--engine', 'cloudtrail-lake', '--table', 'a1b2c3d4-e5f6'], contains: 'FROM a1b2c3d4-e5f6' },
  ])('reads --table: $contains', async ({ args, contains }) => {
    expect((await sql(...args)).text).toContain(contains);
  });

  it.each([{ args: [] }, { args: ['--engine', 'bigquery'] }])(
    'rejects $args with exit 2',
    async ({ args }) => {
      // Act
      const { code, err } = await sql(...args);

      // Assess
      expect(code).toBe(2);
      expect(err.join('\n')).toContain('--engine takes one of athena, cloudtrail-lake');
    },
  );
});
