import { Stack } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { IConstruct } from 'constructs';

/** What reaches the SOC from a detector: its alert topic and bus, and the routes set in its props. */
interface AlertOutlets {
  /** The construct that owns the routes rootwatch makes itself (its rules are not the user's). */
  readonly owner: IConstruct;
  readonly alertTopic: sns.ITopic;
  readonly alertBus: events.IEventBus;
  /** Routes given in the props: `alertEmails`, `siemQueue`, `siemApiDestination`, `securityHubImport`. */
  readonly configured: readonly string[];
}

const same = (stack: Stack, a: unknown, b: unknown): boolean =>
  JSON.stringify(stack.resolve(a)) === JSON.stringify(stack.resolve(b));

const within = (child: IConstruct, owner: IConstruct): boolean =>
  child.node.path === owner.node.path || child.node.path.startsWith(`${owner.node.path}/`);

/**
 * The destinations added to the app after the detector was built: any subscription to the alert
 * topic (email, HTTPS, Lambda, SQS), an AWS Chatbot Slack or Teams channel fed by it, and any rule on
 * the alert bus that rootwatch did not make. Read at synthesis, when the whole app exists.
 */
const addedDestinations = (outlets: AlertOutlets): string[] => {
  const stack = Stack.of(outlets.owner);
  const found: string[] = [];
  for (const child of outlets.owner.node.root.node.findAll()) {
    if (child instanceof sns.CfnSubscription && same(stack, child.topicArn, outlets.alertTopic.topicArn))
      found.push(`alert topic subscription ${child.node.path}`);
    else if (
      (child instanceof chatbot.CfnSlackChannelConfiguration ||
        child instanceof chatbot.CfnMicrosoftTeamsChannelConfiguration) &&
      (stack.resolve(child.snsTopicArns) as unknown[] | undefined)?.some((arn) =>
        same(stack, arn, outlets.alertTopic.topicArn),
      )
    )
      found.push(`chat channel ${child.node.path}`);
    else if (
      child instanceof events.CfnRule &&
      !within(child, outlets.owner) &&
      same(stack, child.eventBusName, outlets.alertBus.eventBusName)
    )
      found.push(`alert bus rule ${child.node.path}`);
  }
  return found;
};

/** The settings or props that route alerts, named for the error message. */
interface DestinationNames {
  readonly routes: string;
  readonly optOut: string;
}

/**
 * Why the detector's alerts reach nobody, or undefined when at least one destination exists: the
 * routes configured, or a subscription, chat channel or alert-bus rule added anywhere in the app.
 */
const noDestinationError = (outlets: AlertOutlets, names: DestinationNames): string | undefined => {
  if (outlets.configured.length > 0 || addedDestinations(outlets).length > 0) return undefined;
  return (
    `the detector's alerts reach nobody: no alert destination is set. Set one of ${names.routes}, ` +
    `or subscribe the alert topic (an email, a chat channel) or add a rule on the alert bus in this app; ` +
    `or set ${names.optOut} to deploy a detector that only records (docs/deploy-and-settings.md)`
  );
};

export { noDestinationError, addedDestinations };
export type { AlertOutlets, DestinationNames };
