import type { Finding } from '../../schemas/finding.ts';
import type { AsffOptions } from './asff.ts';
import { toAsffFinding } from './asff.ts';
import { escapeControl } from './control-characters.ts';
import { findingText } from './finding-text.ts';
import { toOcsfDetectionFinding } from './ocsf.ts';

/**
 * The output formats of `--format`: `native` the finding contract, `ocsf` an OCSF Detection Finding,
 * `asff` an AWS Security Finding Format finding (one JSON object per line for these three), `text`
 * the readable form.
 */
const FINDING_FORMATS = ['native', 'ocsf', 'asff', 'text'] as const;
type FindingFormat = (typeof FINDING_FORMATS)[number];

interface RenderOptions {
  /** The event the finding was made from, as received, for OCSF's evidence. */
  rawEvent?: unknown;
  /** Where ASFF findings are imported (see {@link AsffOptions}). */
  asff?: AsffOptions;
}

/** One finding in one format: a single line of JSON, or the readable (multi-line) text. */
const renderFinding = (format: FindingFormat, finding: Finding, options: RenderOptions = {}): string => {
  switch (format) {
    case 'native':
      return JSON.stringify(finding);
    case 'ocsf':
      return JSON.stringify(
        toOcsfDetectionFinding(finding, options.rawEvent === undefined ? {} : { rawEvent: options.rawEvent }),
      );
    case 'asff':
      return JSON.stringify(toAsffFinding(finding, options.asff));
    case 'text':
      return escapeControl(findingText(finding), { keepNewlines: true });
  }
};

/** Whether the format prints one JSON object per line (what a pipe to a SIEM or jq needs). */
const isJsonFormat = (format: FindingFormat): boolean => format !== 'text';

export { renderFinding, isJsonFormat, FINDING_FORMATS };
export type { FindingFormat, RenderOptions };
