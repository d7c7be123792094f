import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import {
  MAX_PATTERN_LENGTH,
  tamperingPattern,
  tamperingRulePatterns,
} from '../detection/tampering-pattern.ts';
import type { ProtectedResources } from '../schemas/protected-resources.ts';
import { deployedLengthOf } from './protected-resources.ts';

interface TamperingRulesProps {
  /** What nobody may disable or weaken unseen: names, ARNs or ids, CDK tokens included. */
  readonly resources: ProtectedResources;
  /** The length each token among them will have once deployed (collectProtectedResources). */
  readonly lengths?: ReadonlyMap<string, number>;
  /** Names the rules, the first at 0: the detector knows them by these names. */
  readonly ruleName: (index: number) => string;
  /**
   * The bus whose events the rules match.
   * @default - the account's default bus, where CloudTrail delivers
   */
  readonly eventBus?: events.IEventBus;
  /** A new target for each rule: the detector function, or the ingest bus. */
  readonly target: () => events.IRuleTarget;
  readonly description: string;
  /**
   * Rules that watch each other (a rule cannot see its own DisableRule). Off for a bus where those
   * calls never arrive, such as the ingest bus (they are recorded on the default bus): one rule.
   * @default true
   */
  readonly watch?: boolean;
}

const onePattern = (props: TamperingRulesProps) => {
  const pattern = tamperingPattern(props.resources);
  if (!pattern) throw new Error('TamperingRules: nothing to protect');
  const length = deployedLengthOf(props.lengths ?? new Map())(JSON.stringify(pattern));
  if (length > MAX_PATTERN_LENGTH)
    throw new Error(`TamperingRules: the pattern would be ${length} characters, over ${MAX_PATTERN_LENGTH}`);
  return [{ name: props.ruleName(0), pattern }];
};

/**
 * The rules that deliver tampering with rootwatch's own resources, by anyone, from one bus: as many
 * as EventBridge's pattern limit needs, each watched by another, with patterns from
 * `detection/tampering/` (shared with the local replay and the classifier). Write events only, so
 * plain `ENABLED` rules: CloudTrail sends them to every enabled rule [EB-RO].
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html
 */
class TamperingRules extends Construct {
  readonly rules: events.Rule[];
  /** The rules' names, as the tampering calls name them. */
  readonly names: string[];

  constructor(scope: Construct, id: string, props: TamperingRulesProps) {
    super(scope, id);
    const plans =
      (props.watch ?? true)
        ? tamperingRulePatterns(props.resources, props.ruleName, {
            lengthOf: deployedLengthOf(props.lengths ?? new Map()),
          })
        : onePattern(props);
    this.names = plans.map((plan) => plan.name);
    this.rules = plans.map(({ name, pattern }, index) => {
      const rule = new events.Rule(this, `Rule${index + 1}`, {
        ruleName: name,
        description: props.description,
        ...(props.eventBus && { eventBus: props.eventBus }),
        // The L2 checks that a pattern exists; its typed EventPattern has no `$or`, so the L1
        // property is set to the shared data itself.
        eventPattern: structuredClone(pattern) as unknown as events.EventPattern,
        targets: [props.target()],
      });
      (rule.node.defaultChild as events.CfnRule).eventPattern = pattern;
      return rule;
    });
  }
}

export { TamperingRules };
export type { TamperingRulesProps };
