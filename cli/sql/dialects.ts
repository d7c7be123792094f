import { athenaRecordJson } from './record-json.ts';

/**
 * How an engine spells the record fields the detection reads. Athena's CloudTrail table (the DDL
 * of the Athena guide, CloudTrail SerDe) keeps `additionaleventdata` and `responseelements` as JSON
 * text and `eventtime` as text; CloudTrail Lake has maps of strings and a timestamp.
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-supported-event-schemas.html
 */
interface SqlDialect {
  engine: 'athena' | 'cloudtrail-lake';
  defaultTable: string;
  /** `<alias>.additionalEventData.<key>` as text. */
  additional(alias: string, key: string): string;
  /** `<alias>.responseElements.<key>` as text, `key` being an SQL expression. */
  response(alias: string, keyExpression: string): string;
  /** The key an AssumeRoot call issued: `responseElements.credentials.accessKeyId`. */
  issuedKey: string;
  /** `eventTime` as a timestamp. */
  time(column: string): string;
  /** What to write in the README about the table. */
  tableNote: string;
  /** The record of a row as JSON text, for `classify` to read back (cli/sql/record-json.ts), where the engine can. */
  recordJson?: (alias: string) => string;
}

const athena: SqlDialect = {
  engine: 'athena',
  defaultTable: 'cloudtrail_logs',
  additional: (alias, key) => `json_extract_scalar(${alias}.additionaleventdata, '$.${key}')`,
  response: (alias, keyExpression) =>
    `json_extract_scalar(${alias}.responseelements, concat('$.', ${keyExpression}))`,
  issuedKey: `json_extract_scalar(responseelements, '$.credentials.accessKeyId')`,
  time: (column) => `from_iso8601_timestamp(${column})`,
  tableNote: 'a table over the trail bucket made with the DDL of the Athena guide (CloudTrail SerDe)',
  recordJson: athenaRecordJson,
};

const cloudTrailLake: SqlDialect = {
  engine: 'cloudtrail-lake',
  defaultTable: '<event-data-store-id>',
  additional: (alias, key) => `element_at(${alias}.additionaleventdata, '${key}')`,
  response: (alias, keyExpression) => `element_at(${alias}.responseelements, ${keyExpression})`,
  issuedKey: `json_extract_scalar(element_at(responseelements, 'credentials'), '$.accessKeyId')`,
  time: (column) => column,
  tableNote: 'the id of an event data store holding CloudTrail management events',
};

const SQL_DIALECTS = { athena, 'cloudtrail-lake': cloudTrailLake } as const;

export { SQL_DIALECTS };
export type { SqlDialect };
