import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DELIVERED_PATTERN } from '../../detection/rule-pattern.ts';
import { RULE_STATE } from '../../infra/root-activity-rule.ts';
import { RootwatchForwarderStack } from '../../infra/rootwatch-forwarder-stack.ts';
import { INGEST_BUS_ARN, MANAGEMENT_ACCOUNT, SECURITY_ACCOUNT, testApp } from './synth.ts';

/**
 * Evaluates the intrinsic functions a forwarder's condition uses, as CloudFormation would in the
 * given account and Region with the given parameters.
 */
const evaluate = (value: unknown, scope: Record<string, string>): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  const [[fn, args]] = Object.entries(value) as [[string, unknown]];
  const list = (): unknown[] => evaluate(args, scope) as unknown[];
  switch (fn) {
    case 'Ref':
      return scope[args as string];
    case 'Fn::Not':
      return !list()[0];
    case 'Fn::And':
      return list().every(Boolean);
    case 'Fn::Equals':
      return list()[0] === list()[1];
    case 'Fn::Select':
      return (list()[1] as unknown[])[list()[0] as number];
    case 'Fn::Split':
      return (list()[1] as string).split(list()[0] as string);
    default:
      throw new Error(`intrinsic ${fn} is not evaluated here`);
  }
};

const synthForwarder = () =>
  Template.fromStack(
    new RootwatchForwarderStack(testApp(), 'RootwatchForwarder', { ingestBusArn: INGEST_BUS_ARN }),
  );

describe('Stack: RootwatchForwarder', () => {
  const template = synthForwarder();

  it('forwards root activity from the default bus with the shared pattern and rule state', () => {
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.absent(),
      EventPattern: DELIVERED_PATTERN,
      State: RULE_STATE,
    });
  });

  it('puts events on the ingest bus, from the parameter, through a role allowed only that', () => {
    // Prepare
    const target = new Capture();
    template.hasResourceProperties('AWS::Events::Rule', { Targets: [target] });
    const { Arn, RoleArn, DeadLetterConfig } = target.asObject() as Record<
      string,
      { 'Fn::GetAtt': [string] }
    >;
    const role = RoleArn!['Fn::GetAtt'][0];

    // Assess
    expect(Arn).toStrictEqual({ Ref: 'IngestBusArn' });
    template.hasParameter('IngestBusArn', { Type: 'String', Default: INGEST_BUS_ARN });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'events.amazonaws.com' },
            // Only this account's rules in this Region may pass the role (confused deputy).
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':events:',
                      { Ref: 'AWS::Region' },
                      ':',
                      { Ref: 'AWS::AccountId' },
                      ':rule/*',
                    ],
                  ],
                },
              },
            },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: role }],
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: { Ref: 'IngestBusArn' } }],
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    expect(DeadLetterConfig).toBeDefined();
  });

  it('can be deployed by StackSets into accounts never bootstrapped: no assets, no bootstrap check', () => {
    // Prepare
    const json = template.toJSON() as {
      Parameters: object;
      Rules?: object;
      Resources: Record<string, { Type: string }>;
    };

    // Assess
    expect(Object.keys(json.Parameters)).toStrictEqual([
      'IngestBusArn',
      'PostureAuditRoleArn',
      'PostureAuditRoleRegion',
      'LivenessMinutes',
      'AlarmTopicArn',
    ]);
    expect(json.Rules).toBeUndefined();
    expect(
      Object.values(json.Resources)
        .map(({ Type }) => Type)
        .sort(),
    ).toStrictEqual([
      'AWS::CloudWatch::Alarm',
      'AWS::Events::Rule',
      'AWS::IAM::Policy',
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::IAM::Role',
      'AWS::IAM::Role',
      'AWS::SQS::Queue',
      'AWS::SQS::QueuePolicy',
      'AWS::Scheduler::Schedule',
    ]);
  });

  it('needs the ingest bus as a parameter when the security account is not configured', () => {
    // Act
    const unconfigured = Template.fromStack(new RootwatchForwarderStack(testApp(), 'RootwatchForwarder'));

    // Assess
    unconfigured.hasParameter('IngestBusArn', { Type: 'String', Default: Match.absent() });
  });

  describe('where it forwards', () => {
    const conditions = template.toJSON().Conditions as Record<string, unknown>;
    const [conditionName, condition] = Object.entries(conditions).find(([name]) =>
      name.startsWith('ForwarderForwardsFromHere'),
    )!;
    const forwards = (account: string, region: string) =>
      evaluate(condition, { 'AWS::AccountId': account, 'AWS::Region': region, IngestBusArn: INGEST_BUS_ARN });

    it.each([
      {
        where: 'a member account in us-east-1',
        account: '444455556666',
        region: 'us-east-1',
        expected: true,
      },
      {
        where: 'a member account in another Region',
        account: '444455556666',
        region: 'eu-west-1',
        expected: true,
      },
      { where: 'the management account', account: MANAGEMENT_ACCOUNT, region: 'us-east-1', expected: true },
      {
        where: 'the security account in another Region',
        account: SECURITY_ACCOUNT,
        region: 'ap-southeast-2',
        expected: true,
      },
      {
        where: "the ingest bus's own account and Region, whose default bus the detector already reads",
        account: SECURITY_ACCOUNT,
        region: 'us-east-1',
        expected: false,
      },
    ])('$where: $expected', ({ account, region, expected }) => {
      expect(forwards(account, region)).toBe(expected);
    });

    it('creates the rule, and the queue policy that names it, only where it forwards', () => {
      template.resourcePropertiesCountIs('AWS::Events::Rule', {}, 1);
      template.hasResource('AWS::Events::Rule', { Condition: conditionName });
      template.hasResource('AWS::SQS::QueuePolicy', { Condition: conditionName });
    });
  });

  it('deploys to the management account, which service-managed StackSets skip, and targets the security account', () => {
    // Prepare
    const stack = new RootwatchForwarderStack(testApp(), 'RootwatchForwarder', {
      ingestBusArn: INGEST_BUS_ARN,
      env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
    });

    // Act
    const management = Template.fromStack(stack);

    // Assess
    expect(stack.account).toBe(MANAGEMENT_ACCOUNT);
    management.hasParameter('IngestBusArn', {
      Default: `arn:aws:events:us-east-1:${SECURITY_ACCOUNT}:event-bus/rootwatch-ingest`,
    });
    management.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: DELIVERED_PATTERN,
      Targets: [Match.objectLike({ Arn: { Ref: 'IngestBusArn' }, RoleArn: Match.anyValue() })],
    });
    const condition = Object.values(management.toJSON().Conditions as object)[0] as unknown;
    expect(
      evaluate(condition, {
        'AWS::AccountId': MANAGEMENT_ACCOUNT,
        'AWS::Region': 'us-east-1',
        IngestBusArn: INGEST_BUS_ARN,
      }),
    ).toBe(true);
  });
});
