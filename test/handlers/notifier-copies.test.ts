import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildNotifierDeps } from '../../handlers/notifier/aws-deps.ts';
import { makeNotifierHandler } from '../../handlers/notifier/make-notifier-handler.ts';
import { SentAlerts } from '../../handlers/notifier/sent-alerts.ts';
import type { VersionedStore } from '../../incidents/versioned-store.ts';
import { MemoryVersionedStore } from '../../incidents/versioned-store.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { findingAlert } from '../helpers/alert-bus.ts';
import { FAST_RETRY, localAwsEnv } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:rootwatch-alerts';
const login = async () => (await onlyFinding('sign-in/root-console-login-without-mfa.json')).finding;

/** A topic that keeps what it is given, and can be told to fail. */
const memoryTopic = () => {
  const messages: TopicMessage[] = [];
  const topic = {
    messages,
    failWith: undefined as Error | undefined,
    publish: async (message: TopicMessage) => {
      if (topic.failWith) throw topic.failWith;
      messages.push(message);
      return `message-${messages.length}`;
    },
  };
  return topic;
};

describe('Notifier: a copy of an alert does not page twice', () => {
  let now: number;
  const notifier = (
    topic: ReturnType<typeof memoryTopic>,
    store: VersionedStore = new MemoryVersionedStore(),
  ) =>
    makeNotifierHandler({
      topic,
      logger: memoryLogger().logger,
      sentAlerts: new SentAlerts(store, { now: () => now }),
    });
  beforeEach(() => {
    now = Date.parse('2026-11-29T10:00:00Z');
  });

  it('drops a second alert with the same id, and publishes another id', async () => {
    // Prepare
    const topic = memoryTopic();
    const handler = notifier(topic);
    const finding = await login();

    // Act
    const first = await handler(findingAlert(finding, 'delivery-1'));
    const copy = await handler(findingAlert(finding, 'delivery-2'));
    const other = await handler(findingAlert({ ...finding, eventId: 'another-event' }));

    // Assess
    expect([first.duplicate, copy.duplicate, other.duplicate]).toStrictEqual([undefined, true, undefined]);
    expect(topic.messages).toHaveLength(2);
  });

  it('publishes on the retry of an invocation whose publish failed (the claim is given back)', async () => {
    // Prepare
    const topic = memoryTopic();
    const handler = notifier(topic);
    const finding = await login();
    topic.failWith = new Error('SNS is down');

    // Act
    const failed = await handler(findingAlert(finding)).catch((error: unknown) => error);
    topic.failWith = undefined;
    const retried = await handler(findingAlert(finding));

    // Assess
    expect(failed).toMatchObject({ message: 'SNS is down' });
    expect(retried.duplicate).toBeUndefined();
    expect(topic.messages).toHaveLength(1);
  });

  it.each([
    {
      after: 'its claim lease (the invocation timed out)',
      stepMs: 46_000,
      publishedAgain: true,
      sent: false,
    },
    { after: 'a second, while its publish is under way', stepMs: 1_000, publishedAgain: false, sent: false },
    { after: '23 hours, once sent', stepMs: 23 * 60 * 60_000, publishedAgain: false, sent: true },
    { after: 'the day-long window, once sent', stepMs: 24 * 60 * 60_000, publishedAgain: true, sent: true },
  ])('a copy after $after is published again: $publishedAgain', async ({ stepMs, publishedAgain, sent }) => {
    // Prepare
    const store = new MemoryVersionedStore();
    const ledger = new SentAlerts(store, { now: () => now });
    await ledger.claim('Root Activity Finding#e1');
    if (sent) await ledger.sent('Root Activity Finding#e1');
    now += stepMs;

    // Act
    const claimed = await ledger.claim('Root Activity Finding#e1');

    // Assess
    expect(claimed).toBe(publishedAgain);
  });

  it("forgets the oldest alert past the bound of a container's memory, and only it", async () => {
    // Prepare
    const ledger = new SentAlerts(new MemoryVersionedStore({ maxItems: 2 }), { now: () => now });
    for (const id of ['a', 'b', 'c']) await ledger.claim(id);

    // Act
    const latest = await ledger.claim('c');
    const oldest = await ledger.claim('a');

    // Assess: 'c' is still remembered; 'a', created first, was forgotten.
    expect({ latest, oldest }).toStrictEqual({ latest: false, oldest: true });
  });

  it('publishes anyway when the store of sent alerts fails (paging twice beats not paging)', async () => {
    // Prepare
    const topic = memoryTopic();
    const broken: VersionedStore = {
      get: () => Promise.reject(new Error('table unavailable')),
      put: () => Promise.reject(new Error('table unavailable')),
    };

    // Act
    const result = await notifier(topic, broken)(findingAlert(await login()));

    // Assess
    expect(result.duplicate).toBeUndefined();
    expect(topic.messages).toHaveLength(1);
  });

  it('shortens a finding whose message would pass the SNS limit, and says so in the email', async () => {
    // Prepare
    const topic = memoryTopic();
    const finding = { ...(await login()), errorMessage: 'e'.repeat(400_000) };

    // Act
    await notifier(topic)(findingAlert(finding));

    // Assess
    const [message] = topic.messages;
    expect(new TextEncoder().encode(JSON.stringify(message!.byProtocol)).length).toBeLessThanOrEqual(262_144);
    expect(message!.byProtocol.email).toContain('Shortened');
    expect(message!.byProtocol.email).toContain('errorMessage');
  });
});

describe('Notifier: copies across containers, the incident table in DynamoDB (dynalite)', () => {
  let endpoint: LocalAwsEndpoint;
  let dynamo: Awaited<ReturnType<typeof startDynalite>>;
  beforeEach(async () => {
    endpoint = await LocalAwsEndpoint.start();
    endpoint.sns.topics.add(TOPIC);
    dynamo = await startDynalite();
    await createTable(dynamo.client, 'incidents');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await endpoint.stop();
    await dynamo.stop();
  });

  it('publishes an alert delivered to two containers once', async () => {
    // Prepare
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_TOPIC_ARN: TOPIC,
      ROOTWATCH_INCIDENT_TABLE: 'incidents',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
    });
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const containers = await Promise.all(
      [1, 2].map(async () =>
        makeNotifierHandler(
          await buildNotifierDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
        ),
      ),
    );
    const finding = await login();

    // Act
    const results = [
      await containers[0]!(findingAlert(finding, 'delivery-1')),
      await containers[1]!(findingAlert(finding, 'delivery-2')),
    ];

    // Assess
    expect(results.map((result) => result.duplicate ?? false)).toStrictEqual([false, true]);
    expect(endpoint.sns.published).toHaveLength(1);
  });
});
