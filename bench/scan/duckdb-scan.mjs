// DuckDB over the same archive, for comparison: every log file read with `read_json`, `Records` as
// a list of JSON values, unnested, and the records whose identity is root or whose session root
// issued kept (less AwsServiceEvent, as the scan's findings). Prints their eventIDs, one a line.
// Usage: node duckdb-scan.mjs THREADS ARCHIVE-DIR. @duckdb/node-api is a dev-only dependency.
import { DuckDBInstance } from '@duckdb/node-api';

const [threads, dir] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const glob = `${dir.replaceAll("'", "''")}/AWSLogs/**/*.json.gz`;
const reader = await connection.runAndReadAll(`
  SELECT json_extract_string(r, '$.eventID') AS event_id
  FROM (SELECT unnest(Records) AS r
        FROM read_json('${glob}', columns = {Records: 'JSON[]'}, format = 'auto',
                       maximum_object_size = 1073741824))
  WHERE (json_extract_string(r, '$.userIdentity.type') = 'Root'
         OR json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.type') = 'Root')
    AND coalesce(json_extract_string(r, '$.eventType'), '') <> 'AwsServiceEvent'`);
process.stdout.write(
  reader
    .getRows()
    .map(([id]) => `${id}\n`)
    .join(''),
);
