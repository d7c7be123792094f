import type { AccountWeeks, WeeklySeries, WeekPoint } from '../schemas/weekly-series.ts';
import { isoWeekOf, isoWeeksBetween, weekStartMs } from './iso-week.ts';

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Builds a weekly series from what the data says, one fact at a time: an account observed at a
 * time (it has data that week), and root use at a time (which observes it too). Memory grows with
 * accounts times weeks, never with facts. Pure: the times are the data's, the clock is never read.
 */
class WeeklySeriesBuilder {
  readonly #observed = new Map<string, Set<number>>();
  readonly #used = new Map<string, Set<number>>();
  readonly #uses = new Map<number, number>();

  /** `account` has data in the week of `ms` (epoch milliseconds, UTC). */
  observe(account: string, ms: number): void {
    const week = weekStartMs(ms);
    let weeks = this.#observed.get(account);
    if (!weeks) this.#observed.set(account, (weeks = new Set()));
    weeks.add(week);
  }

  /** `account` used root in the week of `ms`; `uses` of them. */
  use(account: string, ms: number, uses = 1): void {
    this.observe(account, ms);
    const week = weekStartMs(ms);
    let weeks = this.#used.get(account);
    if (!weeks) this.#used.set(account, (weeks = new Set()));
    weeks.add(week);
    this.#uses.set(week, (this.#uses.get(week) ?? 0) + uses);
  }

  build(basis: string): WeeklySeries {
    let first = Infinity;
    let last = -Infinity;
    for (const weeks of this.#observed.values()) {
      for (const week of weeks) {
        first = Math.min(first, week);
        last = Math.max(last, week);
      }
    }
    const points: WeekPoint[] =
      first <= last ? isoWeeksBetween(first, last).map((week) => this.#point(week)) : [];
    const accounts: AccountWeeks[] = [...this.#observed]
      .map(([account, observed]) => {
        const used = [...(this.#used.get(account) ?? [])].sort((a, b) => a - b);
        return {
          account,
          weeksObserved: observed.size,
          weeksWithRootUse: used.map((week) => isoWeekOf(week).week),
          repeatOffender: used.length > 1,
        };
      })
      .sort(
        (a, b) =>
          Number(b.repeatOffender) - Number(a.repeatOffender) ||
          b.weeksWithRootUse.length - a.weeksWithRootUse.length ||
          (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
      );
    return {
      basis,
      weeks: points,
      accounts,
      repeatOffenders: accounts.filter((account) => account.repeatOffender).length,
      weeksWithoutData: points.filter((point) => point.accountsObserved === 0).length,
    };
  }

  #point({ week, start }: { week: string; start: string }): WeekPoint {
    const at = Date.parse(`${start}T00:00:00Z`);
    let observed = 0;
    let used = 0;
    for (const [account, weeks] of this.#observed) {
      if (!weeks.has(at)) continue;
      observed += 1;
      if (this.#used.get(account)?.has(at)) used += 1;
    }
    return {
      week,
      start,
      accountsObserved: observed,
      accountsWithRootUse: used,
      shareOfAccountsWithRootUse: ratio(used, observed),
      uses: this.#uses.get(at) ?? 0,
    };
  }
}

export { WeeklySeriesBuilder };
