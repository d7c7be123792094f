import { UsageError } from '../usage-error.ts';
import type { SqlDialect } from './dialects.ts';

/**
 * An Athena table as `table`, `database.table` or `catalog.database.table`: letters, digits and
 * underscores, not starting with a digit (Athena: "Use only lowercase letters, numbers, and the
 * underscore character"; a name starting with a digit would need quotes, which we never write).
 * @see https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html
 */
const ATHENA_TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,254}(\.[A-Za-z_][A-Za-z0-9_]{0,254}){0,2}$/;

/**
 * A CloudTrail Lake event data store id, the last part of its ARN (`…:eventdatastore/<id>`):
 * letters, digits and hyphens, as in the guide's `EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE`.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-create-edit-query.html
 */
const EVENT_DATA_STORE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

/**
 * The table the query reads, checked once here, before it is written into any SQL: anything else
 * (`x; DROP TABLE y`, quotes, spaces, comments) is a usage error naming the option.
 */
const checkedTable = (dialect: SqlDialect, table: string | undefined): string => {
  if (table === undefined) return dialect.defaultTable;
  const [pattern, what] =
    dialect.engine === 'athena'
      ? [ATHENA_TABLE, 'an Athena table: [catalog.][database.]table, letters, digits and _']
      : [EVENT_DATA_STORE_ID, 'a CloudTrail Lake event data store id: letters, digits and -'];
  if (!pattern.test(table)) throw new UsageError(`--table takes ${what}, not ${JSON.stringify(table)}`);
  return table;
};

export { checkedTable, ATHENA_TABLE };
