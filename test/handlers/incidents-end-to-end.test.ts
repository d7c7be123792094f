import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { deliveredByRule } from '../../detection/delivery/delivered-by-rule.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import type { Finding } from '../../schemas/finding.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localAwsEnv } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { consoleSessionRecords } from '../helpers/console-session.ts';
import { sampleJson } from '../helpers/records.ts';

const GROUP = '/rootwatch/records';
const BUS = 'rootwatch-alerts';
const TABLE = 'rootwatch-incidents';
let endpoint: LocalAwsEndpoint;
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let clock: number;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
  endpoint.logs.createLogGroup({ logGroupName: GROUP });
  endpoint.events.buses.add(BUS);
  dynamo = await startDynalite();
  await createTable(dynamo.client, TABLE);
  clock = Date.parse('2026-11-29T10:05:00Z');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await endpoint.stop();
  await dynamo.stop();
});

/** A container configured from its environment, as deployed: incidents in DynamoDB. */
const deployedHandler = async () => {
  const env = localAwsEnv(endpoint.url, {
    ROOTWATCH_ALERT_BUS: BUS,
    ROOTWATCH_LOG_GROUP: GROUP,
    ROOTWATCH_INCIDENT_TABLE: TABLE,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
  });
  // The SDK clients read their region and endpoints from the process environment.
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return makeHandler(
    await buildAwsDeps(process.env, {
      logger: memoryLogger().logger,
      retry: FAST_RETRY,
      now: () => new Date(clock),
    }),
  );
};

const delivered = (record: Record<string, unknown>) => {
  const event = asEventBridgeEvent(record);
  if (!deliveredByRule(event)) throw new Error(`the rule would not deliver ${String(record.eventName)}`);
  return event;
};

const consoleSession = () => consoleSessionRecords().map(delivered);

const recordedFindings = (): Finding[] =>
  endpoint.logs
    .messages(GROUP)
    .map((message) => RecordEntrySchema.parse(JSON.parse(message)))
    .flatMap((entry) => (entry.kind === 'finding' ? [entry.finding] : []));
const alerted = () => endpoint.events.received.map((event) => event.detail as Finding);

describe('Incidents end to end: the handler, real SDK clients, DynamoDB (dynalite)', () => {
  it('pages a console session once, and once more, as critical, when it creates an access key', async () => {
    // Prepare
    const handler = await deployedHandler();
    const events = consoleSession();

    // Act
    for (const event of events) await handler(event);

    // Assess
    const findings = recordedFindings();
    expect(new Set(findings.map((finding) => finding.incident?.id)).size).toBe(1);
    expect(findings.map((finding) => [finding.incident?.count, finding.incident?.alert])).toStrictEqual([
      [1, 'first'],
      [2, 'update'],
      [3, 'update'],
      [4, 'escalation'],
      [5, 'update'],
    ]);
    expect(alerted().map((finding) => [finding.eventName, finding.severity])).toStrictEqual([
      ['ConsoleLogin', findings[0]!.severity],
      ['CreateAccessKey', 'critical'],
    ]);
  });

  it('pages no one again when every event is delivered twice, by other containers at the same time', async () => {
    // Prepare
    const containers = await Promise.all([deployedHandler(), deployedHandler(), deployedHandler()]);
    const events = consoleSession();

    // Act
    await containers[0]!(events[0]!);
    await Promise.all(
      events
        .slice(1)
        .flatMap((event, index) => [
          containers[1 + (index % 2)]!(event),
          containers[2 - (index % 2)]!(structuredClone(event)),
        ]),
    );

    // Assess
    expect(alerted().map((finding) => finding.eventName)).toStrictEqual(['ConsoleLogin', 'CreateAccessKey']);
    expect(Math.max(...recordedFindings().map((finding) => finding.incident!.count))).toBe(5);
  });

  it("pages again on Lambda's retry when the alert failed, and not after the retry succeeded", async () => {
    // Prepare
    const handler = await deployedHandler();
    const [signIn] = consoleSession();
    endpoint.queueFaults('PutEvents', ...Array.from({ length: 10 }, () => 'server-error' as const));

    // Act
    const firstTry = await handler(signIn!).then(
      () => 'succeeded',
      (error: Error) => error.name,
    );
    clock += 60_000;
    await handler(signIn!);
    clock += 120_000;
    await handler(signIn!);

    // Assess
    expect(firstTry).toBe('DeliveryError');
    expect(alerted().map((finding) => [finding.eventName, finding.incident?.alert])).toStrictEqual([
      ['ConsoleLogin', 'first'],
    ]);
  });

  it('relabels a centralized-root session whose member event came before its AssumeRoot record: the session pages once, the AssumeRoot call once', async () => {
    // Prepare
    const handler = await deployedHandler();
    const [member, assumeRoot] = (
      sampleJson('assumed-root/assume-root-task-create-login-profile.log.json') as {
        Records: Record<string, unknown>[];
      }
    ).Records;
    const laterMember = { ...structuredClone(member!), eventID: 'member-2', eventName: 'GetLoginProfile' };

    // Act
    const results = [];
    for (const record of [member!, assumeRoot!, laterMember]) results.push(await handler(delivered(record)));

    // Assess
    const findings = recordedFindings();
    const relabelled = endpoint.logs
      .messages(GROUP)
      .map((message) => RecordEntrySchema.parse(JSON.parse(message)))
      .flatMap((entry) => (entry.kind === 'finding' && entry.incidentId ? [entry.incidentId] : []));
    expect(results.map((result) => result.kind)).toStrictEqual(['finding', 'finding', 'finding']);
    expect(
      findings.map((finding) => [finding.credential, finding.activity, finding.incident?.alert]),
    ).toStrictEqual([
      ['session-token', 'credential-change', 'first'],
      ['iam-principal', 'root-password-task', 'first'],
      ['assumed-root', 'api-call', 'update'],
    ]);
    expect(relabelled).toStrictEqual([findings[0]!.incident!.id]);
    expect(findings[2]!.incident).toMatchObject({ id: findings[0]!.incident!.id, count: 2 });
    expect(alerted().map((finding) => finding.eventName)).toStrictEqual(['CreateLoginProfile', 'AssumeRoot']);
  });
});
