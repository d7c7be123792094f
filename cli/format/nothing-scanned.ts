import type { ScanOptions } from '../../schemas/scan-options.ts';
import type { ScanInputs } from '../../schemas/scan-summary.ts';
import { plural } from './plural.ts';

/** The file names a scan reads inside folders (scan/sources/walk.ts). */
const LOOKED_FOR = '.json, .json.gz, .jsonl, .ndjson or .gz files';

const DAY_MS = 86_400_000;

/** A bound as the user gave it: a whole day as YYYY-MM-DD (`--until` runs to its last millisecond). */
const bound = (ms: number, edge: 'start' | 'end'): string => {
  const day = edge === 'start' ? ms : ms + 1;
  if (day % DAY_MS === 0) return new Date(edge === 'start' ? ms : ms + 1 - DAY_MS).toISOString().slice(0, 10);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
};

/** The filters as given (`--since 2031-01-01T00:00:00Z --account 111122223333`), or '' without any. */
const filtersText = (options: ScanOptions): string =>
  [
    options.since === undefined ? '' : `--since ${bound(options.since, 'start')}`,
    options.until === undefined ? '' : `--until ${bound(options.until, 'end')}`,
    ...options.accounts.map((account) => `--account ${account}`),
    ...options.regions.map((region) => `--region ${region}`),
  ]
    .filter(Boolean)
    .join(' ');

/** Why a root (folder, prefix or object named on the command line) gave nothing to scan, in one line. */
const emptyRootLine = (
  location: string,
  pruned: { folders: number; objects: number },
  options: ScanOptions,
): string => {
  const filters = filtersText(options);
  if (pruned.folders + pruned.objects > 0 && filters) {
    return (
      `rootwatch scan: ${location}: nothing matched ${filters} ` +
      `(${[pruned.folders && plural(pruned.folders, 'folder'), pruned.objects && plural(pruned.objects, 'object')].filter(Boolean).join(' and ')} pruned by the date, ` +
      'account or region in their path); widen or drop the filters'
    );
  }
  return `rootwatch scan: ${location}: no CloudTrail log files there (looked for ${LOOKED_FOR}, below it too); check the path or prefix`;
};

/** Objects were listed, and not one gave a CloudTrail record: the one line that says so, or none. */
const noRecordsLine = (inputs: ScanInputs, paths: readonly string[]): string | undefined =>
  inputs.objectsScanned > 0 && inputs.objectsWithRecords === 0
    ? `rootwatch scan: no CloudTrail record read from ${inputs.objectsScanned === 1 ? 'the one object' : `the ${inputs.objectsScanned} objects`} ` +
      `under ${paths.join(', ')} (each is reported above); check that this is a CloudTrail archive`
    : undefined;

export { emptyRootLine, noRecordsLine, filtersText };
