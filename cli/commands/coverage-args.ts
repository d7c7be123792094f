import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { UsageError } from '../usage-error.ts';

/** How long a place may go unheard before it is silent, by default: three of the forwarder's hourly events. */
const DEFAULT_SILENT_AFTER_MINUTES = 180;

interface CoverageOptions {
  /** The liveness table (Rootwatch output LivenessTableName). */
  table: string;
  silentAfterMinutes: number;
  /** Accounts that must be heard besides those that were. */
  accounts: string[];
  /** Regions every account must be heard from, besides those it was. */
  regions: string[];
  /** Also expect every Region enabled in each account (account:ListRegions). */
  enabledRegions: boolean;
  /** Read the trails of every Region (DescribeTrails, GetEventSelectors, GetTrailStatus). */
  trails: boolean;
  json: boolean;
  report?: string | undefined;
  asOf: Date;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ISO_TIME = z.iso.datetime({ offset: true });

const checked = (values: string[] | undefined, pattern: RegExp, option: string, what: string): string[] =>
  (values ?? []).map((value) => {
    if (!pattern.test(value)) throw new UsageError(`--${option} takes ${what}, not "${value}"`);
    return value;
  });

/** The options of `rootwatch coverage`; the table from `--table` or ROOTWATCH_LIVENESS_TABLE; the clock read once. */
const parseCoverageArgs = (args: string[], env: Record<string, string | undefined>): CoverageOptions => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      table: { type: 'string' },
      'silent-after': { type: 'string' },
      account: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      'enabled-regions': { type: 'boolean', default: false },
      'no-trails': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      report: { type: 'string' },
      'as-of': { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`coverage takes no FILE, not "${positionals[0]}"`);
  const table = values.table ?? env.ROOTWATCH_LIVENESS_TABLE;
  if (!table)
    throw new UsageError(
      'coverage needs the liveness table: --table NAME (Rootwatch output LivenessTableName) or ROOTWATCH_LIVENESS_TABLE',
    );
  const silent = values['silent-after'];
  if (silent !== undefined && !/^[1-9]\d*$/.test(silent))
    throw new UsageError(`--silent-after takes whole minutes, not "${silent}"`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !ISO_TIME.safeParse(asOf).success)
    throw new UsageError(`--as-of takes an ISO 8601 time (2026-06-01T12:00:00Z), not "${asOf}"`);
  return {
    table,
    silentAfterMinutes: silent === undefined ? DEFAULT_SILENT_AFTER_MINUTES : Number(silent),
    accounts: checked(values.account, ACCOUNT, 'account', 'a 12-digit account id'),
    regions: checked(values.region, REGION, 'region', 'an AWS Region'),
    enabledRegions: values['enabled-regions'],
    trails: !values['no-trails'],
    json: values.json,
    report: values.report,
    asOf: asOf === undefined ? new Date() : new Date(asOf),
  };
};

export { parseCoverageArgs, DEFAULT_SILENT_AFTER_MINUTES };
export type { CoverageOptions };
