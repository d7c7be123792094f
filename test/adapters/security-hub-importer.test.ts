import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAsffFinding } from '../../findings/formats/asff.ts';
import { SecurityHubImporter } from '../../adapters/security-hub-importer.ts';
import { LocalAwsEndpoint } from '../aws-endpoint/local-aws-endpoint.ts';
import { FAST_RETRY, localClients } from '../helpers/aws-clients.ts';
import { onlyFinding } from '../helpers/sample-findings.ts';

let endpoint: LocalAwsEndpoint;
beforeAll(async () => {
  endpoint = await LocalAwsEndpoint.start();
});
afterAll(() => endpoint.stop());

describe('Sink: SecurityHubImporter', () => {
  it('imports in batches of at most 100 findings, retrying a lost answer', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');
    const findings = Array.from({ length: 150 }, (_, index) =>
      toAsffFinding(
        { ...finding, eventId: `event-${index}` },
        { productAccount: '111122223333', productRegion: 'us-east-1' },
      ),
    );
    const importer = new SecurityHubImporter({
      client: localClients(endpoint.url).securityHub,
      retry: FAST_RETRY,
    });
    endpoint.queueFaults('BatchImportFindings', 'lost-answer');

    // Act
    const imported = await importer.import(findings);

    // Assess
    expect(imported).toBe(150);
    expect(endpoint.securityHub.requests).toStrictEqual([100, 100, 50]);
    expect(endpoint.securityHub.findings.size).toBe(150);
  });
});
