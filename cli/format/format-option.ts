import type { AsffOptions } from '../../findings/formats/asff.ts';
import type { FindingFormat } from '../../findings/formats/render-finding.ts';
import { FINDING_FORMATS } from '../../findings/formats/render-finding.ts';
import { UsageError } from '../usage-error.ts';

/**
 * The options every command that prints findings takes (classify, replay, scan), for `parseArgs`:
 * `--format native|ocsf|asff|text`, `--json` (short for `--format native`), and where ASFF findings
 * are to be imported.
 */
const FORMAT_OPTIONS = {
  json: { type: 'boolean', default: false },
  format: { type: 'string' },
  'asff-account': { type: 'string' },
  'asff-region': { type: 'string' },
} as const;

interface FormatValues {
  json?: boolean | undefined;
  format?: string | undefined;
  'asff-account'?: string | undefined;
  'asff-region'?: string | undefined;
}

interface FormatChoice<Default extends string> {
  format: FindingFormat | Default;
  asff: AsffOptions;
}

/**
 * The format a command line asks for, or `fallback` (classify's table, replay's text). `--json`
 * with another `--format` is a contradiction, and the ASFF options need `--format asff`.
 */
const chooseFormat = <Default extends string>(
  values: FormatValues,
  fallback: Default,
): FormatChoice<Default> => {
  const { json, format } = values;
  if (format !== undefined && !(FINDING_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes one of ${FINDING_FORMATS.join(', ')}, not "${format}"`);
  }
  if (json && format !== undefined && format !== 'native') {
    throw new UsageError(`--json is short for --format native: it cannot go with --format ${format}`);
  }
  const chosen = json ? 'native' : ((format as FindingFormat | undefined) ?? fallback);
  const account = values['asff-account'];
  const region = values['asff-region'];
  if ((account !== undefined || region !== undefined) && chosen !== 'asff') {
    throw new UsageError('--asff-account and --asff-region go with --format asff');
  }
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw new UsageError(`--asff-account takes a 12-digit account id, not "${account}"`);
  }
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new UsageError(`--asff-region takes an AWS Region, not "${region}"`);
  }
  return {
    format: chosen,
    asff: { ...(account && { productAccount: account }), ...(region && { productRegion: region }) },
  };
};

export { FORMAT_OPTIONS, chooseFormat };
export type { FormatChoice, FormatValues };
