import type { CommandIo } from '../io.ts';
import { SQL_DIALECTS } from '../sql/dialects.ts';
import { rootActivityQuery } from '../sql/root-activity-query.ts';

/** `rootwatch sql`: prints the root-activity query for Athena or CloudTrail Lake. */
const runSql = async (
  options: { engine: keyof typeof SQL_DIALECTS; table?: string | undefined },
  io: CommandIo,
): Promise<number> => {
  io.out(rootActivityQuery(SQL_DIALECTS[options.engine], options.table));
  return 0;
};

export { runSql };
