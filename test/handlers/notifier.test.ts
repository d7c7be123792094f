import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findingNotification } from '../../findings/notifications/finding-notification.ts';
import { chatbotNotification } from '../../findings/notifications/notification.ts';
import { postureNotification } from '../../posture/posture-notification.ts';
import { lambdaEntry } from '../../build/artifacts.ts';
import { buildNotifierDeps } from '../../handlers/notifier/aws-deps.ts';
import { InvalidAlertError, makeNotifierHandler } from '../../handlers/notifier/make-notifier-handler.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { asDelivered, findingAlert } from '../helpers/alert-bus.ts';
import { FAST_RETRY, localAwsEnv } from '../helpers/aws-clients.ts';
import { deliveredSamples } from '../helpers/delivered-samples.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';
import { childEnv } from '../helpers/child-env.ts';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:rootwatch-alerts';
const POSTURE_ALERT = {
  eventId: 'posture:444455556666:root-mfa:2025-06-01T12:00:00.000Z',
  asOf: '2025-06-01T12:00:00Z',
  account: '444455556666',
  check: 'root-mfa' as const,
  status: 'fail' as const,
  controls: [
    {
      framework: 'CIS AWS Foundations Benchmark' as const,
      version: '3.0.0',
      id: '1.5',
      title: "Ensure MFA is enabled for the 'root' user account",
    },
  ],
  detail: 'root has no MFA device',
  evidence: { mfa_active: 'false' },
};

/** A topic that keeps what it is given. */
const memoryTopic = () => {
  const messages: TopicMessage[] = [];
  return { messages, publish: async (message: TopicMessage) => (messages.push(message), 'message-1') };
};

describe('Notifier: makeNotifierHandler', () => {
  it('publishes a finding as one message: subject, the email body, the chat notification', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const topic = memoryTopic();
    const handler = makeNotifierHandler({ topic, logger: memoryLogger().logger });
    const notification = findingNotification(finding);

    // Act
    const result = await handler(findingAlert(finding));

    // Assess
    expect(result).toStrictEqual({ id: finding.eventId, messageId: 'message-1' });
    expect(topic.messages).toStrictEqual([
      {
        subject: '[CRITICAL] Root sign-in without MFA in 111122223333 from 192.0.2.0',
        byProtocol: {
          default: JSON.stringify(chatbotNotification(notification)),
          email: notification.text,
          sms: notification.subject,
        },
      },
    ]);
  });

  it('publishes a posture alert with its own subject', async () => {
    // Prepare
    const topic = memoryTopic();
    const handler = makeNotifierHandler({ topic, logger: memoryLogger().logger });

    // Act
    await handler(
      asDelivered({
        id: 'p1',
        source: ALERT_SOURCE,
        detailType: ALERT_DETAIL_TYPES.posture,
        detail: POSTURE_ALERT,
      }),
    );

    // Assess
    expect(topic.messages.map((message) => [message.subject, message.byProtocol.email])).toStrictEqual([
      ['[POSTURE FAIL] Root has no MFA in 444455556666', postureNotification(POSTURE_ALERT).text],
    ]);
  });

  it.each([
    {
      scenario: 'a heartbeat',
      event: asDelivered({
        id: 'h',
        source: ALERT_SOURCE,
        detailType: ALERT_DETAIL_TYPES.heartbeat,
        detail: { eventId: 'x' },
      }),
    },
    {
      scenario: 'a finding that breaks the contract',
      event: findingAlert({ eventId: 'x', severity: 'urgent' }),
    },
    { scenario: 'another source', event: { ...findingAlert({}), source: 'aws.signin' } },
  ])(
    'fails on $scenario, publishing nothing, so that it ends in the dead-letter queue',
    async ({ event }) => {
      // Prepare
      const topic = memoryTopic();
      const log = memoryLogger();
      const handler = makeNotifierHandler({ topic, logger: log.logger });

      // Act
      const result = handler(event);

      // Assess
      await expect(result).rejects.toThrow(InvalidAlertError);
      expect(topic.messages).toStrictEqual([]);
      expect(log.lines().map((line) => line.level)).toStrictEqual(['error']);
    },
  );
});

describe('Notifier end to end: detector, alert bus, notifier, SNS on the local endpoint', () => {
  let endpoint: LocalAwsEndpoint;
  beforeEach(async () => {
    endpoint = await LocalAwsEndpoint.start();
    endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
    endpoint.events.buses.add('rootwatch-alerts');
    endpoint.sns.topics.add(TOPIC);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await endpoint.stop();
  });

  it('emails every alert the detector put on the bus, once, under throttling and server errors', async () => {
    // Prepare
    const env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_ALERT_TOPIC_ARN: TOPIC,
    });
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const detector = makeHandler(
      await buildAwsDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );
    const notifier = makeNotifierHandler(
      await buildNotifierDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );
    for (const sample of await deliveredSamples()) await detector(sample.event);
    endpoint.injectFaults({
      rates: { throttle: 0.3, 'server-error': 0.1 },
      operations: ['Publish'],
      seed: 7,
    });

    // Act
    for (const alert of endpoint.events.received) await notifier(asDelivered(alert));

    // Assess
    // Two pairs of samples share an event id: the second of each is a copy, and is dropped.
    const alerts = endpoint.events.received.filter(
      (alert, index, all) =>
        all.findIndex(
          (other) => other.detailType === alert.detailType && other.detail.eventId === alert.detail.eventId,
        ) === index,
    );
    expect(alerts.length).toBeGreaterThan(40);
    expect(endpoint.sns.published.map((message) => message.subject)).toStrictEqual(
      alerts.map((alert) => findingNotification(alert.detail as never).subject),
    );
    expect(endpoint.requests.some((request) => request.operation === 'Publish' && request.fault)).toBe(true);
  });

  it('runs as the production bundle in a fresh Node process, configured by its environment', async () => {
    // Prepare
    const { finding } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');
    const env = localAwsEnv(endpoint.url, { ROOTWATCH_ALERT_TOPIC_ARN: TOPIC, ROOTWATCH_LOG_LEVEL: 'warn' });

    // Act
    const results = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        [join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'), join(REPO_ROOT, lambdaEntry('notifier'))],
        { env: childEnv(env) },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('close', () => resolve(stdout));
      child.stdin.end(JSON.stringify([findingAlert(finding)]));
    });

    // Assess
    expect(results).toContain(`RESULT {"ok":true,"result":{"id":"${finding.eventId}"`);
    expect(endpoint.sns.published.map((message) => message.subject)).toStrictEqual([
      findingNotification(finding).subject,
    ]);
  });
});
