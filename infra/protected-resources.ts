import { CfnResource, Fn, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { IConstruct } from 'constructs';
import type { DeployConfig } from '../schemas/deploy-config.ts';
import type { ProtectedResources } from '../schemas/protected-resources.ts';

/**
 * The names of the forwarder's rules: fixed, so that the detector, which never sees the member
 * accounts' templates, knows them (`<prefix>-forward-*`).
 */
const forwarderRuleName = (prefix: string, name: string): string => `${prefix}-forward-${name}`;

/** rootwatch's resources the deploy settings name: the forwarder StackSet and its stacks, the trail, GuardDuty, Config. */
const settingsProtectedResources = (settings: DeployConfig, prefix = 'rootwatch'): ProtectedResources => {
  const optional = (kind: keyof ProtectedResources, values: readonly string[]) =>
    values.length ? { [kind]: [...values] } : {};
  return {
    eventRules: [forwarderRuleName(prefix, '*')],
    stacks: [
      'RootwatchForwarder',
      `StackSet-${settings.forwarderStackSetName}-*`,
      ...settings.protectedStacks,
    ],
    stackSets: [settings.forwarderStackSetName],
    ...optional('trails', settings.protectedTrails),
    ...optional('guardDutyDetectors', settings.protectedGuardDutyDetectors),
    ...optional('configRecorders', settings.protectedConfigRecorders),
  };
};

/**
 * The longest a token can become once deployed: a generated name is at most 64 characters
 * (functions, rules [EB-RULE]), a KMS key id 36, an SNS topic ARN `arn:aws:sns:<region>:<account>:`
 * and a name of up to 256 [SNS-TOPIC]. Used to keep the tampering rules' patterns within their limit.
 * @see https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
 */
const DEPLOYED_LENGTHS = { name: 64, keyId: 36, topicArn: 290 } as const;

/** Protected resources collected from constructs, with the deployed length of each token among them. */
interface CollectedResources {
  resources: ProtectedResources;
  lengths: Map<string, number>;
}

/**
 * A rule's name from its ARN (`arn:…:rule/<name>`, or `rule/<bus>/<name>` on another bus than the
 * default): what DisableRule and the other calls name it by.
 */
const ruleNameOf = (rule: events.CfnRule): string =>
  typeof rule.name === 'string' && !Token.isUnresolved(rule.name)
    ? rule.name
    : Fn.select(rule.eventBusName === undefined ? 1 : 2, Fn.split('/', rule.attrArn));

/**
 * Every rule, schedule, bus, function, key, topic and log group rootwatch deploys under `scopes`, by what the
 * tampering calls name them by, and the stacks that hold them: the protected resources of a
 * deployment (docs/tampering-and-takeover.md). Call it once everything is built: resources added
 * later are not protected.
 */
const collectProtectedResources = (scopes: readonly IConstruct[]): CollectedResources => {
  const lengths = new Map<string, number>();
  const found: Required<
    Pick<
      ProtectedResources,
      | 'eventRules'
      | 'schedules'
      | 'eventBuses'
      | 'functions'
      | 'kmsKeys'
      | 'snsTopics'
      | 'logGroups'
      | 'stacks'
    >
  > = {
    eventRules: [],
    schedules: [],
    eventBuses: [],
    functions: [],
    kmsKeys: [],
    snsTopics: [],
    logGroups: [],
    stacks: [],
  };
  const add = (kind: keyof typeof found, value: string, deployed: number) => {
    if (Token.isUnresolved(value)) lengths.set(value, deployed);
    if (!found[kind].includes(value)) found[kind].push(value);
  };
  for (const node of scopes.flatMap((scope) => scope.node.findAll())) {
    if (!CfnResource.isCfnResource(node)) continue;
    if (node instanceof events.CfnRule) add('eventRules', ruleNameOf(node), DEPLOYED_LENGTHS.name);
    else if (node instanceof scheduler.CfnSchedule)
      add('schedules', node.name ?? node.ref, DEPLOYED_LENGTHS.name);
    else if (node instanceof events.CfnEventBus) add('eventBuses', node.name, DEPLOYED_LENGTHS.name);
    else if (node instanceof lambda.CfnFunction) add('functions', node.ref, DEPLOYED_LENGTHS.name);
    else if (node instanceof kms.CfnKey) add('kmsKeys', node.ref, DEPLOYED_LENGTHS.keyId);
    else if (node instanceof sns.CfnTopic) add('snsTopics', node.ref, DEPLOYED_LENGTHS.topicArn);
    else if (node instanceof logs.CfnLogGroup)
      add('logGroups', node.logGroupName ?? node.ref, DEPLOYED_LENGTHS.name);
  }
  for (const stack of new Set(scopes.map((scope) => Stack.of(scope)))) add('stacks', stack.stackName, 128);
  const resources = Object.fromEntries(Object.entries(found).filter(([, values]) => values.length > 0));
  return { resources, lengths };
};

/** Two sets of protected resources as one: each list the union of both, in order. */
const mergeResources = (...all: ProtectedResources[]): ProtectedResources => {
  const merged: Record<string, string[]> = {};
  for (const resources of all) {
    for (const [kind, values] of Object.entries(resources) as [string, string[] | undefined][]) {
      merged[kind] = [...new Set([...(merged[kind] ?? []), ...(values ?? [])])];
    }
  }
  return merged as ProtectedResources;
};

/** The length a string will have once its tokens are replaced by what they deploy as. */
const deployedLengthOf =
  (lengths: ReadonlyMap<string, number>) =>
  (text: string): number => {
    let length = text.length;
    for (const [token, deployed] of lengths) {
      if (text.includes(token)) length += (text.split(token).length - 1) * (deployed - token.length);
    }
    return length;
  };

export {
  collectProtectedResources,
  deployedLengthOf,
  forwarderRuleName,
  mergeResources,
  settingsProtectedResources,
  DEPLOYED_LENGTHS,
};
export type { CollectedResources };
