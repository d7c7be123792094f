import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import { loadAuditFacts } from '../load-audit-facts.ts';
import { loadDetectorConfig } from '../load-detector-config.ts';
import { READ_LIMIT_OPTIONS, readLimitsOption } from '../read-limits-option.ts';
import { UsageError } from '../usage-error.ts';
import type { AuditOptions } from './audit.ts';

const ISO_DATE = z.iso.date();
const ISO_TIME = z.iso.datetime({ offset: true });

/** `--as-of`: a date (midnight UTC) or a time with its offset, as epoch milliseconds. */
const asOfOption = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (ISO_DATE.safeParse(value).success) return Date.parse(`${value}T00:00:00Z`);
  if (ISO_TIME.safeParse(value).success) return Date.parse(value);
  throw new UsageError(
    `--as-of takes an ISO 8601 date or time (2025-06-01, 2025-06-01T12:00:00Z), not "${value}"`,
  );
};

const wholeDays = (name: string, value: string | undefined, fallback: number, min: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(
      `--${name} takes a whole number of days${min > 0 ? ` from ${min}` : ''}, not "${value}"`,
    );
  }
  return Number(value);
};

/** The options of `rootwatch audit` from its arguments, judged at `now` (epoch ms) unless told otherwise. */
const parseAuditArgs = async (args: string[], now: number): Promise<AuditOptions> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      'window-days': { type: 'string' },
      'min-account-age-days': { type: 'string' },
      config: { type: 'string' },
      report: { type: 'string' },
      ...READ_LIMIT_OPTIONS,
      summary: { type: 'string' },
      facts: { type: 'string' },
    },
  });
  if (positionals.length === 0) {
    throw new UsageError('audit needs at least one credential report or directory');
  }
  return {
    paths: positionals,
    json: values.json,
    report: values.report,
    summary: values.summary,
    facts: await loadAuditFacts(values.facts),
    asOf: asOfOption(values['as-of']),
    now,
    limits: readLimitsOption(values['max-object-mb']),
    settings: {
      windowDays: wholeDays('window-days', values['window-days'], AUDIT_DEFAULTS.windowDays, 1),
      minAccountAgeDays: wholeDays(
        'min-account-age-days',
        values['min-account-age-days'],
        AUDIT_DEFAULTS.minAccountAgeDays,
        0,
      ),
      cisVersions: (await loadDetectorConfig(values.config)).cisVersions,
    },
  };
};

export { parseAuditArgs };
