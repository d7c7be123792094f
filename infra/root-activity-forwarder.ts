import { Aws, CfnCondition, Fn, Validations } from 'aws-cdk-lib';
import type { CfnResource } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ProtectedResources } from '../schemas/protected-resources.ts';
import { encryptedQueue, rulesHere, sourceConditions } from './encryption.ts';
import { forwarderRuleName, mergeResources } from './protected-resources.ts';
import { RootActivityRule } from './root-activity-rule.ts';
import { TamperingRules } from './tampering-rules.ts';

interface RootActivityForwarderProps {
  /** The detector's ingest bus, in the security account; any Region EventBridge can send to. */
  readonly ingestBus: events.IEventBus;
  /**
   * Names the forwarder's rules (`<prefix>-forward-root-activity`, `<prefix>-forward-tampering…`),
   * which the detector protects by that name: the detector's `namePrefix`.
   * @default 'rootwatch'
   */
  readonly namePrefix?: string;
  /**
   * What else, in this account and Region, nobody may disable or weaken unseen: the forwarder's
   * own stack, the StackSet, the organisation trail, GuardDuty detectors, Config recorders
   * (docs/tampering-and-takeover.md). The forwarder's rules always are.
   * @default - the forwarder's rules only
   */
  readonly protectedResources?: ProtectedResources;
}

/**
 * Sends the root activity of one account and Region to the detector's ingest bus: a rule with the
 * shared pattern and rule state on the default bus, whose target is the ingest bus through a role
 * (required when the bus admits the sender through the organisation), with a dead-letter queue;
 * and, the same way, tampering with rootwatch's resources here by anyone (rules that watch each other).
 * Deploy it in every account and enabled Region (StackSets), and separately in the management
 * account, which service-managed StackSets skip. The rule exists only where the ingest bus is not:
 * there the detector's own rule already reads the default bus, and forwarding would duplicate events.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html
 */
class RootActivityForwarder extends Construct {
  readonly rule: events.Rule;
  /** The rules that forward tampering with rootwatch's resources in this account and Region. */
  readonly tamperingRules: events.Rule[];
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
    const prefix = props.namePrefix ?? 'rootwatch';
    const toIngestBus = () =>
      new targets.EventBus(props.ingestBus, { role: this.role, deadLetterQueue: this.deadLetterQueue });
    const ruleName = forwarderRuleName(prefix, 'root-activity');
    this.rule = new RootActivityRule(this, 'Rule', {
      ruleName,
      description: 'rootwatch: root activity of this account and Region to the detector ingest bus',
    });
    this.rule.addTarget(toIngestBus());
    const tampering = new TamperingRules(this, 'Tampering', {
      resources: mergeResources({ eventRules: [ruleName] }, props.protectedResources ?? {}),
      ruleName: (index) =>
        forwarderRuleName(prefix, ['tampering', 'tampering-watch'][index] ?? `tampering-${index + 1}`),
      target: toIngestBus,
      description:
        "rootwatch: tampering with rootwatch's resources here, by anyone, to the detector ingest bus",
    });
    this.tamperingRules = tampering.rules;

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
    // The queue policy names the rules (aws:SourceArn), so it exists exactly when they do.
    const queuePolicy = this.deadLetterQueue.node.findChild('Policy').node.defaultChild as CfnResource;
    const rules = [this.rule, ...this.tamperingRules].map((rule) => rule.node.defaultChild as CfnResource);
    for (const resource of [...rules, queuePolicy]) resource.cfnOptions.condition = this.forwardsFromHere;
  }
}

export { RootActivityForwarder };
export type { RootActivityForwarderProps };
