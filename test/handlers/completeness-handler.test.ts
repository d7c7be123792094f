import { describe, expect, it } from 'vitest';
import type { RecordedIds, TrailFinding } from '../../scan/completeness/missed-events.ts';
import type { CompletenessDeps } from '../../handlers/completeness/make-completeness-handler.ts';
import { makeCompletenessHandler } from '../../handlers/completeness/make-completeness-handler.ts';
import type { TrailScan } from '../../handlers/completeness/scan-trail.ts';
import type { Finding } from '../../schemas/finding.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const NOW = new Date('2026-05-03T01:00:05Z');
const OBJECT = 's3://org-trail/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/2026/05/02/x.json.gz';
const SCHEDULED = { source: 'rootwatch.completeness-schedule', scheduledTime: '2026-05-03T01:00:00Z' };

const trailScan = (found: TrailFinding[], changes: Partial<TrailScan> = {}): TrailScan => ({
  found,
  accounts: 2,
  objectsScanned: 40,
  unreadable: 0,
  problems: [],
  stoppedEarly: false,
  ...changes,
});

/** The live path's records, read back the way the function reads the record log group. */
const recordedIn = (records: MemoryRecordSink): RecordedIds => {
  const findings = records.entries.flatMap((entry) => (entry.kind === 'finding' ? [entry.finding] : []));
  return {
    eventIds: new Set(findings.map((finding) => finding.eventId)),
    sharedEventIds: new Set(findings.flatMap((finding) => finding.sharedEventId ?? [])),
  };
};

const setup = (
  scan: TrailScan | ((stop: () => boolean) => TrailScan),
  deps: Partial<CompletenessDeps> = {},
) => {
  const records = new MemoryRecordSink();
  const alerts = new MemoryAlertSink();
  const { logger, lines } = memoryLogger();
  const plans: unknown[] = [];
  const handler = makeCompletenessHandler({
    scanTrail: async (plan, stop) => {
      plans.push(plan);
      return typeof scan === 'function' ? scan(stop) : scan;
    },
    recorded: { recorded: async () => recordedIn(records) },
    records,
    alerts,
    logger,
    alertMinSeverity: 'low',
    settings: { windowHours: 24, settleMinutes: 60 },
    now: () => NOW,
    ...deps,
  });
  return { handler, records, alerts, lines, plans };
};

const findings = async () => {
  const { finding: signIn } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
  const { finding: key } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');
  return { signIn, key };
};
const at = (finding: Finding, eventId: string, time = '2026-05-02T10:00:00Z'): TrailFinding => ({
  finding: { ...finding, eventId, time },
  object: OBJECT,
});

describe('Handler: completeness scan (wiring, with fakes)', () => {
  it('records and alerts the missed event as a late finding, then the run, and publishes its metrics', async () => {
    // Prepare
    const { signIn, key } = await findings();
    const { handler, records, alerts, lines } = setup(trailScan([at(signIn, 'seen'), at(key, 'missed')]));
    await records.write([{ kind: 'finding', finding: { ...signIn, eventId: 'seen' } }]);

    // Act
    const result = await handler(SCHEDULED, { awsRequestId: 'r1', functionName: 'rootwatch-completeness' });

    // Assess
    const late = {
      ...key,
      eventId: 'missed',
      time: '2026-05-02T10:00:00Z',
      lateDetection: { detectedAt: NOW.toISOString(), object: OBJECT },
      incident: {
        id: `long-term-key:${key.accessKeyId}:2026-05-02T10:00:00Z`,
        count: 1,
        firstSeen: '2026-05-02T10:00:00Z',
        lastSeen: '2026-05-02T10:00:00Z',
        actions: [`${key.eventSource.replace('.amazonaws.com', '')}:${key.eventName}`],
        regions: [key.region],
        sourceIps: [key.sourceIp],
        alert: 'first',
      },
    };
    expect(alerts.alerts).toStrictEqual([{ detailType: 'Root Activity Finding', detail: late }]);
    expect(FindingSchema.parse(alerts.alerts[0]!.detail)).toStrictEqual(late);
    expect(records.entries.slice(1).map((entry) => RecordEntrySchema.parse(entry))).toStrictEqual([
      { kind: 'finding', finding: late },
      {
        kind: 'completeness',
        window: { start: '2026-05-02T00:00:00.000Z', end: '2026-05-03T00:00:00.000Z' },
        events: { from: '2026-05-01T00:00:00.000Z', to: '2026-05-03T00:00:00.000Z' },
        objects: { from: '2026-05-01T23:45:00.000Z', to: '2026-05-03T01:00:00.000Z' },
        accounts: 2,
        objectsScanned: 40,
        objectsUnreadable: 0,
        rootEvents: 2,
        missed: 1,
        alerted: 1,
        stoppedEarly: false,
        complete: true,
      },
    ]);
    expect(result).toMatchObject({ missed: 1, alerted: 1, complete: true });
    expect(lines().find((line) => line.msg === 'completeness metrics')).toMatchObject({
      _aws: {
        Timestamp: NOW.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: 'rootwatch',
            Dimensions: [['FunctionName']],
            Metrics: [
              { Name: 'MissedRootEvents', Unit: 'Count' },
              { Name: 'CompleteScans', Unit: 'Count' },
              { Name: 'UnreadableTrailObjects', Unit: 'Count' },
              { Name: 'TrailObjectsScanned', Unit: 'Count' },
            ],
          },
        ],
      },
      FunctionName: 'rootwatch-completeness',
      MissedRootEvents: 1,
      CompleteScans: 1,
      UnreadableTrailObjects: 0,
      TrailObjectsScanned: 40,
    });
  });

  it('never pages twice for one event: a second run finds the first run’s record', async () => {
    // Prepare
    const { key } = await findings();
    const { handler, alerts } = setup(trailScan([at(key, 'missed')]));

    // Act
    const first = await handler(SCHEDULED);
    const second = await handler(SCHEDULED);

    // Assess
    expect([first.missed, second.missed]).toStrictEqual([1, 0]);
    expect(alerts.alerts).toHaveLength(1);
  });

  it('groups missed events into incidents as the live path does: a burst of one root key pages once', async () => {
    // Prepare
    const { key } = await findings();
    const burst = ['10:00', '10:20', '10:40'].map((minute, index) =>
      at(key, `burst-${index}`, `2026-05-02T${minute}:00Z`),
    );
    const { handler, alerts, records } = setup(trailScan([...burst].reverse()));

    // Act
    const result = await handler(SCHEDULED);

    // Assess
    expect(result).toMatchObject({ missed: 3, alerted: 1 });
    expect(alerts.alerts.map((alert) => alert.detail.eventId)).toStrictEqual(['burst-0']);
    const recorded = records.entries.flatMap((entry) => (entry.kind === 'finding' ? [entry.finding] : []));
    expect(
      recorded.map(({ eventId, incident }) => [eventId, incident?.count, incident?.alert]),
    ).toStrictEqual([
      ['burst-0', 1, 'first'],
      ['burst-1', 2, 'update'],
      ['burst-2', 3, 'update'],
    ]);
    expect(new Set(recorded.map((finding) => finding.incident?.id)).size).toBe(1);
  });

  it('records nothing when an alert cannot be sent, so that the retry alerts (with the same event id)', async () => {
    // Prepare
    const { key } = await findings();
    const { handler, alerts, records } = setup(trailScan([at(key, 'missed')]));
    alerts.failWith = new Error('PutEvents failed for 1 of 1 alerts (AccessDeniedException)');

    // Act
    const failed = handler(SCHEDULED);
    await expect(failed).rejects.toThrow('PutEvents failed');
    alerts.failWith = undefined;
    const retried = await handler(SCHEDULED);

    // Assess
    expect(retried).toMatchObject({ missed: 1, alerted: 1 });
    expect(alerts.alerts.map((alert) => alert.detail.eventId)).toStrictEqual(['missed']);
    expect(records.entries.map((entry) => entry.kind)).toStrictEqual(['finding', 'completeness']);
  });

  it('records a missed event that an approved suppression rule covers, without alerting it', async () => {
    // Prepare
    const { key } = await findings();
    const { handler, alerts, records } = setup(trailScan([at(key, 'missed')]), {
      suppressions: [
        {
          id: 'chg-9',
          reason: 'CHG-9: bucket policy rollout with the root key',
          expires: '2099-01-01T00:00:00Z',
          critical: ['long-term-access-key'],
          match: { eventNames: [key.eventName] },
        },
      ],
    });

    // Act
    const result = await handler(SCHEDULED);

    // Assess
    expect(result).toMatchObject({ missed: 1, alerted: 0 });
    expect(alerts.alerts).toStrictEqual([]);
    expect(records.entries[0]).toMatchObject({
      kind: 'finding',
      finding: { suppression: { ruleId: 'chg-9' } },
    });
  });

  it.each([
    { scenario: 'an object could not be read', changes: { unreadable: 1, problems: ['s3://x: gzip: bad'] } },
    { scenario: 'the listing stopped at the deadline', changes: { stoppedEarly: true } },
    { scenario: 'no object was delivered in the window', changes: { objectsScanned: 0 } },
  ])(
    'calls the run incomplete when $scenario, and says so in its record, metric and log',
    async ({ changes }) => {
      // Prepare
      const { handler, records, lines } = setup(trailScan([], changes));

      // Act
      const result = await handler(SCHEDULED);

      // Assess
      expect(result.complete).toBe(false);
      expect(records.entries).toMatchObject([{ kind: 'completeness', complete: false }]);
      expect(lines().find((line) => line.msg === 'completeness metrics')).toMatchObject({ CompleteScans: 0 });
      expect(
        lines().find((line) => String(line.msg).startsWith('completeness scan incomplete')),
      ).toMatchObject({
        level: 'warn',
      });
    },
  );

  it.each([
    { remaining: 60_000, scenario: 'a minute left: a quarter of it is kept', stops: [false, true] },
    { remaining: 900_000, scenario: 'fifteen minutes left: three are kept', stops: [false, false] },
  ])('stops listing before the function’s deadline ($scenario)', async ({ remaining, stops }) => {
    // Prepare
    let clock = NOW.getTime();
    const asked: boolean[] = [];
    const { handler } = setup(
      (stop) => {
        asked.push(stop());
        clock += 50_000;
        asked.push(stop());
        return trailScan([], { stoppedEarly: stop() });
      },
      { now: () => new Date(clock) },
    );

    // Act
    const result = await handler(SCHEDULED, { getRemainingTimeInMillis: () => remaining });

    // Assess
    expect(asked).toStrictEqual(stops);
    expect(result.stoppedEarly).toBe(stops[1]);
  });

  it('scans a window a person gives, and refuses one that is not a window', async () => {
    // Prepare
    const { handler, plans } = setup(trailScan([]));

    // Act
    await handler({ start: '2026-04-20T00:00:00Z', end: '2026-04-21T00:00:00Z' });
    const refused = handler({ start: '2026-04-21T00:00:00Z', end: '2026-04-20T00:00:00Z' });

    // Assess
    await expect(refused).rejects.toMatchObject({ name: 'CompletenessRequestError' });
    expect(plans).toMatchObject([
      { window: { start: Date.parse('2026-04-20T00:00:00Z') }, trigger: 'requested' },
    ]);
  });
});
