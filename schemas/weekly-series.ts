import * as z from 'zod/mini';
import './zod-english.ts';

const count = z.int().check(z.minimum(0));
const share = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
/** `2025-W23`: an ISO 8601 week (UTC). */
const IsoWeekSchema = z
  .string()
  .check(z.regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { error: 'expected YYYY-Www' }));

/**
 * One ISO week of the series. `accountsObserved` is the denominator: the accounts the data says
 * something about that week (see the series' `basis`). A week with none is a week without data:
 * its share is null, which is not the same as no root use.
 */
const WeekPointSchema = z.strictObject({
  week: IsoWeekSchema,
  /** The week's Monday (UTC). */
  start: z.iso.date(),
  accountsObserved: count,
  accountsWithRootUse: count,
  shareOfAccountsWithRootUse: share,
  uses: count,
});

/** One account over the weeks: in how many the data observed it, and those with root use. */
const AccountWeeksSchema = z.strictObject({
  account: z.string(),
  weeksObserved: count,
  weeksWithRootUse: z.array(IsoWeekSchema),
  /** Root use in more than one week (the field study's repeat offender). */
  repeatOffender: z.boolean(),
});

/**
 * The field study's weekly method: for each ISO week (UTC) from the first to the last with data,
 * the accounts observed and those with root use; and for each account, its weeks with root use.
 * Weeks come from the data's own times (event times, report times), never from the clock.
 * @example { "basis": "…", "weeks": [{ "week": "2025-W23", "start": "2025-06-02", "accountsObserved": 3,
 *   "accountsWithRootUse": 1, "shareOfAccountsWithRootUse": 0.333, "uses": 2 }],
 *   "accounts": [{ "account": "444455556666", "weeksObserved": 1, "weeksWithRootUse": ["2025-W23"],
 *   "repeatOffender": false }], "repeatOffenders": 0, "weeksWithoutData": 0 }
 */
const WeeklySeriesSchema = z.strictObject({
  /** What makes an account observed in a week, and what counts as a use: the series' own terms. */
  basis: z.string(),
  weeks: z.array(WeekPointSchema),
  /** Every observed account: repeat offenders first, then by weeks with root use, then by account. */
  accounts: z.array(AccountWeeksSchema),
  repeatOffenders: count,
  weeksWithoutData: count,
});

type IsoWeekText = z.infer<typeof IsoWeekSchema>;
type WeekPoint = z.infer<typeof WeekPointSchema>;
type AccountWeeks = z.infer<typeof AccountWeeksSchema>;
type WeeklySeries = z.infer<typeof WeeklySeriesSchema>;

export { IsoWeekSchema, WeekPointSchema, AccountWeeksSchema, WeeklySeriesSchema };
export type { IsoWeekText, WeekPoint, AccountWeeks, WeeklySeries };
