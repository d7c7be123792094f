import { Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeployConfig } from '../schemas/deploy-config.ts';
import { RootwatchForwarderStack } from './rootwatch-forwarder-stack.ts';
import { RootwatchStack } from './rootwatch-stack.ts';
import type { RootwatchStackProps } from './rootwatch-stack.ts';

/** The ingest bus forwarders send to: as configured, else the default name in the security account. */
const ingestBusArnOf = (settings: DeployConfig): string | undefined =>
  settings.ingestBusArn ??
  (settings.account && `arn:aws:events:${settings.region}:${settings.account}:event-bus/rootwatch-ingest`);

interface RootwatchAppOptions {
  /**
   * The account to deploy `Rootwatch` to when the settings name none.
   * @default - environment-agnostic in account: the CLI's credentials decide
   */
  readonly defaultAccount?: string;
  /**
   * The function code.
   * @default - the code shipped in `dist/lambda/root-activity/`
   */
  readonly code?: RootwatchStackProps['code'];
}

/**
 * The two stacks of `npx cdk deploy`, and cdk-nag's AwsSolutions checks, which fail the synthesis on
 * any finding that is not acknowledged with a reason.
 * @see https://github.com/cdklabs/cdk-nag#readme
 */
const buildRootwatchApp = (app: App, settings: DeployConfig, options: RootwatchAppOptions = {}) => {
  const account = settings.account ?? options.defaultAccount;
  const detector = new RootwatchStack(app, 'Rootwatch', {
    settings,
    env: { region: settings.region, ...(account && { account }) },
    ...(options.code && { code: options.code }),
  });
  const ingestBusArn = ingestBusArnOf(settings);
  const forwarder = new RootwatchForwarderStack(app, 'RootwatchForwarder', {
    ...(ingestBusArn && { ingestBusArn }),
    ...(settings.postureAuditRoleArn && { postureAuditRoleArn: settings.postureAuditRoleArn }),
    livenessMinutes: settings.livenessMinutes,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { detector, forwarder };
};

export { buildRootwatchApp, ingestBusArnOf };
export type { RootwatchAppOptions };
