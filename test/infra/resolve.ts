import type { Template } from 'aws-cdk-lib/assertions';
import { SECURITY_ACCOUNT } from './synth.ts';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

const REGION = 'us-east-1';

/**
 * The name or ARN a resource of the template would get from CloudFormation, made up but shaped
 * like the real one, from its logical id: what `Ref` and `Fn::GetAtt … Arn` resolve to.
 */
const physical = (resources: Resources, id: string, attribute?: string): string => {
  const resource = resources[id];
  if (!resource) throw new Error(`no resource ${id}`);
  const props = resource.Properties ?? {};
  const named = (key: string) =>
    typeof props[key] === 'string' ? (props[key] as string) : `Rootwatch-${id}`;
  switch (resource.Type) {
    case 'AWS::Lambda::Function':
      return attribute === 'Arn'
        ? `arn:aws:lambda:${REGION}:${SECURITY_ACCOUNT}:function:${named('FunctionName')}`
        : named('FunctionName');
    case 'AWS::Events::Rule': {
      const name = named('Name');
      if (attribute !== 'Arn') return name;
      const bus = props.EventBusName === undefined ? '' : `${resolveValue(resources, props.EventBusName)}/`;
      return `arn:aws:events:${REGION}:${SECURITY_ACCOUNT}:rule/${bus}${name}`;
    }
    case 'AWS::Events::EventBus':
      return attribute === 'Arn'
        ? `arn:aws:events:${REGION}:${SECURITY_ACCOUNT}:event-bus/${named('Name')}`
        : named('Name');
    case 'AWS::SNS::Topic':
      return `arn:aws:sns:${REGION}:${SECURITY_ACCOUNT}:Rootwatch-${id}`;
    case 'AWS::KMS::Key':
      return attribute === 'Arn' ? `arn:aws:kms:${REGION}:${SECURITY_ACCOUNT}:key/key-${id}` : `key-${id}`;
    case 'AWS::Logs::LogGroup':
      return named('LogGroupName');
    case 'AWS::Scheduler::Schedule':
      return named('Name');
    default:
      return attribute ? `arn:aws:made-up:${REGION}:${SECURITY_ACCOUNT}:${id}` : id;
  }
};

const PSEUDO: Record<string, string> = {
  'AWS::AccountId': SECURITY_ACCOUNT,
  'AWS::Region': REGION,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'Rootwatch',
};

/** A template value with its intrinsic functions evaluated as CloudFormation would, names made up. */
const resolveValue = (resources: Resources, value: unknown): unknown => {
  if (Array.isArray(value)) return value.map((item) => resolveValue(resources, item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [[fn, args] = ['', undefined]] = entries;
  if (entries.length === 1) {
    if (fn === 'Ref') return PSEUDO[args as string] ?? physical(resources, args as string);
    if (fn === 'Fn::GetAtt') return physical(resources, ...(args as [string, string]));
    if (fn === 'Fn::Join') {
      const [separator, parts] = args as [string, unknown[]];
      return (resolveValue(resources, parts) as string[]).join(separator);
    }
    if (fn === 'Fn::Split') {
      const [separator, text] = args as [string, unknown];
      return (resolveValue(resources, text) as string).split(separator);
    }
    if (fn === 'Fn::Select') {
      const [index, list] = args as [number, unknown];
      return (resolveValue(resources, list) as unknown[])[index];
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveValue(resources, item)]));
};

/** `resolveValue` for a template. */
const resolver = (template: Template) => {
  const resources = template.toJSON().Resources as Resources;
  return (value: unknown): unknown => resolveValue(resources, value);
};

/**
 * The longest a template value can become once deployed, as JSON: each token at the longest its
 * resource can make it (a generated name 64 characters, a topic ARN 290, a key id 36).
 */
const longestDeployed = (template: Template, value: unknown): number => {
  const resources = template.toJSON().Resources as Resources;
  const longest = (found: unknown): unknown => {
    if (Array.isArray(found)) return found.map(longest);
    if (typeof found !== 'object' || found === null) return found;
    const [[fn, args] = ['', undefined]] = Object.entries(found);
    if (fn === 'Ref' || fn === 'Fn::GetAtt' || fn === 'Fn::Select') {
      const id = fn === 'Ref' ? (args as string) : fn === 'Fn::GetAtt' ? (args as [string])[0] : '';
      const type = resources[id]?.Type;
      return 'x'.repeat(type === 'AWS::SNS::Topic' ? 290 : type === 'AWS::KMS::Key' ? 36 : 64);
    }
    if (fn === 'Fn::Join') return ((args as [string, unknown[]])[1] ?? []).map(longest).join('');
    return Object.fromEntries(Object.entries(found).map(([key, item]) => [key, longest(item)]));
  };
  const deployed = longest(value);
  return typeof deployed === 'string' ? deployed.length : JSON.stringify(deployed).length;
};

export { resolver, longestDeployed, REGION };
