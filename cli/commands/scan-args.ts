import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import { ScanOptionsSchema } from '../../schemas/scan-options.ts';
import { loadDetectorConfig } from '../load-detector-config.ts';
import { UsageError } from '../usage-error.ts';

/** The options of `rootwatch scan` from its arguments, validated by `ScanOptionsSchema`. */
const parseScanArgs = async (args: string[]): Promise<{ options: ScanOptions; config: DetectorConfig }> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      summary: { type: 'string' },
      report: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      account: { type: 'string', multiple: true, default: [] },
      region: { type: 'string', multiple: true, default: [] },
      workers: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const parsed = ScanOptionsSchema.safeParse({
    paths: positionals,
    json: values.json,
    out: values.out,
    summary: values.summary,
    report: values.report,
    since: values.since,
    until: values.until,
    accounts: values.account,
    regions: values.region,
    workers: values.workers === undefined ? Math.min(2, availableParallelism()) : Number(values.workers),
  });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return { options: parsed.data, config: await loadDetectorConfig(values.config) };
};

export { parseScanArgs };
