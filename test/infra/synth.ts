import { App, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import type { RootActivityDetectorProps } from '../../infra/root-activity-detector-props.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';

/** The security account and the organisation's management account of the tests (documentation ids). */
const SECURITY_ACCOUNT = '111122223333';
const MANAGEMENT_ACCOUNT = '999988887777';
const INGEST_BUS_ARN = `arn:aws:events:us-east-1:${SECURITY_ACCOUNT}:event-bus/rootwatch-ingest`;

/**
 * An app with the feature flags of cdk.json, so that tests synthesize what `cdk synth` does. Without
 * CDK's built-in CloudFormation validation, which loads resource schemas for seconds in each test
 * worker: `npx cdk synth` in CI runs it on the real app, and cdk.json makes its findings errors.
 */
const testApp = (context: Record<string, unknown> = {}): App =>
  new App({ context: { ...cdkJson.context, ...context }, builtinCloudFormationValidation: false });

/**
 * Tests of everything but the alert-destination guard build detectors that may alert no one: the
 * opt-out adds or removes no resource, only the synthesis check (alert-destinations.test.ts tests it).
 */
const RECORD_ONLY = { allowNoAlertDestination: true } as const;

/** Deploy settings from `input`, opted out of the destination check as above. */
const testSettings = (input: Record<string, unknown> = {}) =>
  DeployConfigSchema.parse({ ...RECORD_ONLY, ...input });

/** Every deploy option on, so that every resource the stacks can contain is built. */
const EVERY_OPTION = {
  account: SECURITY_ACCOUNT,
  organizationId: 'o-a1b2c3d4e5',
  alertEmails: ['soc@example.com'],
  operationsEmails: ['ops@example.com'],
  siemQueue: true,
  securityHubImport: true,
  siemEndpoint: 'https://splunk.example.com:8088/services/collector/event',
  siemSecretName: 'splunk-hec',
  cisTrailLogGroup: 'aws-cloudtrail-logs-organisation',
  trailBucketName: 'org-trail-logs',
  trailKmsKeyArn: 'arn:aws:kms:us-east-1:999988887777:key/1234abcd-12ab-34cd-56ef-1234567890ab',
} as const;

/**
 * A stack in the security account, us-east-1, holding one detector built with `props` (or with the
 * props a function of the stack returns, to give it constructs of that stack), opted out of the
 * destination check unless `props` say otherwise.
 */
const synthDetector = (
  props: RootActivityDetectorProps | ((stack: Stack) => RootActivityDetectorProps) = {},
  stackProps: StackProps = {},
) => {
  const app = testApp();
  const stack = new Stack(app, 'Security', {
    env: { account: SECURITY_ACCOUNT, region: 'us-east-1' },
    ...stackProps,
  });
  const detector = new RootActivityDetector(stack, 'Detector', {
    ...RECORD_ONLY,
    ...(typeof props === 'function' ? props(stack) : props),
  });
  return { app, stack, detector, template: Template.fromStack(stack) };
};

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/**
 * What a reference in the template points at, readably: `{"Fn::GetAtt": ["LogGroupX", "Arn"]}`
 * becomes `AWS::Logs::LogGroup /rootwatch/records`. Assertions then say which resource, without
 * hashed logical ids.
 */
const describeRef = (template: Template, value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  const reference = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = reference.Ref ?? reference['Fn::GetAtt']?.[0];
  const resources = template.toJSON().Resources as Resources;
  const resource = id === undefined ? undefined : resources[id];
  if (!resource) return value;
  const props = resource.Properties ?? {};
  const name = props.LogGroupName ?? props.Name ?? props.QueueName ?? props.Description ?? '';
  return `${resource.Type}${name ? ` ${String(name)}` : ''}`;
};

/** The one resource of a type whose properties contain `properties`, with its logical id. */
const onlyResource = (template: Template, type: string, properties: object = {}) => {
  const found = Object.entries(template.findResources(type, { Properties: properties }));
  if (found.length !== 1)
    throw new Error(`expected one ${type} like ${JSON.stringify(properties)}, found ${found.length}`);
  const [id, resource] = found[0]!;
  return { id, ...(resource as { Properties: Record<string, unknown> }) };
};

type PolicyStatementJson = { Sid: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/**
 * The statements of a role's default policy (the policy whose name starts with `policyNamePrefix`,
 * e.g. `CompletenessRole`) by Sid, readably: actions as a list, resources through `describeRef`, and
 * the condition when there is one.
 */
const statementsBySid = (template: Template, policyNamePrefix: string) => {
  const [policy] = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp(`^${policyNamePrefix}`) },
    }),
  );
  const statements = (policy?.Properties as { PolicyDocument: { Statement: PolicyStatementJson[] } })
    .PolicyDocument.Statement;
  return Object.fromEntries(
    statements.map((statement) => [
      statement.Sid,
      {
        actions: [statement.Action].flat(),
        resources: [statement.Resource].flat().map((resource) => describeRef(template, resource)),
        ...(statement.Condition ? { condition: statement.Condition } : {}),
      },
    ]),
  );
};

export {
  describeRef,
  EVERY_OPTION,
  INGEST_BUS_ARN,
  MANAGEMENT_ACCOUNT,
  onlyResource,
  RECORD_ONLY,
  SECURITY_ACCOUNT,
  statementsBySid,
  synthDetector,
  testApp,
  testSettings,
};
