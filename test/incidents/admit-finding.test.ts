import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { admitFinding } from '../../incidents/admit-finding.ts';
import { IncidentTracker } from '../../incidents/incident-tracker.ts';
import { MemoryVersionedStore } from '../../incidents/versioned-store.ts';
import type { Finding } from '../../schemas/finding.ts';
import { SuppressionRuleSchema } from '../../schemas/suppression-config.ts';
import { sampleJson } from '../helpers/records.ts';

const NOW = new Date('2026-11-29T12:00:00Z');
const finding = (): Finding => {
  const detection = new Detector().detect(
    sampleJson('console-session/root-console-session-create-user.json'),
  );
  if (detection.kind !== 'finding') throw new Error('the sample has no finding');
  return detection.finding;
};
const rule = (accounts: string[], expires = '2030-01-01T00:00:00Z') =>
  SuppressionRuleSchema.parse({ id: 'change-window', reason: 'SEC-1', expires, match: { accounts } });
const tracker = () => new IncidentTracker(new MemoryVersionedStore(), { now: () => NOW.getTime() });

describe('admitFinding: suppress, then track, the same for every delivery', () => {
  it.each([
    {
      scenario: 'no rules, no incidents',
      rules: [],
      tracked: false,
      suppressedBy: undefined,
      incident: false,
    },
    {
      scenario: 'a matching rule',
      rules: [rule(['111122223333'])],
      tracked: false,
      suppressedBy: 'change-window',
      incident: false,
    },
    {
      scenario: 'a rule for another account',
      rules: [rule(['444455556666'])],
      tracked: false,
      suppressedBy: undefined,
      incident: false,
    },
    {
      scenario: 'an expired rule',
      rules: [rule(['111122223333'], '2026-01-01T00:00:00Z')],
      tracked: false,
      suppressedBy: undefined,
      incident: false,
    },
    { scenario: 'incidents kept', rules: [], tracked: true, suppressedBy: undefined, incident: true },
    {
      scenario: 'a matching rule with incidents kept',
      rules: [rule(['111122223333'])],
      tracked: true,
      suppressedBy: 'change-window',
      incident: true,
    },
  ])(
    '$scenario: suppressed by $suppressedBy, in an incident $incident',
    async ({ rules, tracked, suppressedBy, incident }) => {
      // Act
      const admitted = await admitFinding(finding(), {
        suppressions: rules,
        now: NOW,
        ...(tracked && { tracker: tracker() }),
      });

      // Assess
      expect(admitted.suppression?.ruleId).toBe(suppressedBy);
      expect(admitted.incident !== undefined).toBe(incident);
      expect({ ...admitted, suppression: undefined, incident: undefined }).toStrictEqual({
        ...finding(),
        suppression: undefined,
        incident: undefined,
      });
    },
  );
});
