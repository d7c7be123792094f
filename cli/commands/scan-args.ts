import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import { ScanOptionsSchema } from '../../schemas/scan-options.ts';
import type { FormatChoice } from '../format/format-option.ts';
import { chooseFormat, FORMAT_OPTIONS } from '../format/format-option.ts';
import { isJsonFormat } from '../../findings/formats/render-finding.ts';
import { defaultWorkerCount } from '../../scan/workers/default-workers.ts';
import { loadDetectorConfig } from '../load-detector-config.ts';
import { UsageError } from '../usage-error.ts';

interface ScanArgs {
  options: ScanOptions;
  config: DetectorConfig;
  /** How findings print: the table (default) or a finding format. */
  output: FormatChoice<'table'>;
  /** `--suppressions FILE`, read by the caller (it reports expired rules). */
  suppressionsFile: string | undefined;
}

/** The options of `rootwatch scan` from its arguments, validated by `ScanOptionsSchema`. */
const parseScanArgs = async (args: string[]): Promise<ScanArgs> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...FORMAT_OPTIONS,
      suppressions: { type: 'string' },
      out: { type: 'string' },
      summary: { type: 'string' },
      report: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      account: { type: 'string', multiple: true, default: [] },
      region: { type: 'string', multiple: true, default: [] },
      workers: { type: 'string' },
      'max-object-mb': { type: 'string' },
      'object-timeout': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const output = chooseFormat(values, 'table');
  const parsed = ScanOptionsSchema.safeParse({
    paths: positionals,
    json: output.format !== 'table' && isJsonFormat(output.format),
    out: values.out,
    summary: values.summary,
    report: values.report,
    since: values.since,
    until: values.until,
    accounts: values.account,
    regions: values.region,
    workers: values.workers === undefined ? defaultWorkerCount() : Number(values.workers),
    maxObjectMb: values['max-object-mb'] === undefined ? undefined : Number(values['max-object-mb']),
    objectTimeout: values['object-timeout'] === undefined ? undefined : Number(values['object-timeout']),
  });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return {
    options: parsed.data,
    config: await loadDetectorConfig(values.config),
    output,
    suppressionsFile: values.suppressions,
  };
};

export { parseScanArgs };
export type { ScanArgs };
