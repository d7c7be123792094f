import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { deliveredByRule } from '../../detection/delivery/delivered-by-rule.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { MemoryLivenessStore } from '../../scan/coverage/liveness-store.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';
import { listSampleFiles, sampleValues } from '../helpers/sample-events.ts';
import { EXPECTED_LIVENESS, LIVENESS_NOW } from './liveness-samples.ts';

const setup = () => {
  const records = new MemoryRecordSink();
  const alerts = new MemoryAlertSink();
  const liveness = new MemoryLivenessStore();
  const handler = makeHandler({
    detector: new Detector(),
    records,
    alerts,
    logger: memoryLogger().logger,
    alertMinSeverity: 'low',
    liveness,
    now: () => new Date(LIVENESS_NOW),
  });
  return { handler, records, alerts, liveness };
};

describe('Samples: events/liveness/ through the handler', () => {
  const files = listSampleFiles().filter((file) => file.startsWith('liveness/'));

  it('has an expectation for every liveness sample, and a sample for every expectation', () => {
    expect(files).toStrictEqual(Object.keys(EXPECTED_LIVENESS).sort());
  });

  it.each(files.map((file) => ({ file, ...EXPECTED_LIVENESS[file]! })))(
    '$file: $scenario',
    async ({ file, ...expected }) => {
      // Prepare
      const { handler, records, alerts, liveness } = setup();
      const [event] = await sampleValues(file);

      // Act
      await handler(event, { awsRequestId: 'req-1' });

      // Assess: delivered by the rules' pattern, one record, never an alert
      expect(deliveredByRule(event)).toBe(true);
      const [entry] = records.entries.map((one) => RecordEntrySchema.parse(one));
      expect(alerts.alerts).toStrictEqual([]);
      if ('heard' in expected) {
        expect(entry).toMatchObject({ kind: 'liveness', ...expected.heard });
        const { account, region, heardAt } = expected.heard;
        expect(await liveness.places()).toMatchObject([{ account, region, lastHeard: heardAt }]);
      } else {
        expect(entry?.kind).toBe('invalid-event');
        expect(entry?.kind === 'invalid-event' && entry.issues.map((issue) => issue.path)).toStrictEqual(
          expected.refused,
        );
        expect(await liveness.places()).toStrictEqual([]);
      }
    },
  );
});

describe('Handler: forwarder liveness', () => {
  it('never moves a place back in time: a redelivered older event leaves the later one', async () => {
    // Prepare
    const { handler, liveness } = setup();
    const [event] = (await sampleValues('liveness/forwarder-liveness-member-eu-west-1.json')) as [
      Record<string, unknown>,
    ];
    const later = { ...event, id: 'later', time: '2026-11-29T05:59:00Z' };

    // Act
    await handler(later);
    await handler(event);

    // Assess
    expect((await liveness.places()).map((place) => place.lastHeard)).toStrictEqual([
      '2026-11-29T05:59:00.000Z',
    ]);
  });

  it('fails the invocation when the store cannot note the event, so that Lambda retries it', async () => {
    // Prepare
    const records = new MemoryRecordSink();
    const handler = makeHandler({
      detector: new Detector(),
      records,
      alerts: new MemoryAlertSink(),
      logger: memoryLogger().logger,
      alertMinSeverity: 'low',
      liveness: {
        heard: async () => {
          throw new Error('ProvisionedThroughputExceededException');
        },
        places: async () => [],
        markAlerted: async () => true,
      },
      now: () => new Date(LIVENESS_NOW),
    });
    const [event] = await sampleValues('liveness/forwarder-liveness-member-eu-west-1.json');

    // Act and assess
    await expect(handler(event)).rejects.toThrow('rootwatch could not deliver liveness (1 sink failures)');
    expect(records.entries.map((entry) => entry.kind)).toStrictEqual(['liveness']);
  });
});
