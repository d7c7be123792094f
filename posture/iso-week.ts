const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** An ISO 8601 week in UTC: `2025-W23`, and the date of its Monday. */
interface IsoWeek {
  week: string;
  /** `YYYY-MM-DD`: the Monday, 00:00 UTC, the week starts on. */
  start: string;
}

/** The Monday 00:00 UTC of the week holding `ms`. */
const weekStartMs = (ms: number): number => {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is the days since Monday.
  const sinceMonday = (((Math.floor(ms / DAY_MS) + 3) % 7) + 7) % 7;
  return day - sinceMonday * DAY_MS;
};

/**
 * The ISO week of an instant, in UTC: weeks start on Monday, and week 1 is the one holding the
 * year's first Thursday, so the week's year is its Thursday's (2024-12-30 is in 2025-W01).
 * Computed from the time given, never from the clock.
 */
const isoWeekOf = (ms: number): IsoWeek => {
  const monday = weekStartMs(ms);
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return {
    week: `${year}-W${String(number).padStart(2, '0')}`,
    start: new Date(monday).toISOString().slice(0, 10),
  };
};

/** Every ISO week from the one holding `fromMs` to the one holding `toMs`, both included. */
const isoWeeksBetween = (fromMs: number, toMs: number): IsoWeek[] => {
  const weeks: IsoWeek[] = [];
  for (let at = weekStartMs(fromMs); at <= weekStartMs(toMs); at += WEEK_MS) weeks.push(isoWeekOf(at));
  return weeks;
};

export { isoWeekOf, isoWeeksBetween, weekStartMs, WEEK_MS };
export type { IsoWeek };
