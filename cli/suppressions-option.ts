import { expiredRules } from '../detection/suppression/suppression-for.ts';
import { loadSanctionedTasks, loadSuppressions } from '../handlers/load-suppressions.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import type { CommandIo } from './io.ts';

const reportExpired = (rules: SuppressionRule[], what: string, path: string, io: CommandIo, now: Date) => {
  for (const rule of expiredRules(rules, now)) {
    io.err(`${what} ${rule.id} expired on ${rule.expires}: it no longer applies (${path})`);
  }
  return rules;
};

/**
 * The rules of `--suppressions FILE` and of `--sanctioned-tasks FILE` (none without the options), the
 * sanctioned root tasks as the suppression rules they amount to; an expired one is reported on
 * stderr, since it no longer applies and someone should renew or remove it.
 */
const suppressionsOption = (
  path: string | undefined,
  io: CommandIo,
  now = new Date(),
  sanctionedTasksPath?: string,
): SuppressionRule[] => [
  ...(path === undefined
    ? []
    : reportExpired(loadSuppressions(path, { required: true }), 'suppression rule', path, io, now)),
  ...(sanctionedTasksPath === undefined
    ? []
    : reportExpired(
        loadSanctionedTasks(sanctionedTasksPath, { required: true }),
        'sanctioned root task',
        sanctionedTasksPath,
        io,
        now,
      )),
];

export { suppressionsOption };
