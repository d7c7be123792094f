import { DAY_MS, asOfText, days, duration, isoTime } from '../time.ts';
import type { PostureCheck } from './posture-check.ts';

/**
 * CIS "avoid root use", the field study's way: fails when root's password or one of its keys was
 * used within the window (default 1 day, as CIS asks) before the as-of; skipped when the root user
 * was created less than the minimum age (default 30 days) before it, since new accounts need root
 * to be set up. The report keeps only each credential's last use (the first in 5 minutes for the
 * password, in 15 for keys), so a last use after the as-of hides what happened in the window: unknown.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
const rootRecentUse: PostureCheck = {
  id: 'root-recent-use',
  topic: 'avoid-root-use',
  source: '[IAM-CR] password_last_used, access_key_N_last_used_date, user_creation_time',
  evaluate: ({ root, asOf, asOfSource, windowDays, minAccountAgeDays }) => {
    const columns = [
      'user_creation_time',
      'password_last_used',
      'access_key_1_last_used_date',
      'access_key_2_last_used_date',
    ] as const;
    const when = asOfText(asOf, asOfSource);
    const age = asOf - root.user_creation_time;
    if (age < minAccountAgeDays * DAY_MS) {
      const created = age < 0 ? 'after that' : `${duration(age)} before`;
      return {
        status: 'skipped',
        detail: `root user created ${isoTime(root.user_creation_time)}, ${created}, ${when}: younger than ${days(minAccountAgeDays)}`,
        columns,
      };
    }
    const uses = [
      { name: 'password', at: root.password_last_used },
      { name: 'access key 1', at: root.access_key_1_last_used_date },
      { name: 'access key 2', at: root.access_key_2_last_used_date },
    ].flatMap(({ name, at }) => (typeof at === 'number' ? [{ name, at }] : []));
    const inWindow = uses.filter(({ at }) => at <= asOf && asOf - at <= windowDays * DAY_MS);
    const later = uses.filter(({ at }) => at > asOf);
    const latest = [...uses].sort((a, b) => b.at - a.at)[0];
    if (inWindow.length > 0) {
      const text = inWindow.map(
        ({ name, at }) => `${name} used ${isoTime(at)}, ${duration(asOf - at)} before`,
      );
      return {
        status: 'fail',
        detail: `root ${text.join('; ')}: within ${days(windowDays)} ${when}`,
        columns,
      };
    }
    if (later.length > 0) {
      return {
        status: 'unknown',
        detail: `root ${later[0]!.name} last used ${isoTime(later[0]!.at)}, after the as-of: the report keeps only the last use (${when})`,
        columns,
      };
    }
    return {
      status: 'pass',
      detail: latest
        ? `root last used ${isoTime(latest.at)} (${latest.name}), ${duration(asOf - latest.at)} before: not within ${days(windowDays)} ${when}`
        : `no recorded root use (${when})`,
      columns,
    };
  },
};

export { rootRecentUse };
