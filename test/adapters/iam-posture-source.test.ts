import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IamPostureSource } from '../../adapters/iam-posture-source.ts';
import { CLIENT_CONFIG } from '../../handlers/root-activity/aws-deps.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import type { IamAccount } from '../aws-endpoint/iam-service.ts';
import { FAST_RETRY } from '../helpers/aws-clients.ts';
import { accountReportCsv } from '../helpers/credential-reports.ts';

const HOME = '111122223333';
let endpoint: LocalAwsEndpoint;

beforeEach(async () => {
  endpoint = await LocalAwsEndpoint.start();
});
afterEach(async () => {
  await endpoint.stop();
});

/** The real IAM and STS clients against the local endpoint, asking the organisation's features. */
const source = (now?: () => number) => {
  const clientConfig = {
    ...CLIENT_CONFIG,
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
  };
  return new IamPostureSource({
    homeAccount: HOME,
    roleName: 'RootwatchPostureAudit',
    sts: new STSClient(clientConfig),
    clientConfig,
    organizationFeatures: true,
    assumeRoot: false,
    retry: FAST_RETRY,
    pollDelayMs: 1,
    ...(now && { now }),
  });
};
const asked = () => endpoint.requests.filter((request) => request.operation === 'ListOrganizationsFeatures');

describe('Adapter: IAM posture source, ListOrganizationsFeatures over the query protocol', () => {
  it.each<{ name: string; features: IamAccount['organizationFeatures']; facts: object }>([
    {
      name: 'both features',
      features: ['RootCredentialsManagement', 'RootSessions'],
      facts: { organizationFeatures: ['RootCredentialsManagement', 'RootSessions'] },
    },
    {
      name: 'the account in no organisation',
      features: 'no-organization',
      facts: { organizationFeaturesError: 'OrganizationNotFoundException' },
    },
    {
      name: 'an account that is not the management account',
      features: undefined,
      facts: { organizationFeaturesError: 'AccountNotManagementOrDelegatedAdministratorException' },
    },
  ])('learns $name, and still collects the report', async ({ features, facts }) => {
    // Prepare
    endpoint.iam.accounts.set(HOME, {
      credentialReport: accountReportCsv(HOME),
      virtualMfaDevices: [],
      ...(features === undefined ? {} : { organizationFeatures: features }),
    });

    // Act
    const evidence = await source().collect(HOME);

    // Assess
    expect(evidence.csv).toBe(accountReportCsv(HOME));
    expect(evidence.facts).toStrictEqual({ virtualMfaDevices: [], ...facts });
  });

  it("asks the features once per run, and again in a warm function's next run", async () => {
    // Prepare
    let clock = Date.UTC(2026, 11, 7, 6);
    const features = (organizationFeatures: string[]) =>
      endpoint.iam.accounts.set(HOME, {
        credentialReport: accountReportCsv(HOME),
        virtualMfaDevices: [],
        organizationFeatures,
      });
    features(['RootCredentialsManagement']);
    const warm = source(() => clock);

    // Act
    const first = await warm.collect(HOME);
    features(['RootCredentialsManagement', 'RootSessions']);
    const sameRun = await warm.collect(HOME);
    clock += 24 * 3_600_000;
    const nextRun = await warm.collect(HOME);

    // Assess
    expect([first, sameRun, nextRun].map((evidence) => evidence.facts.organizationFeatures)).toStrictEqual([
      ['RootCredentialsManagement'],
      ['RootCredentialsManagement'],
      ['RootCredentialsManagement', 'RootSessions'],
    ]);
    expect(asked()).toHaveLength(2);
  });

  it('does not keep a failed ask: the next account asks again', async () => {
    // Prepare
    endpoint.iam.accounts.set(HOME, {
      credentialReport: accountReportCsv(HOME),
      virtualMfaDevices: [],
      organizationFeatures: ['RootSessions'],
    });
    endpoint.queueFaults(
      'ListOrganizationsFeatures',
      ...Array<'server-error'>(FAST_RETRY.attempts).fill('server-error'),
    );
    const warm = source();

    // Act
    const failed = warm.collect(HOME);
    await expect(failed).rejects.toMatchObject({ name: 'InternalFailure' });
    const retried = await warm.collect(HOME);

    // Assess
    expect(retried.facts.organizationFeatures).toStrictEqual(['RootSessions']);
    expect(asked().map((request) => request.status)).toStrictEqual([
      ...Array(FAST_RETRY.attempts).fill(500),
      200,
    ]);
  });
});
