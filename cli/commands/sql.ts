import type { CommandIo } from '../io.ts';
import { organizationTrailTable } from '../sql/create-table.ts';
import { SQL_DIALECTS } from '../sql/dialects.ts';
import { rootActivityQuery } from '../sql/root-activity-query.ts';
import type { SqlArgs } from './sql-args.ts';

/**
 * `rootwatch sql`: prints the root-activity query for Athena or CloudTrail Lake, or (`--create-table`)
 * the Athena table over an organisation trail. A CloudTrail Lake query without `--table` names a
 * placeholder for the event data store id, and says so on stderr.
 */
const runSql = async (options: SqlArgs, io: CommandIo): Promise<number> => {
  if (options.kind === 'create-table') {
    io.out(organizationTrailTable(options.table));
    return 0;
  }
  const dialect = SQL_DIALECTS[options.engine];
  if (options.engine === 'cloudtrail-lake' && !options.tableGiven) {
    io.err(
      `rootwatch sql: no --table: the query reads FROM ${dialect.defaultTable}; replace it with your event data store's id ` +
        '(the last part of its ARN, `aws cloudtrail list-event-data-stores`), or give --table ID',
    );
  }
  io.out(rootActivityQuery(dialect, { table: options.table, range: options.range }));
  return 0;
};

export { runSql };
