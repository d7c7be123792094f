import { BatchImportFindingsCommand } from '@aws-sdk/client-securityhub';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAsffFinding } from '../../findings/formats/asff.ts';
import { localClients } from '../helpers/aws-clients.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';
import { LocalAwsEndpoint } from './local-aws-endpoint.ts';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:rootwatch-alerts';
let endpoint: LocalAwsEndpoint;
let clients: ReturnType<typeof localClients>;

beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.sns.topics.add(TOPIC);
  clients = localClients(endpoint.url);
});
afterAll(() => endpoint.stop());

const asff = async (productAccount = '111122223333') =>
  toAsffFinding((await onlyFinding('sign-in/root-console-login-failed.json')).finding, {
    productAccount,
    productRegion: 'us-east-1',
  }) as AwsSecurityFinding;

describe('Local endpoint: SNS Publish (AWS Query protocol)', () => {
  it('keeps a message published with the real SDK, per protocol', async () => {
    // Act
    const response = await clients.sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Subject: '[HIGH] Root sign-in in 111122223333',
        MessageStructure: 'json',
        Message: JSON.stringify({ default: '{}', email: 'body' }),
      }),
    );

    // Assess
    expect(endpoint.sns.published.at(-1)).toStrictEqual({
      messageId: response.MessageId,
      topicArn: TOPIC,
      subject: '[HIGH] Root sign-in in 111122223333',
      byProtocol: { default: '{}', email: 'body' },
    });
  });

  it.each([
    {
      scenario: 'an unknown topic',
      input: { TopicArn: `${TOPIC}-x`, Message: 'm' },
      name: 'NotFoundException',
    },
    {
      scenario: 'a subject of 100 characters',
      input: { TopicArn: TOPIC, Subject: 's'.repeat(100), Message: 'm' },
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a subject on two lines',
      input: { TopicArn: TOPIC, Subject: 'a\nb', Message: 'm' },
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a subject that is not ASCII',
      input: { TopicArn: TOPIC, Subject: 'café', Message: 'm' },
      name: 'InvalidParameterException',
    },
    {
      scenario: 'a JSON structure without default',
      input: { TopicArn: TOPIC, MessageStructure: 'json', Message: JSON.stringify({ email: 'x' }) },
      name: 'InvalidParameterException',
    },
  ])('refuses $scenario like the service', async ({ input, name }) => {
    await expect(clients.sns.send(new PublishCommand(input))).rejects.toMatchObject({ name });
  });
});

describe('Local endpoint: Security Hub BatchImportFindings (REST JSON)', () => {
  it("imports a valid finding of the caller's default product, and fails the others one by one", async () => {
    // Prepare
    const good = await asff();
    const otherAccount = await asff('999988887777');
    const incomplete = { ...(await asff()), Id: 'rootwatch/incomplete', Types: [] };

    // Act
    const response = await clients.securityHub.send(
      new BatchImportFindingsCommand({ Findings: [good, otherAccount, incomplete] }),
    );

    // Assess
    expect([response.SuccessCount, response.FailedCount]).toStrictEqual([1, 2]);
    expect(response.FailedFindings?.map((failed) => [failed.Id, failed.ErrorCode])).toStrictEqual([
      [good.Id, 'AccessDeniedException'],
      ['rootwatch/incomplete', 'InvalidInput'],
    ]);
    expect([...endpoint.securityHub.findings.values()]).toStrictEqual([JSON.parse(JSON.stringify(good))]);
  });

  it('refuses an empty batch, and answers 429 when throttled', async () => {
    // Prepare
    endpoint.queueFaults('BatchImportFindings', 'throttle');

    // Act
    const throttled = clients.securityHub.send(new BatchImportFindingsCommand({ Findings: [await asff()] }));
    const empty = clients.securityHub.send(new BatchImportFindingsCommand({ Findings: [] }));

    // Assess
    await expect(throttled).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
    });
    await expect(empty).rejects.toMatchObject({ name: 'InvalidInputException' });
  });
});
