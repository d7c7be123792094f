import * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { DELIVERED_PATTERN } from '../detection/rule-pattern.ts';

/**
 * Lets the rule see read-only management events too (`Get*`, `List*`, `Describe*`): a plain
 * `ENABLED` rule never receives them, so a root key probed with read-only calls would stay invisible.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html
 */
const RULE_STATE = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

interface RootActivityRuleProps {
  /**
   * The bus whose events the rule matches.
   * @default - the account's default bus, where CloudTrail delivers
   */
  readonly eventBus?: events.IEventBus;
  /** What this rule is for, shown in the console. */
  readonly description: string;
}

/**
 * An EventBridge rule with the pattern of `detection/` (root activity and the forwarders' liveness
 * events; shared with the local replay and its matcher) and the state that includes read-only management events. The detector's rules
 * and the forwarder's rule are all this rule, so the pattern is defined once.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-rule.html#cfn-events-rule-state
 */
class RootActivityRule extends events.Rule {
  constructor(scope: Construct, id: string, props: RootActivityRuleProps) {
    super(scope, id, {
      ...props,
      // The L2 validates that a pattern exists; its typed EventPattern has no `$or`, so it gets a
      // copy here and the L1 property below is pinned to the shared object itself.
      eventPattern: structuredClone(DELIVERED_PATTERN) as unknown as events.EventPattern,
    });
    const rule = this.node.defaultChild as events.CfnRule;
    rule.eventPattern = DELIVERED_PATTERN;
    rule.state = RULE_STATE;
  }
}

export { RootActivityRule, RULE_STATE };
export type { RootActivityRuleProps };
