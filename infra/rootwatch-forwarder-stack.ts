import { CfnParameter, CliCredentialsStackSynthesizer, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { RootActivityForwarder } from './root-activity-forwarder.ts';

interface RootwatchForwarderStackProps extends StackProps {
  /**
   * The detector's ingest bus, as the default of the `IngestBusArn` parameter.
   * @default - none: give the parameter when deploying (StackSets: `--parameters`)
   */
  readonly ingestBusArn?: string;
}

/**
 * `RootwatchForwarder`: one template for every account and Region, usable from CloudFormation
 * StackSets as it is. No assets and no bootstrap resources (a service-managed StackSet reaches
 * accounts that were never bootstrapped), no CDK metadata resource, and the ingest bus as a parameter.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html
 */
class RootwatchForwarderStack extends Stack {
  readonly forwarder: RootActivityForwarder;
  readonly ingestBusArn: CfnParameter;

  constructor(scope: Construct, id: string, props: RootwatchForwarderStackProps = {}) {
    const { ingestBusArn, ...stackProps } = props;
    super(scope, id, {
      description: 'rootwatch forwarder: sends root activity of this account and Region to the detector',
      synthesizer: new CliCredentialsStackSynthesizer(),
      analyticsReporting: false,
      ...stackProps,
    });
    this.ingestBusArn = new CfnParameter(this, 'IngestBusArn', {
      type: 'String',
      description:
        'ARN of the rootwatch ingest bus in the security account (Rootwatch stack output IngestBusArn)',
      allowedPattern: '^arn:aws[\\w-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[\\w.\\-/]+$',
      ...(ingestBusArn && { default: ingestBusArn }),
    });
    this.forwarder = new RootActivityForwarder(this, 'Forwarder', {
      ingestBus: events.EventBus.fromEventBusArn(this, 'IngestBus', this.ingestBusArn.valueAsString),
    });
  }
}

export { RootwatchForwarderStack };
export type { RootwatchForwarderStackProps };
