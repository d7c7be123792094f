import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { StoreCallOptions, Versioned, VersionedStore } from '../incidents/versioned-store.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/**
 * The incident store in DynamoDB: one item per key (`id`), the value as JSON, a `version` number
 * that every write checks (a conditional write: `attribute_not_exists(id)` or `version = :expected`),
 * and `expiresAt` in epoch seconds, the table's TTL attribute. Reads are strongly consistent.
 * The SDK module is handed in, not imported: `connect` loads it when a table is configured, so that
 * a detector without incidents never loads the DynamoDB client (a chunk of its own in the bundle).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
type DynamoDbCommands = Pick<typeof DynamoDbSdk, 'GetItemCommand' | 'PutItemCommand'>;

class DynamoDbVersionedStore implements VersionedStore {
  readonly #sdk: DynamoDbCommands;
  readonly #client: DynamoDbSdk.DynamoDBClient;
  readonly #tableName: string;
  readonly #retry: RetryPolicy;

  constructor({
    sdk,
    client,
    tableName,
    retry = DEFAULT_RETRY_POLICY,
  }: {
    sdk: DynamoDbCommands;
    client: DynamoDbSdk.DynamoDBClient;
    tableName: string;
    retry?: RetryPolicy;
  }) {
    this.#sdk = sdk;
    this.#client = client;
    this.#tableName = tableName;
    this.#retry = retry;
  }

  /** The store on `tableName`, with a client of its own; loads the SDK module first. */
  static async connect({
    tableName,
    clientConfig,
    retry,
  }: {
    tableName: string;
    clientConfig: DynamoDBClientConfig;
    retry?: RetryPolicy;
  }): Promise<DynamoDbVersionedStore> {
    const sdk = await import('@aws-sdk/client-dynamodb');
    const client = new sdk.DynamoDBClient(clientConfig);
    return new DynamoDbVersionedStore({ sdk, client, tableName, ...(retry && { retry }) });
  }

  async get<T>(id: string, options: StoreCallOptions = {}): Promise<Versioned<T> | undefined> {
    const { Item } = await withRetries(
      (http) =>
        this.#client.send(
          new this.#sdk.GetItemCommand({
            TableName: this.#tableName,
            Key: { id: { S: id } },
            ConsistentRead: true,
          }),
          http,
        ),
      this.#retry,
      options.signal,
    );
    if (!Item?.value?.S || !Item.version?.N) return undefined;
    return { value: JSON.parse(Item.value.S) as T, version: Number(Item.version.N) };
  }

  async put<T>(
    id: string,
    value: T,
    expected: number | undefined,
    expiresAt: Date,
    options: StoreCallOptions = {},
  ): Promise<boolean> {
    let attempts = 0;
    try {
      await withRetries(
        (http) => {
          attempts += 1;
          return this.#client.send(
            new this.#sdk.PutItemCommand({
              TableName: this.#tableName,
              Item: {
                id: { S: id },
                version: { N: String((expected ?? 0) + 1) },
                value: { S: JSON.stringify(value) },
                expiresAt: { N: String(Math.ceil(expiresAt.getTime() / 1000)) },
              },
              ...(expected === undefined
                ? { ConditionExpression: 'attribute_not_exists(id)' }
                : {
                    ConditionExpression: 'version = :expected',
                    ExpressionAttributeValues: { ':expected': { N: String(expected) } },
                  }),
            }),
            http,
          );
        },
        this.#retry,
        options.signal,
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // A retried write whose earlier attempt was stored (its answer lost, or too late) fails its
      // own condition: it won, and must say so, or the caller would take its own write for another's
      // (the tracker would then see its page as claimed by someone else, and page no one).
      return attempts > 1 && (await this.#holds(id, value, (expected ?? 0) + 1, options));
    }
  }

  /** Whether the item is now `value` at `version`: the write of this very value landed. */
  async #holds<T>(id: string, value: T, version: number, options: StoreCallOptions): Promise<boolean> {
    const stored = await this.get<T>(id, options);
    return stored?.version === version && JSON.stringify(stored.value) === JSON.stringify(value);
  }
}

export { DynamoDbVersionedStore };
