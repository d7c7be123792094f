import { describe, expect, it } from 'vitest';
import { makeCoverageHandler } from '../../handlers/coverage/make-coverage-handler.ts';
import { MemoryLivenessStore } from '../../scan/coverage/liveness-store.ts';
import type { TrailFacts } from '../../scan/coverage/trail-logging.ts';
import { AlertBusEventSchema } from '../../schemas/alert-bus-event.ts';
import type { LivenessHeard } from '../../schemas/liveness-record.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';

const SECURITY = '111122223333';
const MEMBER = '444455556666';
const context = {
  awsRequestId: 'req-1',
  functionName: 'rootwatch-coverage',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${SECURITY}:function:rootwatch-coverage`,
};
const heard = (account: string, region: string, heardAt: string): LivenessHeard => ({
  kind: 'liveness',
  account,
  region,
  heardAt,
  scheduledTime: heardAt,
  schedule: `arn:aws:scheduler:${region}:${account}:schedule/default/liveness`,
});
const ORGANISATION_TRAIL: TrailFacts = {
  arn: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/organisation-trail',
  seenIn: 'us-east-1',
  homeRegion: 'us-east-1',
  multiRegion: true,
  organization: true,
  logging: true,
  selectors: { basic: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] },
};

const setup = (clock: { now: Date }) => {
  const store = new MemoryLivenessStore();
  const records = new MemoryRecordSink();
  const alerts = new MemoryAlertSink();
  const { logger, lines } = memoryLogger();
  const handler = makeCoverageHandler({
    sources: {
      store,
      trails: async (regions) => ({
        trails: regions.map((region) => ({ ...ORGANISATION_TRAIL, seenIn: region })),
        regions: new Set(regions),
        problems: [],
      }),
      enabledRegions: async (account) => {
        if (account !== SECURITY) throw new Error('AccessDeniedException: not the management account');
        return ['eu-west-1', 'us-east-1'];
      },
    },
    records,
    alerts,
    logger,
    settings: { silentAfterMinutes: 180, accounts: [], enabledRegions: true, trails: true },
    now: () => clock.now,
  });
  return { handler, store, records, alerts, lines };
};

describe('Handler: coverage check', () => {
  it('alerts each silent or never-heard place once, records the run and publishes its metrics', async () => {
    // Prepare: the security account heard in us-east-1, never in eu-west-1; a member silent for 5 hours
    const clock = { now: new Date('2026-11-29T12:00:00Z') };
    const { handler, store, records, alerts, lines } = setup(clock);
    await store.heard(heard(SECURITY, 'us-east-1', '2026-11-29T11:30:00Z'));
    await store.heard(heard(MEMBER, 'eu-west-1', '2026-11-29T07:00:00Z'));

    // Act
    const run = await handler({ source: 'rootwatch.coverage-schedule' }, context);

    // Assess
    expect(run).toStrictEqual({
      asOf: '2026-11-29T12:00:00.000Z',
      silentAfterMinutes: 180,
      places: 3,
      silent: [
        { account: SECURITY, region: 'eu-west-1', lastHeard: null },
        { account: MEMBER, region: 'eu-west-1', lastHeard: '2026-11-29T07:00:00.000Z' },
      ],
      alerted: 2,
    });
    expect(alerts.alerts.map((alert) => alert.detail.eventId)).toStrictEqual([
      `coverage:${SECURITY}:eu-west-1:never`,
      `coverage:${MEMBER}:eu-west-1:2026-11-29T07:00:00.000Z`,
    ]);
    for (const alert of alerts.alerts)
      AlertBusEventSchema.parse({
        source: 'rootwatch',
        'detail-type': alert.detailType,
        detail: alert.detail,
      });
    expect(records.entries.map((entry) => RecordEntrySchema.parse(entry).kind)).toStrictEqual(['coverage']);
    expect(lines().find((line) => line.msg === 'coverage metrics')).toMatchObject({
      FunctionName: 'rootwatch-coverage',
      CoveragePlaces: 3,
      SilentPlaces: 2,
      TrailGaps: 0,
      CoverageProblems: 1,
    });
  });

  it('does not alert the same silence twice, and alerts again once the place was heard and fell silent anew', async () => {
    // Prepare
    const clock = { now: new Date('2026-11-29T12:00:00Z') };
    const { handler, store, alerts } = setup(clock);
    await store.heard(heard(SECURITY, 'us-east-1', '2026-11-29T07:00:00Z'));
    await store.heard(heard(SECURITY, 'eu-west-1', '2026-11-29T11:00:00Z'));
    await handler({}, context);

    // Act: an hour later, still silent; then heard, then silent again
    clock.now = new Date('2026-11-29T13:00:00Z');
    await handler({}, context);
    await store.heard(heard(SECURITY, 'us-east-1', '2026-11-29T13:05:00Z'));
    clock.now = new Date('2026-11-29T17:00:00Z');
    await handler({}, context);

    // Assess
    expect(alerts.alerts.map((alert) => alert.detail.eventId)).toStrictEqual([
      `coverage:${SECURITY}:us-east-1:2026-11-29T07:00:00.000Z`,
      `coverage:${SECURITY}:eu-west-1:2026-11-29T11:00:00.000Z`,
      `coverage:${SECURITY}:us-east-1:2026-11-29T13:05:00.000Z`,
    ]);
  });

  it('alerts again on the next run when the alert could not be sent: at least once, never not at all', async () => {
    // Prepare
    const clock = { now: new Date('2026-11-29T12:00:00Z') };
    const { handler, store, alerts } = setup(clock);
    await store.heard(heard(SECURITY, 'us-east-1', '2026-11-29T07:00:00Z'));
    await store.heard(heard(SECURITY, 'eu-west-1', '2026-11-29T11:50:00Z'));
    alerts.failWith = new Error('PutEvents failed');

    // Act
    await expect(handler({}, context)).rejects.toThrow('PutEvents failed');
    alerts.failWith = undefined;
    await handler({}, context);

    // Assess
    expect(alerts.alerts.map((alert) => alert.detail.eventId)).toStrictEqual([
      `coverage:${SECURITY}:us-east-1:2026-11-29T07:00:00.000Z`,
    ]);
  });
});
