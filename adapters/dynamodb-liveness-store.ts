import type * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { LivenessHeard, Place } from '../schemas/liveness-record.ts';
import type { LivenessStore, PlaceLiveness } from '../scan/coverage/liveness-store.ts';
import { placeKey } from '../scan/coverage/liveness-store.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

type DynamoDbCommands = Pick<typeof DynamoDbSdk, 'UpdateItemCommand' | 'ScanCommand'>;
type Item = Record<string, DynamoDbSdk.AttributeValue>;

/** Every attribute name goes through a placeholder: some, such as `region`, may be reserved words. */
const NAMES = { '#account': 'account', '#region': 'region' };

const text = (item: Item, name: string): string | undefined => item[name]?.S;

/**
 * The liveness store in DynamoDB: one item per place (`id` = `<account>#<region>`), with `account`,
 * `region`, `lastHeard` (ISO 8601, which sorts as time), `schedule` and `alertedSilence`. `heard`
 * is a conditional update that only moves `lastHeard` forward (a condition failure is an older or
 * repeated event, not an error); `places` reads the table with paginated Scans (one item per
 * account and Region: a few thousand at most).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
class DynamoDbLivenessStore implements LivenessStore {
  readonly #sdk: DynamoDbCommands;
  readonly #client: DynamoDbSdk.DynamoDBClient;
  readonly #tableName: string;
  readonly #retry: RetryPolicy;

  constructor(options: {
    sdk: DynamoDbCommands;
    client: DynamoDbSdk.DynamoDBClient;
    tableName: string;
    retry?: RetryPolicy;
  }) {
    this.#sdk = options.sdk;
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** The store on `tableName`, with a client of its own; loads the SDK module first (a chunk of its own). */
  static async connect(options: {
    tableName: string;
    clientConfig: DynamoDBClientConfig;
    retry?: RetryPolicy;
  }): Promise<DynamoDbLivenessStore> {
    const sdk = await import('@aws-sdk/client-dynamodb');
    return new DynamoDbLivenessStore({
      sdk,
      client: new sdk.DynamoDBClient(options.clientConfig),
      tableName: options.tableName,
      ...(options.retry && { retry: options.retry }),
    });
  }

  /** Updates that fail their condition are expected, not errors. */
  async #update(input: Omit<DynamoDbSdk.UpdateItemCommandInput, 'TableName'>): Promise<boolean> {
    try {
      await withRetries(
        () => this.#client.send(new this.#sdk.UpdateItemCommand({ TableName: this.#tableName, ...input })),
        this.#retry,
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async heard(heard: LivenessHeard): Promise<void> {
    await this.#update({
      Key: { id: { S: placeKey(heard) } },
      UpdateExpression:
        'SET #account = :account, #region = :region, #lastHeard = :heardAt, #schedule = :schedule',
      ConditionExpression: 'attribute_not_exists(#lastHeard) OR #lastHeard < :heardAt',
      ExpressionAttributeNames: { ...NAMES, '#lastHeard': 'lastHeard', '#schedule': 'schedule' },
      ExpressionAttributeValues: {
        ':account': { S: heard.account },
        ':region': { S: heard.region },
        ':heardAt': { S: heard.heardAt },
        ':schedule': { S: heard.schedule },
      },
    });
  }

  async places(): Promise<PlaceLiveness[]> {
    const places: PlaceLiveness[] = [];
    let start: Item | undefined;
    do {
      const page = await withRetries(
        () =>
          this.#client.send(
            new this.#sdk.ScanCommand({
              TableName: this.#tableName,
              ConsistentRead: true,
              ...(start && { ExclusiveStartKey: start }),
            }),
          ),
        this.#retry,
      );
      for (const item of page.Items ?? []) {
        const account = text(item, 'account');
        const region = text(item, 'region');
        if (!account || !region) continue;
        const lastHeard = text(item, 'lastHeard');
        const schedule = text(item, 'schedule');
        const alertedSilence = text(item, 'alertedSilence');
        places.push({
          account,
          region,
          ...(lastHeard && { lastHeard }),
          ...(schedule && { schedule }),
          ...(alertedSilence && { alertedSilence }),
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return places;
  }

  async markAlerted(place: Place, silence: string): Promise<boolean> {
    return this.#update({
      Key: { id: { S: placeKey(place) } },
      UpdateExpression: 'SET #account = :account, #region = :region, #alerted = :silence',
      ConditionExpression: 'attribute_not_exists(#alerted) OR #alerted <> :silence',
      ExpressionAttributeNames: { ...NAMES, '#alerted': 'alertedSilence' },
      ExpressionAttributeValues: {
        ':account': { S: place.account },
        ':region': { S: place.region },
        ':silence': { S: silence },
      },
    });
  }
}

export { DynamoDbLivenessStore };
