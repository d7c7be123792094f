import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toAsffFinding } from '../../findings/formats/asff.ts';
import { lambdaEntry } from '../../build/artifacts.ts';
import { buildAwsDeps } from '../../handlers/root-activity/aws-deps.ts';
import { makeHandler } from '../../handlers/root-activity/make-handler.ts';
import { buildImportDeps } from '../../handlers/security-hub-import/aws-deps.ts';
import {
  InvalidImportError,
  makeImportHandler,
} from '../../handlers/security-hub-import/make-import-handler.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import type { AsffFinding } from '../../schemas/asff-finding.ts';
import { FindingImportError } from '../../adapters/security-hub-importer.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { asDelivered, findingAlert } from '../helpers/alert-bus.ts';
import { FAST_RETRY, localAwsEnv } from '../helpers/aws-clients.ts';
import { deliveredSamples } from '../helpers/delivered-samples.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';
import { childEnv } from '../helpers/child-env.ts';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:rootwatch-security-hub-import';

const memorySecurityHub = () => {
  const imported: AsffFinding[] = [];
  return {
    imported,
    import: async (findings: readonly AsffFinding[]) => (imported.push(...findings), findings.length),
  };
};

describe('Security Hub import: makeImportHandler', () => {
  it("imports a finding in ASFF through the function's own account and Region", async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-with-mfa-current-format.json');
    const securityHub = memorySecurityHub();
    const handler = makeImportHandler({ securityHub, logger: memoryLogger().logger });

    // Act
    const result = await handler(findingAlert(finding), { invokedFunctionArn: FUNCTION_ARN });

    // Assess
    expect(result).toStrictEqual({ id: `rootwatch/${finding.eventId}`, imported: 1 });
    expect(securityHub.imported).toStrictEqual([
      toAsffFinding(finding, {
        productAccount: '111122223333',
        productRegion: 'us-east-1',
        updatedAt: '2026-11-29T06:00:00Z', // when the alert was put on the bus
      }),
    ]);
    expect(securityHub.imported[0]?.Resources).toStrictEqual([
      { Type: 'AwsAccount', Id: 'AWS::::Account:444455556666', Partition: 'aws', Region: 'us-east-1' },
    ]);
  });

  it('keeps UpdatedAt at the event time when the alert carries no later time', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');
    const securityHub = memorySecurityHub();
    const handler = makeImportHandler({ securityHub, logger: memoryLogger().logger });

    // Act
    await handler(
      { ...findingAlert(finding), time: '2001-01-01T00:00:00Z' },
      { invokedFunctionArn: FUNCTION_ARN },
    );

    // Assess
    expect([securityHub.imported[0]?.CreatedAt, securityHub.imported[0]?.UpdatedAt]).toStrictEqual([
      '2022-11-10T16:24:34.000Z',
      '2022-11-10T16:24:34.000Z',
    ]);
  });

  it.each([
    {
      scenario: 'a posture alert',
      event: asDelivered({
        id: 'p',
        source: ALERT_SOURCE,
        detailType: ALERT_DETAIL_TYPES.posture,
        detail: { eventId: 'posture:1', asOf: '2025-06-01T12:00:00Z' },
      }),
    },
    { scenario: 'a broken finding', event: findingAlert({ eventId: 'x' }) },
  ])('fails on $scenario, importing nothing', async ({ event }) => {
    // Prepare
    const securityHub = memorySecurityHub();
    const handler = makeImportHandler({ securityHub, logger: memoryLogger().logger });

    // Act
    const result = handler(event, { invokedFunctionArn: FUNCTION_ARN });

    // Assess
    await expect(result).rejects.toThrow(InvalidImportError);
    expect(securityHub.imported).toStrictEqual([]);
  });
});

describe('Security Hub import end to end: detector, alert bus, import, Security Hub on the local endpoint', () => {
  let endpoint: LocalAwsEndpoint;
  let env: Record<string, string>;
  beforeEach(async () => {
    endpoint = await LocalAwsEndpoint.start();
    endpoint.logs.createLogGroup({ logGroupName: '/rootwatch/records' });
    endpoint.events.buses.add('rootwatch-alerts');
    env = localAwsEnv(endpoint.url, {
      ROOTWATCH_ALERT_BUS: 'rootwatch-alerts',
      ROOTWATCH_LOG_GROUP: '/rootwatch/records',
      ROOTWATCH_LOG_LEVEL: 'warn',
    });
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await endpoint.stop();
  });

  it('imports every alerted finding once, idempotently, under throttling', async () => {
    // Prepare
    const detector = makeHandler(
      await buildAwsDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );
    const importer = makeImportHandler(
      buildImportDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );
    for (const sample of await deliveredSamples()) await detector(sample.event);
    endpoint.injectFaults({
      rates: { throttle: 0.3, unavailable: 0.1 },
      operations: ['BatchImportFindings'],
      seed: 3,
    });
    const alerts = endpoint.events.received.map(asDelivered);

    // Act
    for (const alert of [...alerts, ...alerts]) await importer(alert, { invokedFunctionArn: FUNCTION_ARN });

    // Assess
    const stored = [...endpoint.securityHub.findings.values()];
    // Samples reuse a few AWS example event ids: one finding per id, as in Security Hub.
    expect(stored.map((finding) => finding.Id).sort()).toStrictEqual(
      [...new Set(alerts.map((alert) => `rootwatch/${String(alert.detail.eventId)}`))].sort(),
    );
    expect(new Set(stored.map((finding) => finding.AwsAccountId))).toStrictEqual(new Set(['111122223333']));
    expect(
      endpoint.requests.some((request) => request.operation === 'BatchImportFindings' && request.fault),
    ).toBe(true);
  });

  it('fails the invocation when Security Hub refuses the finding', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');
    const importer = makeImportHandler(
      buildImportDeps(env, { logger: memoryLogger().logger, retry: FAST_RETRY }),
    );

    // Act
    const result = importer(findingAlert(finding), {
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:999988887777:function:elsewhere',
    });

    // Assess
    await expect(result).rejects.toThrow(FindingImportError);
    expect(endpoint.securityHub.findings.size).toBe(0);
  });

  it('runs as the production bundle in a fresh Node process', async () => {
    // Prepare
    const { finding } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');

    // Act
    const stdout = await new Promise<string>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(REPO_ROOT, 'test/aws-endpoint/invoke-bundle.mjs'),
          join(REPO_ROOT, lambdaEntry('security-hub-import')),
        ],
        { env: childEnv(env) },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', () => resolve(out));
      child.stdin.end(JSON.stringify([findingAlert(finding)]));
    });

    // Assess
    expect(stdout).toContain('RESULT {"ok":true,"result":{"id":"rootwatch/EXAMPLE-0000","imported":1}}');
    expect([...endpoint.securityHub.findings.keys()]).toStrictEqual([
      'arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default rootwatch/EXAMPLE-0000',
    ]);
  });
});
