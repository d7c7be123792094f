import type { Activity, Credential, Finding } from '../schemas/finding.ts';
import { ACTIVITIES, CREDENTIALS } from '../schemas/finding-enums.ts';
import type { AccountSummary, FleetFigures, SignIns } from '../schemas/scan-summary.ts';
import { isoWeekOf } from '../posture/iso-week.ts';
import { WeeklySeriesBuilder } from '../posture/weekly-series.ts';

/** What the scan's weekly series counts: its own terms, stated in the summary. */
const WEEKLY_BASIS =
  'CloudTrail archives: an account is observed in the ISO week (UTC) of each delivery day its S3 keys ' +
  '(AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/) name, and in the week of each of its findings; ' +
  'a use is a root finding other than an AWS service acting as root, in the week of its eventTime. ' +
  'Files outside that layout are dated by their findings only.';

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week of an ISO time, as `YYYY-MM-DD`. */
const weekOf = (time: string): string => {
  const day = new Date(time);
  const monday =
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) -
    ((day.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
};

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Not a person's use of root: an AWS service acting with the root identity. */
const isUse = (finding: Finding): boolean => finding.credential !== 'aws-service';

interface AccountState {
  account: string;
  uses: number;
  byCredential: Record<Credential, number>;
  byActivity: Record<Activity, number>;
  signIns: SignIns;
  weeks: Set<string>;
  isoWeeks: Set<string>;
  firstSeen: string | null;
  lastSeen: string | null;
}

const emptySignIns = (): SignIns => ({ withMfa: 0, withoutMfa: 0, mfaUnknown: 0, failed: 0 });

const countSignIn = (signIns: SignIns, finding: Finding): void => {
  if (finding.outcome === 'failure') signIns.failed += 1;
  else if (finding.mfa === true) signIns.withMfa += 1;
  else if (finding.mfa === false) signIns.withoutMfa += 1;
  else signIns.mfaUnknown += 1;
};

/**
 * Root use per account and across the fleet, as the field study behind rootwatch measured it: who
 * used root, how (credential, activity), how often (weeks), and with or without MFA. Memory grows
 * with accounts and weeks, never with findings. Pure: findings and account names in, figures out.
 */
class FleetTally {
  readonly #accounts = new Map<string, AccountState>();
  readonly #archiveAccounts = new Set<string>();
  readonly #weekUses = new Map<string, number>();
  readonly #weekly = new WeeklySeriesBuilder();

  /**
   * An account an S3 key of the archive names (present in the archive, whether or not it used root),
   * with the delivery day of the key's folder when it has one: the account has data that week.
   */
  addArchiveAccount(account: string, deliveryDay?: number): void {
    this.#archiveAccounts.add(account);
    if (deliveryDay !== undefined) this.#weekly.observe(account, deliveryDay);
  }

  add(finding: Finding): void {
    const at = Date.parse(finding.time);
    if (!isUse(finding)) {
      this.#weekly.observe(finding.account, at);
      return;
    }
    this.#weekly.use(finding.account, at);
    const state = this.#state(finding.account);
    state.uses += 1;
    state.byCredential[finding.credential] += 1;
    state.byActivity[finding.activity] += 1;
    if (finding.activity === 'sign-in' && finding.eventName === 'ConsoleLogin')
      countSignIn(state.signIns, finding);
    const week = weekOf(finding.time);
    state.weeks.add(week);
    state.isoWeeks.add(isoWeekOf(at).week);
    this.#weekUses.set(week, (this.#weekUses.get(week) ?? 0) + 1);
    if (state.firstSeen === null || finding.time < state.firstSeen) state.firstSeen = finding.time;
    if (state.lastSeen === null || finding.time > state.lastSeen) state.lastSeen = finding.time;
  }

  #state(account: string): AccountState {
    let state = this.#accounts.get(account);
    if (!state) {
      state = {
        account,
        uses: 0,
        byCredential: zeroes(CREDENTIALS),
        byActivity: zeroes(ACTIVITIES),
        signIns: emptySignIns(),
        weeks: new Set(),
        isoWeeks: new Set(),
        firstSeen: null,
        lastSeen: null,
      };
      this.#accounts.set(account, state);
    }
    return state;
  }

  /** Every account with root use, most uses first, then the archive's accounts without any. */
  accounts(): AccountSummary[] {
    for (const account of this.#archiveAccounts) this.#state(account);
    return [...this.#accounts.values()]
      .map((state) => ({
        account: state.account,
        inArchiveKeys: this.#archiveAccounts.has(state.account),
        uses: state.uses,
        byCredential: state.byCredential,
        byActivity: state.byActivity,
        signIns: state.signIns,
        longTermKeyUses: state.byCredential['access-key'],
        weeks: state.weeks.size,
        weeksWithRootUse: [...state.isoWeeks].sort(),
        firstSeen: state.firstSeen,
        lastSeen: state.lastSeen,
      }))
      .sort((a, b) => b.uses - a.uses || (a.account < b.account ? -1 : 1));
  }

  fleet(): FleetFigures {
    const accounts = this.accounts();
    const users = accounts.filter((account) => account.uses > 0);
    const repeat = users.filter((account) => account.weeks > 1);
    const uses = users.reduce((sum, account) => sum + account.uses, 0);
    const signIns = emptySignIns();
    const byCredential = zeroes(CREDENTIALS);
    for (const account of users) {
      for (const key of Object.keys(signIns) as (keyof SignIns)[]) signIns[key] += account.signIns[key];
      for (const credential of CREDENTIALS) byCredential[credential] += account.byCredential[credential];
    }
    const longTermKeyUses = byCredential['access-key'];
    return {
      accountsInArchive: accounts.length,
      accountsBasis: 'accounts named by S3 keys (AWSLogs/<account>/) or by findings',
      accountsWithRootUse: users.length,
      shareOfAccountsWithRootUse: ratio(users.length, accounts.length),
      repeatOffenders: repeat.length,
      repeatOffendersShareOfUses: ratio(
        repeat.reduce((sum, account) => sum + account.uses, 0),
        uses,
      ),
      uses,
      longTermKeyUses,
      shareOfUsesByLongTermKey: ratio(longTermKeyUses, uses),
      signIns,
      shareOfSignInsWithoutMfa: ratio(signIns.withoutMfa, signIns.withMfa + signIns.withoutMfa),
      usesPerWeek: this.#usesPerWeek(),
      weekly: this.#weekly.build(WEEKLY_BASIS),
      byCredential,
    };
  }

  #usesPerWeek(): FleetFigures['usesPerWeek'] {
    const weeks = [...this.#weekUses.keys()].sort();
    if (weeks.length === 0) return [];
    const out: FleetFigures['usesPerWeek'] = [];
    for (let at = Date.parse(weeks[0]!); at <= Date.parse(weeks[weeks.length - 1]!); at += 7 * DAY_MS) {
      const week = new Date(at).toISOString().slice(0, 10);
      out.push({ week, uses: this.#weekUses.get(week) ?? 0 });
    }
    return out;
  }
}

export { FleetTally, weekOf };
