import { Aws, CfnCondition, Fn, Validations } from 'aws-cdk-lib';
import type { CfnResource } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { encryptedQueue, rulesHere, sourceConditions } from './encryption.ts';
import { RootActivityRule } from './root-activity-rule.ts';

interface RootActivityForwarderProps {
  /** The detector's ingest bus, in the security account; any Region EventBridge can send to. */
  readonly ingestBus: events.IEventBus;
}

/**
 * Sends the root activity of one account and Region to the detector's ingest bus: a rule with the
 * shared pattern and rule state on the default bus, whose target is the ingest bus through a role
 * (required when the bus admits the sender through the organisation), with a dead-letter queue.
 * Deploy it in every account and enabled Region (StackSets), and separately in the management
 * account, which service-managed StackSets skip. The rule exists only where the ingest bus is not:
 * there the detector's own rule already reads the default bus, and forwarding would duplicate events.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html
 */
class RootActivityForwarder extends Construct {
  readonly rule: events.Rule;
  readonly role: iam.Role;
  readonly deadLetterQueue: sqs.Queue;
  /** True except in the ingest bus's own account and Region. */
  readonly forwardsFromHere: CfnCondition;

  constructor(scope: Construct, id: string, props: RootActivityForwarderProps) {
    super(scope, id);
    // One queue per account and Region: SQS-managed keys, since a KMS key in each would cost more than all the rest.
    this.deadLetterQueue = encryptedQueue(this, 'DeadLetterQueue', {});
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the forwarding rule target (DeadLetterConfig), which cdk-nag does not recognise as such.',
    });
    // Only this account's rules in this Region may pass the role (confused deputy): naming the rule
    // itself would make the role and the rule that targets through it depend on each other.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com', {
        conditions: sourceConditions(this, rulesHere(this)),
      }),
      description: 'rootwatch forwarder: puts root activity on the detector ingest bus',
    });
    this.rule = new RootActivityRule(this, 'Rule', {
      description: 'rootwatch: root activity of this account and Region to the detector ingest bus',
    });
    this.rule.addTarget(
      new targets.EventBus(props.ingestBus, { role: this.role, deadLetterQueue: this.deadLetterQueue }),
    );

    // arn:partition:events:region:account:event-bus/name
    const arn = Fn.split(':', props.ingestBus.eventBusArn);
    this.forwardsFromHere = new CfnCondition(this, 'ForwardsFromHere', {
      expression: Fn.conditionNot(
        Fn.conditionAnd(
          Fn.conditionEquals(Aws.ACCOUNT_ID, Fn.select(4, arn)),
          Fn.conditionEquals(Aws.REGION, Fn.select(3, arn)),
        ),
      ),
    });
    // The queue policy names the rule (aws:SourceArn), so it exists exactly when the rule does.
    const queuePolicy = this.deadLetterQueue.node.findChild('Policy').node.defaultChild as CfnResource;
    for (const resource of [this.rule.node.defaultChild as CfnResource, queuePolicy]) {
      resource.cfnOptions.condition = this.forwardsFromHere;
    }
  }
}

export { RootActivityForwarder };
export type { RootActivityForwarderProps };
