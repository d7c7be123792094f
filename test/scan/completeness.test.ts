import { describe, expect, it } from 'vitest';
import { lateFinding, missedEvents } from '../../scan/completeness/missed-events.ts';
import type { TrailFinding } from '../../scan/completeness/missed-events.ts';
import { scanPlan } from '../../scan/completeness/scan-plan.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import type { Finding } from '../../schemas/finding.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const spans = (plan: ReturnType<typeof scanPlan>) => ({
  window: `${iso(plan.window.start)}/${iso(plan.window.end)}`,
  events: `${iso(plan.events.from)}/${iso(plan.events.to)}`,
  objects: `${iso(plan.objects.from)}/${iso(plan.objects.to)}`,
  records: `${iso(plan.records.from)}/${iso(plan.records.to)}`,
  trigger: plan.trigger,
});

describe('Completeness: the plan of a run', () => {
  it.each([
    {
      scenario: 'a daily run scheduled at 01:00 covers the day before, with its late arrivals',
      request: { scheduledTime: '2026-05-03T01:00:00Z' },
      now: '2026-05-03T01:00:04Z',
      settings: { windowHours: 24, settleMinutes: 60 },
      expected: {
        window: '2026-05-02T00:00:00.000Z/2026-05-03T00:00:00.000Z',
        events: '2026-05-01T00:00:00.000Z/2026-05-03T00:00:00.000Z',
        objects: '2026-05-01T23:45:00.000Z/2026-05-03T01:00:00.000Z',
        records: '2026-04-30T23:45:00.000Z/2026-05-03T01:15:04.000Z',
        trigger: 'scheduled',
      },
    },
    {
      scenario: 'a retry five hours later covers the same window (the scheduled time, not the clock)',
      request: { scheduledTime: '2026-05-03T01:00:00Z' },
      now: '2026-05-03T06:02:00Z',
      settings: { windowHours: 24, settleMinutes: 60 },
      expected: {
        window: '2026-05-02T00:00:00.000Z/2026-05-03T00:00:00.000Z',
        events: '2026-05-01T00:00:00.000Z/2026-05-03T00:00:00.000Z',
        objects: '2026-05-01T23:45:00.000Z/2026-05-03T01:00:00.000Z',
        records: '2026-04-30T23:45:00.000Z/2026-05-03T06:17:00.000Z',
        trigger: 'scheduled',
      },
    },
    {
      scenario: 'an hourly run (settle as long as the window) covers the hour before last',
      request: { scheduledTime: '2026-05-03T10:00:00Z' },
      now: '2026-05-03T10:00:00Z',
      settings: { windowHours: 1, settleMinutes: 60 },
      expected: {
        window: '2026-05-03T08:00:00.000Z/2026-05-03T09:00:00.000Z',
        events: '2026-05-03T07:00:00.000Z/2026-05-03T09:00:00.000Z',
        objects: '2026-05-03T07:45:00.000Z/2026-05-03T10:00:00.000Z',
        records: '2026-05-03T06:45:00.000Z/2026-05-03T10:15:00.000Z',
        trigger: 'scheduled',
      },
    },
    {
      scenario: 'an invocation without a time covers the last window that has settled',
      request: {},
      now: '2026-05-03T05:30:00Z',
      settings: { windowHours: 6, settleMinutes: 60 },
      expected: {
        window: '2026-05-02T18:00:00.000Z/2026-05-03T00:00:00.000Z',
        events: '2026-05-02T12:00:00.000Z/2026-05-03T00:00:00.000Z',
        objects: '2026-05-02T17:45:00.000Z/2026-05-03T01:00:00.000Z',
        records: '2026-05-02T11:45:00.000Z/2026-05-03T05:45:00.000Z',
        trigger: 'scheduled',
      },
    },
    {
      scenario: 'a window given by a person is scanned as given, without the window before',
      request: { start: '2026-04-20T00:00:00Z', end: '2026-04-21T12:00:00Z' },
      now: '2026-05-03T09:00:00Z',
      settings: { windowHours: 24, settleMinutes: 60 },
      expected: {
        window: '2026-04-20T00:00:00.000Z/2026-04-21T12:00:00.000Z',
        events: '2026-04-20T00:00:00.000Z/2026-04-21T12:00:00.000Z',
        objects: '2026-04-19T23:45:00.000Z/2026-04-21T13:00:00.000Z',
        records: '2026-04-19T23:45:00.000Z/2026-05-03T09:15:00.000Z',
        trigger: 'requested',
      },
    },
  ])('$scenario', ({ request, now, settings, expected }) => {
    // Act
    const plan = scanPlan(request, new Date(now), settings);

    // Assess
    expect(spans(plan)).toStrictEqual(expected);
  });
});

const trailFinding = (finding: Finding, changes: Partial<Finding>, object = 's3://trail/a.json.gz') => ({
  finding: { ...finding, ...changes },
  object,
});

describe('Completeness: missed events', () => {
  it('keeps the events no record names, whatever their severity, once each, earliest first', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const found: TrailFinding[] = [
      trailFinding(finding, { eventId: 'late', time: '2026-05-02T10:00:00Z' }),
      trailFinding(finding, { eventId: 'early', time: '2026-05-02T09:00:00Z' }),
      trailFinding(finding, { eventId: 'early', time: '2026-05-02T09:00:00Z' }, 's3://trail/again.json.gz'),
      trailFinding(finding, { eventId: 'recorded', time: '2026-05-02T08:00:00Z' }),
      trailFinding(finding, { eventId: 'quiet', severity: 'info', time: '2026-05-02T08:00:00Z' }),
    ];

    // Act
    const missed = missedEvents(found, { eventIds: new Set(['recorded']), sharedEventIds: new Set() });

    // Assess
    expect(missed.map(({ finding: { eventId }, object }) => `${eventId} ${object}`)).toStrictEqual([
      'quiet s3://trail/a.json.gz',
      'early s3://trail/a.json.gz',
      'late s3://trail/a.json.gz',
    ]);
  });

  it('counts an event as recorded when the copy delivered to the other account was', async () => {
    // Prepare
    const { finding } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');
    const copy = trailFinding(finding, { eventId: 'copy-in-bucket-owner', sharedEventId: 'shared-1' });
    const alone = trailFinding(finding, { eventId: 'alone', sharedEventId: 'shared-2' });

    // Act
    const missed = missedEvents([copy, alone], {
      eventIds: new Set(['copy-in-caller']),
      sharedEventIds: new Set(['shared-1']),
    });

    // Assess
    expect(missed.map(({ finding: { eventId } }) => eventId)).toStrictEqual(['alone']);
  });

  it('marks the finding of a missed event with when and where the scan found it, in the finding contract', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');

    // Act
    const late = lateFinding(
      { finding, object: 's3://trail/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/x.json.gz' },
      new Date('2026-05-03T01:00:09Z'),
    );

    // Assess
    expect(FindingSchema.parse(late)).toStrictEqual({
      ...finding,
      lateDetection: {
        detectedAt: '2026-05-03T01:00:09.000Z',
        object: 's3://trail/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/x.json.gz',
      },
    });
  });
});
