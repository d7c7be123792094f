import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { TEST_REGION } from './aws-clients.ts';

/** A real local DynamoDB (the dynalite package, in memory) on a free port. */
const startDynalite = async (): Promise<{
  url: string;
  client: DynamoDBClient;
  /** Another client, as another Lambda container would have. */
  newClient: () => DynamoDBClient;
  stop: () => Promise<void>;
}> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const newClient = () =>
    new DynamoDBClient({
      endpoint: url,
      region: TEST_REGION,
      credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'x' },
    });
  return {
    url,
    client: newClient(),
    newClient,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

/** An on-demand table with a string partition key `id`, as the CDK stack deploys them. */
const createTable = (client: DynamoDBClient, tableName: string) =>
  client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );

export { startDynalite, createTable };
