import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventBridgeAlertSink,
  batchesOf,
  entrySize,
  MAX_REQUEST_BYTES,
} from '../../adapters/eventbridge-alert-sink.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';
import type { Alert } from '../../adapters/alert-sink.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localClients } from '../helpers/aws-clients.ts';

const BUS = 'rootwatch-alerts';
let endpoint: LocalAwsEndpoint;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.events.buses.add(BUS);
});
afterEach(() => endpoint.stop());

const sink = (eventBusName = BUS) =>
  new EventBridgeAlertSink({ client: localClients(endpoint.url).events, eventBusName, retry: FAST_RETRY });
const alert = (eventId: string): Alert => ({
  detailType: 'Root Activity Finding',
  detail: { eventId, severity: 'critical' },
});
const storedIds = () => endpoint.events.received.map((event) => event.detail.eventId);

describe('Sink: EventBridge alerts', () => {
  it('puts each alert on the bus with Source rootwatch, in batches of at most 10', async () => {
    // Act
    await sink().send(Array.from({ length: 23 }, (_, i) => alert(`e${i}`)));

    // Assess
    expect(storedIds()).toStrictEqual(Array.from({ length: 23 }, (_, i) => `e${i}`));
    expect(
      new Set(endpoint.events.received.map((event) => `${event.bus} ${event.source} ${event.detailType}`)),
    ).toStrictEqual(new Set(['rootwatch-alerts rootwatch Root Activity Finding']));
    expect(endpoint.requests.filter((request) => request.operation === 'PutEvents')).toHaveLength(3);
  });

  it('accepts the bus ARN as well as its name', async () => {
    await sink(`arn:aws:events:us-east-1:111122223333:event-bus/${BUS}`).send([alert('e1')]);
    expect(storedIds()).toStrictEqual(['e1']);
  });

  it.each(['userAgent', 'errorMessage', 'summary'] as const)(
    'shortens a 400 KB %s to fit the PutEvents limit, says so, and keeps the finding valid',
    async (fieldName) => {
      // Prepare
      const { finding } = await onlyFinding('sign-in/root-console-login-eventbridge-2016.json');
      const huge = { ...finding, [fieldName]: 'x'.repeat(400_000) };

      // Act
      await sink().send([{ detailType: 'Root Activity Finding', detail: huge }]);

      // Assess
      const [stored] = endpoint.events.received;
      const detail = FindingSchema.parse(stored?.detail);
      expect(detail.truncated).toStrictEqual([fieldName]);
      expect(detail.eventId).toBe(finding.eventId);
      expect(String(detail[fieldName]).endsWith('… [truncated]')).toBe(true);
      const sent = {
        Source: 'rootwatch',
        DetailType: 'Root Activity Finding',
        Detail: JSON.stringify(stored?.detail),
      };
      expect(entrySize(sent)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    },
  );

  it('leaves an alert that fits as it is', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-eventbridge-2016.json');

    // Act
    await sink().send([{ detailType: 'Root Activity Finding', detail: finding }]);

    // Assess
    expect(endpoint.events.received[0]?.detail).toStrictEqual(JSON.parse(JSON.stringify(finding)));
  });

  it('sends only the failed entries again after a partial failure', async () => {
    // Prepare
    endpoint.queueFaults('PutEvents', 'partial');

    // Act
    await sink().send([alert('a'), alert('b'), alert('c')]);

    // Assess: the first attempt stored b; the retry stored a and c.
    expect(storedIds()).toStrictEqual(['b', 'a', 'c']);
  });

  it('fails at once on a final per-entry error', async () => {
    await expect(sink('missing-bus').send([alert('a')])).rejects.toMatchObject({
      name: 'AlertDeliveryError',
      message: 'PutEvents failed for 1 of 1 alerts (ResourceNotFoundException)',
    });
  });

  it('keeps batches under the request size limit', () => {
    // Prepare
    const big = { Source: 'rootwatch', DetailType: 'x', Detail: 'y'.repeat(100_000) };

    // Assess
    expect(batchesOf([big, big, big]).map((batch) => batch.length)).toStrictEqual([2, 1]);
  });
});
