import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { RootwatchForwarderStack } from '../../infra/rootwatch-forwarder-stack.ts';
import { PostureConfigSchema } from '../../schemas/posture-config.ts';
import { INGEST_BUS_ARN, SECURITY_ACCOUNT, statementsBySid, testApp, testSettings } from './synth.ts';

const MEMBERS = ['444455556666', '777788889999'];
const AUDIT_ROLE_ARN = `arn:aws:iam::${SECURITY_ACCOUNT}:role/rootwatch-posture-audit`;

const synth = (settings: Record<string, unknown> = {}) => {
  const { detector } = buildRootwatchApp(testApp(), testSettings({ account: SECURITY_ACCOUNT, ...settings }));
  return Template.fromStack(detector);
};
const auditStatements = (template: Template) => statementsBySid(template, 'PostureAuditRole');

describe('Construct: RootPostureAudit', () => {
  it('runs the audit bundle on a daily EventBridge Scheduler schedule, with a retry policy and dead letters', () => {
    // Prepare
    const template = synth();

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('posture audit'),
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(24 hours)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: Match.objectLike({
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('gives the function an environment its configuration schema accepts', () => {
    // Prepare
    const template = synth({ postureAuditAccounts: MEMBERS.join(','), postureAuditAssumeRoot: true });
    const [fn] = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('posture audit') },
      }),
    );
    const variables = (fn?.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment
      .Variables;
    const asText = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : 'resolved-at-deploy',
      ]),
    );

    // Assess
    expect(PostureConfigSchema.parse(asText)).toMatchObject({
      ROOTWATCH_AUDIT_ACCOUNTS: MEMBERS,
      ROOTWATCH_AUDIT_ASSUME_ROOT: 'true',
    });
  });

  it('keeps check status in an on-demand table encrypted with the detector key, with point-in-time recovery', () => {
    synth().hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('grants exactly what the audit needs, naming every resource it can', () => {
    // Act
    const statements = auditStatements(
      synth({ postureAuditAccounts: MEMBERS.join(','), postureAuditAssumeRoot: true }),
    );

    // Assess
    expect(statements).toMatchObject({
      PutAlerts: { actions: ['events:PutEvents'] },
      KeepCheckStatus: {
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: ['AWS::DynamoDB::Table'],
      },
      ReadCredentialReports: {
        actions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
        resources: ['*'],
      },
      AssumeTheAuditRoleOfMemberAccounts: {
        actions: ['sts:AssumeRole'],
        resources: MEMBERS.map((account) => `arn:aws:iam::${account}:role/RootwatchPostureAudit`),
      },
      AuditMemberRootCredentials: {
        actions: ['sts:AssumeRoot'],
        resources: MEMBERS.map((account) => `arn:aws:iam::${account}:root`),
      },
    });
    expect(Object.keys(statements).sort()).toStrictEqual([
      'AssumeTheAuditRoleOfMemberAccounts',
      'AuditMemberRootCredentials',
      'EncryptCheckStatusThroughDynamoDb',
      'EncryptFailedRunsThroughSqs',
      'EncryptLogsThroughCloudWatchLogs',
      'KeepCheckStatus',
      'KeepFailedRuns',
      'PutAlerts',
      'ReadCredentialReports',
      'WriteOwnLogsAndRecords',
    ]);
  });

  it('limits sts:AssumeRoot to the audit task policy', () => {
    synth({ postureAuditAccounts: MEMBERS.join(','), postureAuditAssumeRoot: true }).hasResourceProperties(
      'AWS::IAM::Policy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'AuditMemberRootCredentials',
              Condition: {
                StringEquals: {
                  'sts:TaskPolicyArn': 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials',
                },
              },
            }),
          ]),
        },
      },
    );
  });

  it('audits this account only, with no assume statements, when no member account is given', () => {
    expect(Object.keys(auditStatements(synth()))).not.toContain('AssumeTheAuditRoleOfMemberAccounts');
  });

  it('can be left out', () => {
    synth({ postureAudit: false, coverageCheck: false }).resourceCountIs('AWS::Scheduler::Schedule', 0);
  });
});

describe('Forwarder: the posture audit role', () => {
  const forwarder = () =>
    Template.fromStack(
      new RootwatchForwarderStack(testApp(), 'RootwatchForwarder', {
        ingestBusArn: INGEST_BUS_ARN,
        postureAuditRoleArn: AUDIT_ROLE_ARN,
      }),
    );

  it('trusts the audit function role only, and may read the credential report and virtual MFA devices only', () => {
    forwarder().hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'RootwatchPostureAudit',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({ Action: 'sts:AssumeRole', Principal: { AWS: { Ref: 'PostureAuditRoleArn' } } }),
        ],
      },
      Policies: [
        {
          PolicyName: 'ReadRootPosture',
          PolicyDocument: {
            Statement: [
              Match.objectLike({
                Action: [
                  'iam:GenerateCredentialReport',
                  'iam:GetCredentialReport',
                  'iam:ListVirtualMFADevices',
                ],
                Resource: '*',
              }),
            ],
          },
        },
      ],
    });
  });

  it('is made in one Region only (IAM is global) and only when a trusted role is given', () => {
    // Prepare
    const template = forwarder();
    const conditions = template.findConditions('*');
    const [name] = Object.entries(
      template.findResources('AWS::IAM::Role', { Properties: { RoleName: 'RootwatchPostureAudit' } }),
    ).map(([, role]) => (role as { Condition: string }).Condition);

    // Assess
    expect(conditions[name!]).toStrictEqual({
      'Fn::And': [
        { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'PostureAuditRoleArn' }, ''] }] },
        { 'Fn::Equals': [{ Ref: 'AWS::Region' }, { Ref: 'PostureAuditRoleRegion' }] },
      ],
    });
    template.hasParameter('PostureAuditRoleArn', { Default: AUDIT_ROLE_ARN });
  });
});
