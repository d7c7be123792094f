import { Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';
import { EVERY_OPTION, testApp } from './synth.ts';

/** Every option on, so that every resource the stacks can contain is checked. */
const everything = DeployConfigSchema.parse(EVERY_OPTION);

/** The acknowledged AwsSolutions rules, by construct path, with their reasons. */
const acknowledgements = (app: ReturnType<typeof testApp>) =>
  app.node.findAll().flatMap((node) =>
    node.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-'))
      .map(([id, reason]) => ({ path: node.node.path, id: id.replace(/^annotation::/i, ''), reason })),
  );

describe('cdk-nag: AwsSolutions', () => {
  it('finds nothing that is not acknowledged, in both stacks with every option on', () => {
    // Prepare
    const app = testApp();
    buildRootwatchApp(app, everything);

    // Act
    const report = new AwsSolutionsChecks().validateScope(app);

    // Assess
    expect(
      report.violations.map(
        (violation) =>
          `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
      ),
    ).toStrictEqual([]);
  });

  it('acknowledges only these findings, each with a written reason', () => {
    // Prepare
    const app = testApp();
    buildRootwatchApp(app, everything);

    // Act
    const found = acknowledgements(app);

    // Assess
    expect(found.map(({ path, id }) => `${path}: ${id}`)).toStrictEqual([
      'Rootwatch/Detector/DeadLetterQueue: AwsSolutions-SQS3',
      'Rootwatch/Detector/Detector/Function: AwsSolutions-L1',
      'Rootwatch/Detector/Notifier/Notifier/Function: AwsSolutions-L1',
      'Rootwatch/Detector/SecurityHubImport/Importer/Function: AwsSolutions-L1',
      'Rootwatch/PostureAudit/Role: AwsSolutions-IAM5[Resource::*]',
      'Rootwatch/PostureAudit/Function: AwsSolutions-L1',
      'Rootwatch/Completeness/Role: AwsSolutions-IAM5[Resource::arn:aws:s3:::org-trail-logs/AWSLogs/o-a1b2c3d4e5/*]',
      'Rootwatch/Completeness/Function: AwsSolutions-L1',
      'Rootwatch/Coverage/Role: AwsSolutions-IAM5[Resource::*]',
      'Rootwatch/Coverage/Function: AwsSolutions-L1',
      'RootwatchForwarder/Forwarder/DeadLetterQueue: AwsSolutions-SQS3',
      'RootwatchForwarder/PostureAudit/Role: AwsSolutions-IAM5[Resource::*]',
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(60);
  });

  it('fails the synthesis on a finding nobody acknowledged, as `cdk synth` in CI does', () => {
    // Prepare
    const app = testApp();
    const { detector } = buildRootwatchApp(app, everything);
    new kms.Key(detector, 'UnrotatedKey', { enableKeyRotation: false });

    // Assess
    expect(() => app.synth()).toThrow('The KMS Symmetric key does not have automatic key rotation enabled');
  });
});
