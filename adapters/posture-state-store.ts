import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StoreCallOptions } from '../incidents/versioned-store.ts';
import type { RetryPolicy } from './retry.ts';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry.ts';

/** The last status of one posture check of one account, and since when it has had it. */
interface PostureState {
  status: string;
  since: string;
}

/** Remembers each check's last status, so that a check alerts when it turns to `fail`, not every day after. */
interface PostureStateStore {
  get(account: string, check: string, options?: StoreCallOptions): Promise<PostureState | undefined>;
  put(account: string, check: string, state: PostureState, options?: StoreCallOptions): Promise<void>;
}

const keyOf = (account: string, check: string) => ({ id: { S: `${account}#${check}` } });

/**
 * The state in a DynamoDB table (on-demand, partition key `id` = `<account>#<check>`). Reads are
 * strongly consistent, so a run always sees what the previous run wrote.
 */
class DynamoDbPostureStateStore implements PostureStateStore {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;
  readonly #retry: RetryPolicy;

  constructor({
    client,
    tableName,
    retry = DEFAULT_RETRY_POLICY,
  }: {
    client: DynamoDBClient;
    tableName: string;
    retry?: RetryPolicy;
  }) {
    this.#client = client;
    this.#tableName = tableName;
    this.#retry = retry;
  }

  async get(
    account: string,
    check: string,
    { signal }: StoreCallOptions = {},
  ): Promise<PostureState | undefined> {
    const { Item } = await withRetries(
      (http) =>
        this.#client.send(
          new GetItemCommand({
            TableName: this.#tableName,
            Key: keyOf(account, check),
            ConsistentRead: true,
          }),
          http,
        ),
      this.#retry,
      signal,
    );
    const status = Item?.status?.S;
    const since = Item?.since?.S;
    return status && since ? { status, since } : undefined;
  }

  async put(
    account: string,
    check: string,
    state: PostureState,
    { signal }: StoreCallOptions = {},
  ): Promise<void> {
    await withRetries(
      (http) =>
        this.#client.send(
          new PutItemCommand({
            TableName: this.#tableName,
            Item: {
              ...keyOf(account, check),
              status: { S: state.status },
              since: { S: state.since },
              updatedAt: { S: new Date().toISOString() },
            },
          }),
          http,
        ),
      this.#retry,
      signal,
    );
  }
}

/** The state in memory: for tests and local runs. */
class MemoryPostureStateStore implements PostureStateStore {
  readonly states = new Map<string, PostureState>();

  async get(account: string, check: string): Promise<PostureState | undefined> {
    return this.states.get(`${account}#${check}`);
  }

  async put(account: string, check: string, state: PostureState): Promise<void> {
    this.states.set(`${account}#${check}`, state);
  }
}

export { DynamoDbPostureStateStore, MemoryPostureStateStore };
export type { PostureState, PostureStateStore };
