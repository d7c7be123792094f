import { parseArgs } from 'node:util';
import type * as z from 'zod/mini';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import type { ScanOptions } from '../../schemas/scan-options.ts';
import { ScanOptionsSchema } from '../../schemas/scan-options.ts';
import type { FormatChoice } from '../format/format-option.ts';
import { chooseFormat, FORMAT_OPTIONS } from '../format/format-option.ts';
import { isJsonFormat } from '../../findings/formats/render-finding.ts';
import { defaultWorkerCount } from '../../scan/workers/default-workers.ts';
import type { Severity } from '../../schemas/finding.ts';
import { loadDetectorConfig } from '../load-detector-config.ts';
import { severityOption } from '../severity-option.ts';
import { UsageError } from '../usage-error.ts';

interface ScanArgs {
  options: ScanOptions;
  config: DetectorConfig;
  /** How findings print: the table (default) or a finding format. */
  output: FormatChoice<'table'>;
  /** `--suppressions FILE`, read by the caller (it reports expired rules). */
  suppressionsFile: string | undefined;
  /** `--fail-on SEVERITY`: exit 1 when a finding at or above it was found (suppressed ones do not count). */
  failOn: Severity | undefined;
}

/** The command-line option each field of `ScanOptions` comes from. */
const OPTION_OF: Record<string, string> = {
  paths: 'PATH',
  since: '--since',
  until: '--until',
  accounts: '--account',
  regions: '--region',
  workers: '--workers',
  maxObjectMb: '--max-object-mb',
  objectTimeout: '--object-timeout',
};

/** `--since: expected YYYY-MM-DD or an ISO 8601 time, not "soon"`, for each problem, on one line. */
const optionProblems = (error: z.core.$ZodError): string =>
  error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      return `${OPTION_OF[field] ?? field}: ${issue.message}`;
    })
    .join('; ');

/** The options of `rootwatch scan` from its arguments, validated by `ScanOptionsSchema`. */
const parseScanArgs = async (args: string[]): Promise<ScanArgs> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...FORMAT_OPTIONS,
      suppressions: { type: 'string' },
      'fail-on': { type: 'string' },
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
  if (!parsed.success) throw new UsageError(optionProblems(parsed.error));
  return {
    options: parsed.data,
    config: await loadDetectorConfig(values.config),
    output,
    suppressionsFile: values.suppressions,
    failOn: severityOption(values['fail-on'], '--fail-on'),
  };
};

export { parseScanArgs };
export type { ScanArgs };
