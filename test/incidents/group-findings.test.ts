import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../incidents/group-findings.ts';
import type { Finding } from '../../schemas/finding.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const NOW = new Date('2026-01-10T00:00:00Z');

/** One sample's finding, at `time`, with the event id `eventId`. */
const findingAt = async (time: string, eventId: string): Promise<Finding> => ({
  ...(await onlyFinding('sign-in/root-console-login-without-mfa.json')).finding,
  time,
  eventId,
});

describe('groupFindings: the order offline runs print in', () => {
  const cases: Array<{ scenario: string; given: Array<[string, string]>; expected: string[] }> = [
    {
      scenario: 'event time first, whatever the arrival order',
      given: [
        ['2026-01-05T10:00:02Z', 'a'],
        ['2026-01-05T10:00:00Z', 'b'],
        ['2026-01-05T10:00:01Z', 'c'],
      ],
      expected: ['b', 'c', 'a'],
    },
    {
      // A collator would put `a` before `B` (and differ between locales); code units put upper case first.
      scenario: 'equal times: event ids in code-unit order, the same in every locale',
      given: [
        ['2026-01-05T10:00:00Z', 'b'],
        ['2026-01-05T10:00:00Z', 'a'],
        ['2026-01-05T10:00:00Z', 'B'],
        ['2026-01-05T10:00:00Z', 'ä'],
      ],
      expected: ['B', 'a', 'b', 'ä'],
    },
  ];
  it.each(cases)('$scenario', async ({ given, expected }) => {
    const findings = await Promise.all(given.map(([time, id]) => findingAt(time, id)));
    const grouped = await groupFindings(findings, { now: NOW });
    expect(grouped.map((finding) => finding.eventId)).toEqual(expected);
  });
});
