import { CfnParameter, CliCredentialsStackSynthesizer, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { ForwarderDeadLetterAlarm } from './forwarder-dead-letter-alarm.ts';
import { ForwarderLiveness } from './forwarder-liveness.ts';
import { PostureAuditRole } from './posture-audit-role.ts';
import { RootActivityForwarder } from './root-activity-forwarder.ts';

interface RootwatchForwarderStackProps extends StackProps {
  /**
   * The detector's ingest bus, as the default of the `IngestBusArn` parameter.
   * @default - none: give the parameter when deploying (StackSets: `--parameters`)
   */
  readonly ingestBusArn?: string;
  /**
   * The posture audit's role in the security account, as the default of the `PostureAuditRoleArn`
   * parameter: this account then gets the read-only `RootwatchPostureAudit` role it assumes.
   * @default - none: no audit role
   */
  readonly postureAuditRoleArn?: string;
  /**
   * Minutes between liveness events, as the default of the `LivenessMinutes` parameter; the
   * detector's coverage check reports a place silent after `coverageSilentMinutes` (docs/coverage.md).
   * @default 60
   */
  readonly livenessMinutes?: number;
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
  readonly postureAudit: PostureAuditRole;
  readonly liveness: ForwarderLiveness;
  readonly deadLetterAlarm: ForwarderDeadLetterAlarm;

  constructor(scope: Construct, id: string, props: RootwatchForwarderStackProps = {}) {
    const { ingestBusArn, postureAuditRoleArn, livenessMinutes, ...stackProps } = props;
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
    const auditRoleArn = new CfnParameter(this, 'PostureAuditRoleArn', {
      type: 'String',
      description:
        'The rootwatch posture audit role (Rootwatch output PostureAuditRoleArn); empty: no audit role here',
      allowedPattern: '^$|^arn:aws[\\w-]*:iam::\\d{12}:role/[\\w+=,.@\\-/]+$',
      default: postureAuditRoleArn ?? '',
    });
    const auditRoleRegion = new CfnParameter(this, 'PostureAuditRoleRegion', {
      type: 'String',
      description: 'The one Region where the (global) audit role is made',
      default: 'us-east-1',
    });
    this.postureAudit = new PostureAuditRole(this, 'PostureAudit', {
      trustedRoleArn: auditRoleArn.valueAsString,
      region: auditRoleRegion.valueAsString,
    });
    const minutes = new CfnParameter(this, 'LivenessMinutes', {
      type: 'Number',
      description:
        'Minutes between the liveness events that prove this forwarder forwards (keep it below the coverage check silence period)',
      minValue: 5,
      maxValue: 1440,
      default: livenessMinutes ?? 60,
    });
    this.liveness = new ForwarderLiveness(this, 'Liveness', {
      intervalMinutes: minutes.valueAsString,
      deadLetterQueue: this.forwarder.deadLetterQueue,
    });
    const alarmTopicArn = new CfnParameter(this, 'AlarmTopicArn', {
      type: 'String',
      description:
        'An SNS topic in this Region notified when the forwarder keeps undelivered events; empty: the alarm alone (the detector still reports the place silent)',
      allowedPattern: '^$|^arn:aws[\\w-]*:sns:[a-z0-9-]+:\\d{12}:[\\w-]{1,256}$',
      default: '',
    });
    this.deadLetterAlarm = new ForwarderDeadLetterAlarm(this, 'DeadLetters', {
      deadLetterQueue: this.forwarder.deadLetterQueue,
      topicArn: alarmTopicArn.valueAsString,
    });
  }
}

export { RootwatchForwarderStack };
export type { RootwatchForwarderStackProps };
