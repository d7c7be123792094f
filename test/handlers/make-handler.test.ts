import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { Severity } from '../../schemas/finding.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';
import { sampleJson } from '../helpers/records.ts';

const setup = (alertMinSeverity: Severity = 'low') => {
  const records = new MemoryRecordSink();
  const alerts = new MemoryAlertSink();
  const { logger, lines } = memoryLogger();
  const handler = makeHandler({
    detector: new Detector(),
    records,
    alerts,
    logger,
    alertMinSeverity,
    now: () => new Date('2026-11-29T06:00:00Z'),
  });
  return { handler, records, alerts, lines };
};
const context = {
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rootwatch',
};
const loginEnvelope = () => sampleJson('sign-in/root-console-login-eventbridge-2016.json');

describe('Handler: root activity', () => {
  it('records a finding and alerts on it, with the finding as the alert detail', async () => {
    // Prepare
    const { handler, records, alerts } = setup();

    // Act
    const result = await handler(loginEnvelope(), context);

    // Assess
    expect(result).toStrictEqual({
      kind: 'finding',
      eventId: '324731c0-64b3-4421-b552-dfc3c27df4f6',
      alerted: 1,
    });
    expect(records.entries.map((entry) => RecordEntrySchema.parse(entry).kind)).toStrictEqual(['finding']);
    expect(alerts.alerts).toMatchObject([
      {
        detailType: 'Root Activity Finding',
        detail: { eventId: '324731c0-64b3-4421-b552-dfc3c27df4f6', severity: 'critical' },
      },
    ]);
  });

  it('records without alerting below the alert threshold', async () => {
    // Prepare
    const { handler, records, alerts } = setup('critical');

    // Act
    await handler(sampleJson('sign-in/root-console-login-eventbridge-global-region.json'), context);

    // Assess
    expect(records.entries.map((entry) => entry.kind)).toStrictEqual(['finding']);
    expect(alerts.alerts).toStrictEqual([]);
  });

  it('records an invalid event with its issues and the event, secrets redacted, and succeeds', async () => {
    // Prepare
    const { handler, records, alerts, lines } = setup();
    const event = loginEnvelope();
    const detail = event.detail as Record<string, unknown>;
    detail.eventTime = 'soon';
    detail.responseElements = { credentials: { sessionToken: 'SECRET-TOKEN', accessKeyId: 'ASIAEXAMPLE' } };

    // Act
    const result = await handler(event, context);

    // Assess
    expect(result.kind).toBe('invalid-event');
    const [entry] = records.entries;
    expect(entry).toMatchObject({
      kind: 'invalid-event',
      issues: [{ path: 'detail.eventTime', code: 'invalid_format' }],
    });
    expect(JSON.stringify(entry)).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(entry)).toContain('ASIAEXAMPLE');
    expect(alerts.alerts).toStrictEqual([]);
    expect(lines().find((line) => line.level === 'warn')).toMatchObject({
      issues: [{ path: 'detail.eventTime' }],
      awsRequestId: 'req-1',
    });
  });

  it.each([
    { scenario: 'an object of no CloudTrail shape', detail: { a: 1 } },
    {
      scenario: 'a record without eventVersion and eventTime',
      detail: { eventSource: 'iam.amazonaws.com', eventName: 'ListUsers' },
    },
  ])(
    'records a delivered event whose detail is not a CloudTrail record as invalid: $scenario',
    async ({ detail }) => {
      // Prepare
      const { handler, records, alerts } = setup();

      // Act
      const result = await handler({ ...loginEnvelope(), detail }, context);

      // Assess
      expect(result.kind).toBe('invalid-event');
      expect(records.entries).toMatchObject([
        { kind: 'invalid-event', issues: [{ path: 'detail', code: 'not_a_cloudtrail_record' }] },
      ]);
      expect(alerts.alerts).toStrictEqual([]);
    },
  );

  it('records an invalid event nested 4,000 deep, by its head, and succeeds (no retry, no DLQ)', async () => {
    // Prepare
    const { handler, records } = setup();
    const event = loginEnvelope();
    const detail = event.detail as Record<string, unknown>;
    detail.eventTime = 'soon';
    let deep: Record<string, unknown> = { password: 'at-the-bottom' };
    for (let level = 0; level < 4_000; level += 1) deep = { a: deep };
    detail.requestParameters = deep;

    // Act
    const result = await handler(event, context);

    // Assess
    expect(result.kind).toBe('invalid-event');
    const [entry] = records.entries;
    expect(entry).toMatchObject({
      kind: 'invalid-event',
      issues: [{ path: 'detail.eventTime' }],
      event: { truncated: true, depth: 4_003 },
    });
    const head = (entry as { event: { head: string } }).event.head;
    expect(head.startsWith('{"id":"6f87d04b-9f74-4f04-a780-7acf4b0a9b38"')).toBe(true);
    expect(RecordEntrySchema.parse(JSON.parse(JSON.stringify(entry))).kind).toBe('invalid-event');
  });

  it('records an event that gives no finding as ignored, with the reason', async () => {
    // Prepare
    const { handler, records } = setup();

    // Act
    await handler(sampleJson('aws-service/root-typed-aws-service-event.json'), context);

    // Assess
    expect(records.entries).toMatchObject([{ kind: 'ignored', reason: 'aws-service-event' }]);
  });

  it('turns the heartbeat into a marked finding, recorded and sent as a heartbeat alert', async () => {
    // Prepare
    const { handler, records, alerts } = setup('critical');

    // Act
    await handler({ source: 'rootwatch.heartbeat', 'detail-type': 'Rootwatch Heartbeat' }, context);

    // Assess
    expect(records.entries).toMatchObject([
      {
        kind: 'heartbeat',
        time: '2026-11-29T06:00:00.000Z',
        finding: {
          eventId: 'rootwatch-heartbeat-2026-11-29T06:00:00.000Z',
          account: '111122223333',
          region: 'eu-west-1',
          eventSource: 'rootwatch.heartbeat',
        },
      },
    ]);
    expect(alerts.alerts.map((alert) => alert.detailType)).toStrictEqual(['Rootwatch Heartbeat']);
  });

  it('fails the invocation when a sink still fails, after trying both', async () => {
    // Prepare
    const { handler, records, alerts, lines } = setup();
    alerts.failWith = Object.assign(new Error('bus down'), { name: 'AlertDeliveryError' });

    // Act
    const invocation = handler(loginEnvelope(), context);

    // Assess
    await expect(invocation).rejects.toMatchObject({
      name: 'DeliveryError',
      errors: [{ message: 'bus down' }],
    });
    expect(records.entries).toHaveLength(1);
    expect(lines().find((line) => line.level === 'error')).toMatchObject({
      msg: expect.stringContaining('delivery failed'),
    });
  });

  it('logs one line per invocation with the request and event ids, never the raw event', async () => {
    // Prepare
    const { handler, lines } = setup();

    // Act
    await handler(loginEnvelope(), context);

    // Assess
    const logged = lines();
    expect(logged).toMatchObject([
      {
        level: 'info',
        service: 'rootwatch',
        awsRequestId: 'req-1',
        eventId: '324731c0-64b3-4421-b552-dfc3c27df4f6',
        kind: 'finding',
        severity: 'critical',
        alerted: 1,
        msg: 'handled',
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain('Mozilla');
  });
});
