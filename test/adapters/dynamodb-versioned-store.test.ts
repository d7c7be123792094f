import * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbVersionedStore } from '../../adapters/dynamodb-versioned-store.ts';
import { IncidentTracker } from '../../incidents/incident-tracker.ts';
import { FAST_RETRY } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { signIn } from '../helpers/incident-findings.ts';

let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());

/** A real client whose first PutItem (of an item id starting `prefix`) is stored and its answer lost. */
const losingFirstAnswer = (client: DynamoDBClient, prefix = ''): DynamoDBClient => {
  let lost = false;
  const send = client.send.bind(client) as (command: unknown, options?: unknown) => Promise<unknown>;
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === 'send'
        ? async (command: unknown, options?: unknown) => {
            const answer = await send(command, options);
            if (
              !lost &&
              command instanceof DynamoDbSdk.PutItemCommand &&
              command.input.Item?.id?.S?.startsWith(prefix)
            ) {
              lost = true;
              throw Object.assign(new Error('answer lost'), { name: 'TimeoutError' });
            }
            return answer;
          }
        : Reflect.get(target, property, receiver),
  });
};

const storeWith = async (client: DynamoDBClient) => {
  tables += 1;
  const tableName = `store-${tables}`;
  await createTable(dynamo.client, tableName);
  return new DynamoDbVersionedStore({ sdk: DynamoDbSdk, client, tableName, retry: FAST_RETRY });
};

describe('DynamoDB store: a conditional write whose answer was lost', () => {
  it.each([
    { name: 'a new item', expected: undefined },
    { name: 'a new version', expected: 1 },
  ])('is known as its own on retry: $name', async ({ expected }) => {
    // Prepare
    const plain = await storeWith(dynamo.newClient());
    if (expected) await plain.put('item', { n: 0 }, undefined, new Date(0));
    const store = new DynamoDbVersionedStore({
      sdk: DynamoDbSdk,
      client: losingFirstAnswer(dynamo.newClient()),
      tableName: `store-${tables}`,
      retry: FAST_RETRY,
    });

    // Act
    const won = await store.put('item', { n: 1 }, expected, new Date(0));

    // Assess
    expect(won).toBe(true);
    expect(await plain.get('item')).toStrictEqual({ value: { n: 1 }, version: (expected ?? 0) + 1 });
  });

  it('still loses to another writer', async () => {
    // Prepare
    const store = await storeWith(losingFirstAnswer(dynamo.newClient()));
    await store.put('item', { n: 0 }, undefined, new Date(0));

    // Act
    const won = await store.put('item', { n: 1 }, undefined, new Date(0));

    // Assess
    expect(won).toBe(false);
  });

  it('lets the tracker page the first finding of an incident whose write answer was lost', async () => {
    // Prepare
    const tracker = new IncidentTracker(await storeWith(losingFirstAnswer(dynamo.newClient(), 'incident#')));

    // Act
    const tracked = await tracker.track(signIn('2026-11-29T10:00:00Z', 'Yes'));

    // Assess
    expect(tracked.incident?.alert).toBe('first');
  });
});
