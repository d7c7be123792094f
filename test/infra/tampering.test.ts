import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { matchesPattern } from '../../detection/event-pattern-matcher.ts';
import type { EventPattern } from '../../detection/rule-pattern.ts';
import { TAMPERING_CALLS } from '../../detection/tampering/tampering-events.ts';
import { withOwnFunction } from '../../handlers/root-activity/aws-deps.ts';
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import { buildRootwatchApp } from '../../infra/rootwatch-app.ts';
import { DetectorConfigSchema } from '../../schemas/detector-config.ts';
import type { DetectorConfig } from '../../schemas/detector-config.ts';
import { DeployConfigSchema } from '../../schemas/deploy-config.ts';
import { HANDLER_ENV } from '../../schemas/handler-config.ts';
import type { ProtectedResources } from '../../schemas/protected-resources.ts';
import { longestDeployed, resolver } from './resolve.ts';
import { EVERY_OPTION, SECURITY_ACCOUNT, testApp } from './synth.ts';

/** Every option on, the organisation trail, GuardDuty and Config protected too. */
const SETTINGS = DeployConfigSchema.parse({
  ...EVERY_OPTION,
  protectedTrails: ['organisation-trail'],
  protectedGuardDutyDetectors: ['*'],
  protectedConfigRecorders: ['default'],
});

type RuleJson = {
  Name: string;
  EventBusName?: unknown;
  EventPattern: EventPattern;
  State: string;
  Targets: unknown[];
};

const synthesized = () => {
  const app = testApp();
  const stacks = buildRootwatchApp(app, SETTINGS);
  const template = Template.fromStack(stacks.detector);
  const resolve = resolver(template);
  const rules = Object.values(
    template.findResources('AWS::Events::Rule', {
      Properties: { Name: Match.stringLikeRegexp('tampering') },
    }),
  ).map((rule) => rule.Properties as RuleJson);
  const [[id, fn]] = Object.entries(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: 'rootwatch: validates, classifies, records and alerts root activity' },
    }),
  ) as [[string, { Properties: { Environment: { Variables: Record<string, unknown> } } }]];
  const variables = fn.Properties.Environment.Variables;
  const config = DetectorConfigSchema.parse(
    JSON.parse(resolve(variables[HANDLER_ENV.detectorConfig]) as string),
  );
  const ownName = resolve({ Ref: id }) as string;
  return { app, stacks, template, resolve, rules, variables, config, ownName, detectorId: id };
};

/** One event per tampering call and protected resource, as the default bus delivers it. */
const callsOn = (resources: ProtectedResources) =>
  TAMPERING_CALLS.flatMap((calls) =>
    (resources[calls.kind] ?? []).flatMap((entry) =>
      calls.eventNames.map((eventName) => {
        const name = entry.replaceAll('*', 'x1');
        const value = calls.form === 'subscription' ? `${name}:5f0e` : name;
        return {
          what: `${calls.service}:${eventName} on ${calls.kind} ${value}`,
          event: {
            source: `aws.${calls.service}`,
            'detail-type': 'AWS API Call via CloudTrail',
            account: SECURITY_ACCOUNT,
            region: 'us-east-1',
            detail: {
              eventVersion: '1.11',
              eventTime: '2025-09-15T08:16:00Z',
              eventID: `tamper-${calls.service}-${eventName}-${value}`,
              eventSource: `${calls.service}.amazonaws.com`,
              eventName,
              awsRegion: 'us-east-1',
              recipientAccountId: SECURITY_ACCOUNT,
              userIdentity: {
                type: 'AssumedRole',
                arn: `arn:aws:sts::${SECURITY_ACCOUNT}:assumed-role/OpsAdmin/mallory`,
                accountId: SECURITY_ACCOUNT,
              },
              requestParameters: { [calls.field]: value, ...(calls.also && { enable: false }) },
            },
          },
        };
      }),
    ),
  );

describe('Tampering rules of the Rootwatch stack (every option on)', () => {
  const { template, resolve, rules, variables, config, ownName, detectorId } = synthesized();
  /** A config with every list sorted, to compare lists whatever their order. */
  const sorted = (found: DetectorConfig) => ({
    ...found,
    protectedResources: Object.fromEntries(
      Object.entries(found.protectedResources ?? {}).map(([kind, values]) => [kind, [...values].sort()]),
    ),
  });
  const protectedResources = config.protectedResources!;
  const onDefaultBus = rules.filter((rule) => rule.EventBusName === undefined);
  const onIngestBus = rules.filter((rule) => rule.EventBusName !== undefined);

  it('has rules on the default bus that watch each other, and one on the ingest bus, each invoking the detector with retries and a dead-letter queue', () => {
    // Assess
    expect(onDefaultBus.map((rule) => rule.Name).slice(0, 2)).toStrictEqual([
      'rootwatch-tampering',
      'rootwatch-tampering-watch',
    ]);
    expect(onIngestBus.map((rule) => rule.Name)).toStrictEqual(['rootwatch-ingest-tampering']);
    for (const rule of rules) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: rule.Name,
        State: 'ENABLED',
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [detectorId, 'Arn'] },
            RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
            DeadLetterConfig: { Arn: Match.anyValue() },
          }),
        ],
      });
    }
  });

  it('keeps every pattern within 4,096 characters with every name at its longest', () => {
    // Assess
    for (const rule of rules) expect(longestDeployed(template, rule.EventPattern)).toBeLessThanOrEqual(4096);
  });

  it("keeps the function's environment within Lambda's 4 KB with every name at its longest", () => {
    // Act
    const bytes = Object.entries(variables).reduce(
      (sum, [name, value]) => sum + name.length + longestDeployed(template, value),
      0,
    );

    // Assess
    expect(bytes).toBeLessThanOrEqual(4096);
  });

  it('protects every rule, schedule, bus, function, key, topic and log group of the stack, and the stack', () => {
    // Prepare
    const deployed = (type: string) =>
      Object.keys(template.findResources(type)).map((id) => resolve({ Ref: id }) as string);
    const ruleNames = deployed('AWS::Events::Rule');
    const withOwn = withOwnFunction(config, ownName).protectedResources!;

    // Assess
    expect(withOwn.functions!.sort()).toStrictEqual(deployed('AWS::Lambda::Function').sort());
    expect(withOwn.kmsKeys).toStrictEqual(deployed('AWS::KMS::Key'));
    expect(withOwn.snsTopics!.sort()).toStrictEqual(deployed('AWS::SNS::Topic').sort());
    expect(withOwn.logGroups!.sort()).toStrictEqual(deployed('AWS::Logs::LogGroup').sort());
    expect(withOwn.schedules!.sort()).toStrictEqual(deployed('AWS::Scheduler::Schedule').sort());
    expect(withOwn.eventBuses!.sort()).toStrictEqual(deployed('AWS::Events::EventBus').sort());
    expect(ruleNames.filter((name) => !withOwn.eventRules!.includes(name))).toStrictEqual([]);
    expect(withOwn.stacks).toStrictEqual([
      'Rootwatch',
      'RootwatchForwarder',
      'StackSet-rootwatch-forwarder-*',
    ]);
    expect(withOwn.trails).toStrictEqual(['organisation-trail']);
  });

  it('delivers each tampering call on each protected resource through exactly one rule of its bus, and the detector finds it critical', () => {
    // Prepare
    const resolved = onDefaultBus.map((rule) => ({
      name: rule.Name,
      pattern: resolve(rule.EventPattern) as EventPattern,
    }));
    const detector = new Detector(withOwnFunction(config, ownName));
    const calls = callsOn(withOwnFunction(config, ownName).protectedResources!);

    // Act
    const wrong = calls.flatMap(({ what, event }) => {
      const by = resolved.filter((rule) => matchesPattern(rule.pattern, event)).map((rule) => rule.name);
      const detection = detector.detect(event);
      const finding = detection.kind === 'finding' ? detection.finding : undefined;
      return by.length === 1 && finding?.activity === 'detector-tampering' && finding.severity === 'critical'
        ? []
        : [
            `${what}: delivered by ${by.join(', ') || 'no rule'}, ${finding ? `${finding.activity} ${finding.severity}` : detection.kind}`,
          ];
    });

    // Assess
    expect(calls.length).toBeGreaterThan(100);
    expect(wrong).toStrictEqual([]);
  });

  it('delivers from the ingest bus what forwarders send: calls on their rules, stacks, StackSet, trail, GuardDuty and Config', () => {
    // Prepare
    const [ingest] = onIngestBus.map((rule) => resolve(rule.EventPattern) as EventPattern);
    const forwarded = callsOn({
      eventRules: ['rootwatch-forward-tampering'],
      stacks: ['StackSet-rootwatch-forwarder-2f9e'],
      stackSets: ['rootwatch-forwarder'],
      trails: ['organisation-trail'],
      guardDutyDetectors: ['12abc34d567e8fa901bc2d34eexample'],
      configRecorders: ['default'],
    });

    // Assess
    expect(
      forwarded.filter(({ event }) => !matchesPattern(ingest!, event)).map(({ what }) => what),
    ).toStrictEqual([]);
    expect(protectedResources.eventRules).toContain('rootwatch-forward-*');
  });

  it('outputs the detector config it gives the function, with its own name, for rootwatch replay --config', () => {
    // Act
    const output = template.findOutputs('DetectorConfig');
    const deployed = DetectorConfigSchema.parse(JSON.parse(resolve(output.DetectorConfig!.Value) as string));

    // Assess
    expect(sorted(deployed)).toStrictEqual(sorted(withOwnFunction(config, ownName)));
  });
});

describe('Tampering protection of the construct alone', () => {
  it('protects the detector by default, and can be left to a later call', () => {
    // Prepare
    const bare = new Stack(testApp(), 'Bare', { env: { account: SECURITY_ACCOUNT, region: 'us-east-1' } });
    const later = new Stack(testApp(), 'Later', { env: { account: SECURITY_ACCOUNT, region: 'us-east-1' } });

    // Act
    new RootActivityDetector(bare, 'Detector', { allowNoAlertDestination: true });
    const detector = new RootActivityDetector(later, 'Detector', {
      protectFromTampering: false,
      allowNoAlertDestination: true,
    });

    // Assess
    Template.fromStack(bare).hasResourceProperties('AWS::Events::Rule', { Name: 'rootwatch-tampering' });
    expect(detector.tamperingRules).toBeUndefined();
    expect(
      Object.keys(
        Template.fromStack(later).findResources('AWS::Events::Rule', {
          Properties: { Name: 'rootwatch-tampering' },
        }),
      ),
    ).toStrictEqual([]);
  });

  it('refuses a rule that invokes the detector without a fixed name: the function could not name it', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Security', {
      env: { account: SECURITY_ACCOUNT, region: 'us-east-1' },
    });
    const detector = new RootActivityDetector(stack, 'Detector', { protectFromTampering: false });
    new events.Rule(stack, 'Unnamed', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.LambdaFunction(detector.detectorFunction)],
    });

    // Assess
    expect(() => detector.protectFromTampering([stack])).toThrow(
      'RootActivityDetector: the rule Security/Unnamed/Resource invokes the detector function: give it a fixed name',
    );
  });

  it("fails the synthesis when the protected resources would overflow the function's 4 KB environment", () => {
    // Prepare: sixty more functions, each name a 64-character token once deployed
    const stack = new Stack(testApp(), 'Crowded', {
      env: { account: SECURITY_ACCOUNT, region: 'us-east-1' },
    });
    const detector = new RootActivityDetector(stack, 'Detector', { protectFromTampering: false });
    for (let index = 0; index < 60; index += 1) {
      new lambda.Function(stack, `Extra${index}`, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => {};'),
      });
    }

    // Assess
    expect(() => detector.protectFromTampering([stack])).toThrow(
      /environment may reach \d+ bytes .* over Lambda's 4096/,
    );
  });

  it('refuses protected resources that are not names, before any resource exists', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Wrong', { env: { account: SECURITY_ACCOUNT, region: 'us-east-1' } });

    // Assess
    expect(
      () => new RootActivityDetector(stack, 'Detector', { protectedResources: { trails: ['my trail'] } }),
    ).toThrow(/^RootActivityDetector: protectedResources is invalid:\n[\s\S]*trails\[0\]/);
  });

  it('runs once', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Twice', { env: { account: SECURITY_ACCOUNT, region: 'us-east-1' } });
    const detector = new RootActivityDetector(stack, 'Detector');

    // Assess
    expect(() => detector.protectFromTampering([stack])).toThrow('protectFromTampering runs once');
  });
});
