import { PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { localClients } from '../../test/helpers/aws-clients.ts';

/** A record-sized message, as the handler writes and puts for one finding. */
const BARE_MESSAGE = JSON.stringify({ kind: 'finding', finding: { padding: 'y'.repeat(1_400) } });

/**
 * The round trips the handler cannot avoid for one finding, sent one after the other: one
 * PutLogEvents to the `bare` stream of the record group, one PutEvents (source `rootwatch.bench`,
 * so that a count of the handler's alerts leaves them out).
 */
const bareRoundTrips = async (clients: ReturnType<typeof localClients>): Promise<void> => {
  await clients.logs.send(
    new PutLogEventsCommand({
      logGroupName: '/rootwatch/records',
      logStreamName: 'bare',
      logEvents: [{ timestamp: Date.now(), message: BARE_MESSAGE }],
    }),
  );
  await clients.events.send(
    new PutEventsCommand({
      Entries: [
        {
          Source: 'rootwatch.bench',
          DetailType: 'Root Activity Finding',
          Detail: BARE_MESSAGE,
          EventBusName: 'rootwatch-alerts',
        },
      ],
    }),
  );
};

export { bareRoundTrips, BARE_MESSAGE };
