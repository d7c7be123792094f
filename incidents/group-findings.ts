import type { Finding } from '../schemas/finding.ts';
import type { SuppressionRule } from '../schemas/suppression-config.ts';
import { admitFinding } from './admit-finding.ts';
import { IncidentTracker } from './incident-tracker.ts';
import { MemoryVersionedStore } from './versioned-store.ts';

/** Code-unit order: the same on every machine, whatever its locale (and no collator to consult). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Event-time order (times parsed once, not at every comparison), event id among equals. */
const inEventTimeOrder = (findings: readonly Finding[]): Finding[] =>
  findings
    .map((finding) => ({ finding, at: Date.parse(finding.time) }))
    .sort((a, b) => a.at - b.at || byCodeUnits(a.finding.eventId, b.finding.eventId))
    .map(({ finding }) => finding);

/**
 * The findings of an offline run (`rootwatch scan`, the completeness scan) as the live detector would
 * have delivered them: in event-time order, checked against the suppression rules, and grouped into
 * incidents in memory with the same tracker the Lambda keeps in DynamoDB, so that the offline and
 * live views agree. A copy of an event seen twice (the same `sharedEventId`) counts once.
 */
const groupFindings = async (
  findings: readonly Finding[],
  { suppressions = [], now = new Date() }: { suppressions?: readonly SuppressionRule[]; now?: Date } = {},
): Promise<Finding[]> => {
  const tracker = new IncidentTracker(new MemoryVersionedStore(), { now: () => now.getTime() });
  const grouped: Finding[] = [];
  for (const finding of inEventTimeOrder(findings)) {
    grouped.push(await admitFinding(finding, { suppressions, now, tracker }));
  }
  return grouped;
};

export { groupFindings };
