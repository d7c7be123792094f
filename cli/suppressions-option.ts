import { expiredRules } from '../detection/suppression/suppression-for.ts';
import { loadSuppressions } from '../handlers/load-suppressions.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import type { CommandIo } from './io.ts';

/**
 * The rules of `--suppressions FILE` (none without the option); an expired rule is reported on
 * stderr, since it no longer applies and someone should renew or remove it.
 */
const suppressionsOption = (path: string | undefined, io: CommandIo, now = new Date()): SuppressionRule[] => {
  if (path === undefined) return [];
  const rules = loadSuppressions(path, { required: true });
  for (const rule of expiredRules(rules, now)) {
    io.err(`suppression rule ${rule.id} expired on ${rule.expires}: it no longer applies (${path})`);
  }
  return rules;
};

export { suppressionsOption };
