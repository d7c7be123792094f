import { parseArgs } from 'node:util';
import { SQL_DIALECTS } from '../sql/dialects.ts';
import { UsageError } from '../usage-error.ts';

type SqlEngine = keyof typeof SQL_DIALECTS;

/** The options of `rootwatch sql` from its arguments. */
const parseSqlArgs = (args: string[]): { engine: SqlEngine; table?: string | undefined } => {
  const { values } = parseArgs({ args, options: { engine: { type: 'string' }, table: { type: 'string' } } });
  const engines = Object.keys(SQL_DIALECTS);
  if (values.engine === undefined || !engines.includes(values.engine)) {
    throw new UsageError(`--engine takes one of ${engines.join(', ')}`);
  }
  return { engine: values.engine as SqlEngine, table: values.table };
};

export { parseSqlArgs };
export type { SqlEngine };
