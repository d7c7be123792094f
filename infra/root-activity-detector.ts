import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { IConstruct } from 'constructs';
import { DetectorConfigSchema } from '../schemas/detector-config.ts';
import type { DetectorConfig } from '../schemas/detector-config.ts';
import { HandlerConfigSchema, HANDLER_ENV } from '../schemas/handler-config.ts';
import type { ProtectedResources } from '../schemas/protected-resources.ts';
import { AlertNotifier } from './alert-notifier.ts';
import { noDestinationError } from './alert-destinations.ts';
import { AlertRouting } from './alert-routing.ts';
import { CisRootUsageAlarm } from './cis-root-usage-alarm.ts';
import { DetectorFunction } from './detector-function.ts';
import { DetectorHealth } from './detector-health.ts';
import { detectorKey, encryptedQueue } from './encryption.ts';
import { IncidentTable } from './incident-table.ts';
import { LivenessTable } from './liveness-table.ts';
import { bundleCode } from './lambda-bundle.ts';
import { RecordLog } from './record-log.ts';
import { RootActivityRule } from './root-activity-rule.ts';
import { SecurityHubImport } from './security-hub-import.ts';
import { resolveDetectorProps } from './root-activity-detector-props.ts';
import type { RootActivityDetectorProps } from './root-activity-detector-props.ts';
import {
  collectProtectedResources,
  deployedLengthOf,
  forwarderRuleName,
  mergeResources,
} from './protected-resources.ts';
import { assertStartable } from './startable-environment.ts';
import { TamperingRules } from './tampering-rules.ts';

/** Lambda: "The total size of all environment variables doesn't exceed 4 KB". */
const MAX_ENVIRONMENT_BYTES = 4096;

/**
 * rootwatch's real-time detector, in the security account: rules with the shared root-activity
 * pattern on the default bus (this account) and on an ingest bus (forwarded from the organisation's
 * accounts and Regions) invoke the detector function, which records every delivered event in an
 * encrypted log group and puts findings on the alert bus, whose rules reach the SOC. Operations get
 * alarms and a daily end-to-end heartbeat. No business logic here: deciding is the function's job.
 * @example new RootActivityDetector(this, 'Detector', { alertEmails: ['soc@example.com'], organizationId: 'o-a1b2c3d4e5' });
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
 */
class RootActivityDetector extends Construct {
  /** The rule on this account's default bus, where CloudTrail delivers. */
  readonly rule: events.Rule;
  /** The bus that receives root events forwarded from other accounts and Regions. */
  readonly ingestBus: events.EventBus;
  /** The rule on the ingest bus. */
  readonly ingestRule: events.Rule;
  readonly detectorFunction: lambda.Function;
  /** Carries only rootwatch's own events: findings and heartbeats. */
  readonly alertBus: events.IEventBus;
  /** Findings for people (email, chat), published by the notifier; subscribe more endpoints here. */
  readonly alertTopic: sns.Topic;
  /** Turns findings and posture alerts into the alert topic's email and chat messages. */
  readonly notifierFunction: lambda.Function;
  /** Imports findings into Security Hub (with `securityHubImport`). */
  readonly securityHubImportFunction?: lambda.Function;
  /** The detector's own health: alarms. */
  readonly operationsTopic: sns.Topic;
  readonly recordLogGroup: logs.LogGroup;
  /** The record log group's name, as a plain string (KMS encryption contexts need it before deployment). */
  readonly recordLogGroupName: string;
  /** Names the detector's resources: `<prefix>-alerts`, `/<prefix>/records`, … */
  readonly namePrefix: string;
  readonly savedQueries: logs.QueryDefinition[];
  /** Undeliverable root events and alerts, and invocations that failed every retry. */
  readonly deadLetterQueue: sqs.Queue;
  readonly key: kms.Key;
  readonly siemQueue?: sqs.Queue;
  readonly siemApiDestination?: events.ApiDestination;
  readonly alarms: Record<string, cloudwatch.Alarm>;
  /** The incident state, unless `incidents: false`. */
  readonly incidentTable?: dynamodb.Table;
  /** The rules that deliver tampering with rootwatch's resources, once `protectFromTampering` ran. */
  tamperingRules?: events.Rule[];
  /**
   * What the detector protects, once `protectFromTampering` ran: the `protectedResources` of the
   * detector config it gives the function (and that the Rootwatch stack outputs, `DetectorConfig`).
   */
  protectedResources?: ProtectedResources;
  readonly #toFunction: () => targets.LambdaFunction;
  readonly #detectorConfig: DetectorConfig;
  readonly #more: ProtectedResources;
  /** When each forwarder (account and Region) was last heard (docs/coverage.md). */
  readonly livenessTable: LivenessTable;

  constructor(scope: Construct, id: string, props: RootActivityDetectorProps = {}) {
    super(scope, id);
    const resolved = resolveDetectorProps(props);
    const prefix = resolved.namePrefix;
    this.namePrefix = prefix;
    const names = {
      records: `/${prefix}/records`,
      function: `/${prefix}/function`,
      heartbeats: `/${prefix}/heartbeats`,
      notifier: `/${prefix}/notifier`,
      securityHubImport: `/${prefix}/security-hub-import`,
    };
    const code = props.code ?? bundleCode('root-activity');

    this.key = detectorKey(this, 'Key', Object.values(names));
    this.deadLetterQueue = encryptedQueue(this, 'DeadLetterQueue', { key: this.key });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue: of every EventBridge target (DeadLetterConfig), of the function (on-failure destination) and of the SIEM queue (redrive). cdk-nag recognises only the last kind.',
    });
    this.alertBus =
      props.alertBus ??
      new events.EventBus(this, 'AlertBus', {
        eventBusName: props.alertBusName ?? `${prefix}-alerts`,
        description: 'rootwatch findings and heartbeats; its rules reach the SOC',
      });
    const records = new RecordLog(this, 'Records', {
      logGroupName: names.records,
      retention: resolved.recordRetention,
      key: this.key,
      queryFolder: prefix,
    });
    this.recordLogGroup = records.logGroup;
    this.recordLogGroupName = names.records;
    this.savedQueries = records.queries;

    const incidents = resolved.incidents
      ? new IncidentTable(this, 'Incidents', { key: this.key })
      : undefined;
    if (incidents) this.incidentTable = incidents.table;
    this.livenessTable = new LivenessTable(this, 'Liveness', { key: this.key });
    const environment = {
      [HANDLER_ENV.alertBus]: this.alertBus.eventBusArn,
      [HANDLER_ENV.logGroup]: names.records,
      [HANDLER_ENV.livenessTable]: this.livenessTable.table.tableName,
      ...(incidents && { [HANDLER_ENV.incidentTable]: incidents.table.tableName }),
      ...resolved.environment,
    };
    assertStartable('RootActivityDetector', HandlerConfigSchema, {
      ...environment,
      // Known at deployment only: checked as the table names they will be.
      [HANDLER_ENV.livenessTable]: 'rootwatch-liveness',
      ...(incidents && { [HANDLER_ENV.incidentTable]: 'rootwatch-incidents' }),
    });
    const detector = new DetectorFunction(this, 'Detector', {
      code,
      memorySize: resolved.memorySize,
      environment,
      logGroupName: names.function,
      logRetention: resolved.operationalLogRetention,
      key: this.key,
      recordLogGroup: this.recordLogGroup,
      recordLogGroupName: names.records,
      alertBus: this.alertBus,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.detectorFunction = detector.function;
    incidents?.grantIncidentUpdates(detector.role);
    this.livenessTable.grantHeard(detector.role);

    const toFunction = () =>
      new targets.LambdaFunction(this.detectorFunction, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 185,
        maxEventAge: Duration.hours(24),
      });
    this.#toFunction = toFunction;
    this.#detectorConfig = resolved.detectorConfig ?? DetectorConfigSchema.parse({});
    this.#more = resolved.protectedResources;
    this.rule = new RootActivityRule(this, 'Rule', {
      ruleName: `${prefix}-root-activity`,
      description: "rootwatch: this account's root activity to the detector",
    });
    this.rule.addTarget(toFunction());
    this.ingestBus = new events.EventBus(this, 'IngestBus', {
      eventBusName: `${prefix}-ingest`,
      description: 'rootwatch: root activity forwarded from other accounts and Regions',
    });
    if (props.organizationId !== undefined) {
      this.ingestBus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'OrganisationForwardsRootActivity',
          principals: [new iam.AnyPrincipal()],
          actions: ['events:PutEvents'],
          resources: [this.ingestBus.eventBusArn],
          conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
        }),
      );
    }
    this.ingestRule = new RootActivityRule(this, 'IngestRule', {
      ruleName: `${prefix}-ingest-root-activity`,
      eventBus: this.ingestBus,
      description: 'rootwatch: forwarded root activity to the detector',
    });
    this.ingestRule.addTarget(toFunction());

    const routing = new AlertRouting(this, 'Alerts', {
      alertBus: this.alertBus,
      key: this.key,
      deadLetterQueue: this.deadLetterQueue,
      alertEmails: props.alertEmails ?? [],
      siemQueue: props.siemQueue ?? false,
      ...(props.siemApiDestination && { siemApiDestination: props.siemApiDestination }),
    });
    this.alertTopic = routing.topic;
    if (routing.siemQueue) this.siemQueue = routing.siemQueue;
    if (routing.apiDestination) this.siemApiDestination = routing.apiDestination;
    const alertFunctions = {
      alertBus: this.alertBus,
      key: this.key,
      deadLetterQueue: this.deadLetterQueue,
      logRetention: resolved.operationalLogRetention,
      logLevel: props.logLevel ?? 'info',
    };
    this.notifierFunction = new AlertNotifier(this, 'Notifier', {
      ...alertFunctions,
      code: props.notifierCode ?? bundleCode('notifier', 'notifierCode'),
      topic: this.alertTopic,
      logGroupName: names.notifier,
      ...(incidents && { incidents }),
    }).function;
    if (props.securityHubImport) {
      this.securityHubImportFunction = new SecurityHubImport(this, 'SecurityHubImport', {
        ...alertFunctions,
        code: props.securityHubImportCode ?? bundleCode('security-hub-import', 'securityHubImportCode'),
        logGroupName: names.securityHubImport,
      }).function;
    }

    const health = new DetectorHealth(this, 'Health', {
      function: this.detectorFunction,
      deadLetterQueue: this.deadLetterQueue,
      alertBus: this.alertBus,
      key: this.key,
      operationsEmails: props.operationsEmails ?? [],
      heartbeatHours: resolved.heartbeatHours,
      heartbeatScheduleName: `${prefix}-heartbeat-schedule`,
      heartbeatLogGroupName: names.heartbeats,
      heartbeatLogRetention: resolved.operationalLogRetention,
      recordLogGroup: this.recordLogGroup,
      notifier: this.notifierFunction,
      ...(this.securityHubImportFunction && { securityHubImport: this.securityHubImportFunction }),
    });
    this.operationsTopic = health.operationsTopic;
    this.alarms = { ...health.alarms };
    if (props.cisTrailLogGroup) {
      const cis = new CisRootUsageAlarm(this, 'CisRootUsage', {
        trailLogGroup: props.cisTrailLogGroup,
        topic: this.alertTopic,
      });
      this.alarms.cisRootUsage = cis.alarm;
    }
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== 'us-east-1') {
      Validations.of(this).addWarning(
        'rootwatch:RegionCoverage',
        'Root sign-ins and IAM events arrive only in us-east-1: deploy RootwatchForwarder to us-east-1 of every account, this one included.',
      );
    }
    if (!props.allowNoAlertDestination) this.#failWithoutDestination(props);
    if (props.protectFromTampering ?? true) this.protectFromTampering([this]);
  }

  /**
   * Fails synthesis when no alert can reach anyone: a detector that finds root activity and tells no
   * one is worse than none (it looks deployed). Checked at synthesis, so that subscriptions, chat
   * channels and alert-bus rules added to the app after this constructor count.
   */
  #failWithoutDestination(props: RootActivityDetectorProps): void {
    const configured = [
      ...(props.alertEmails?.length ? ['alertEmails'] : []),
      ...(props.siemQueue ? ['siemQueue'] : []),
      ...(props.siemApiDestination ? ['siemApiDestination'] : []),
      ...(props.securityHubImport ? ['securityHubImport'] : []),
    ];
    const outlets = { owner: this, alertTopic: this.alertTopic, alertBus: this.alertBus, configured };
    this.node.addValidation({
      validate: () => {
        const error = noDestinationError(outlets, {
          routes: 'alertEmails, siemQueue, siemApiDestination or securityHubImport',
          optOut: 'allowNoAlertDestination: true',
        });
        return error ? [`RootActivityDetector: ${error}`] : [];
      },
    });
  }

  /**
   * Delivers, as critical findings, the calls by anyone that disable or weaken the resources under
   * `scopes` (rules, buses, functions, keys, topics, log groups, and their stacks), the forwarders'
   * (forwarded to the ingest bus) and the `protectedResources` of the props
   * (docs/tampering-and-takeover.md): rules on the default bus that watch each other, a rule on the
   * ingest bus, and the list in the function's detector config for its exact check. Call it once,
   * after every construct to protect exists.
   */
  protectFromTampering(scopes: readonly IConstruct[]): void {
    if (this.tamperingRules) throw new Error('RootActivityDetector: protectFromTampering runs once');
    const prefix = this.namePrefix;
    const forwarded = mergeResources(
      { eventRules: [forwarderRuleName(prefix, '*')], stacks: ['RootwatchForwarder'] },
      this.#more,
    );
    const ingestRuleName = `${prefix}-ingest-tampering`;
    const collected = collectProtectedResources(scopes);
    const local = mergeResources(collected.resources, forwarded, { eventRules: [ingestRuleName] });
    const onDefaultBus = new TamperingRules(this, 'Tampering', {
      resources: local,
      lengths: collected.lengths,
      ruleName: (index) =>
        [`${prefix}-tampering`, `${prefix}-tampering-watch`][index] ?? `${prefix}-tampering-${index + 1}`,
      target: this.#toFunction,
      description:
        "rootwatch: tampering with rootwatch's resources in this account, by anyone, to the detector",
    });
    const onIngestBus = new TamperingRules(this, 'IngestTampering', {
      resources: forwarded,
      ruleName: () => ingestRuleName,
      eventBus: this.ingestBus,
      target: this.#toFunction,
      description: "rootwatch: forwarded tampering with rootwatch's resources to the detector",
      watch: false,
    });
    this.tamperingRules = [...onDefaultBus.rules, ...onIngestBus.rules];
    this.protectedResources = mergeResources(local, {
      eventRules: [...onDefaultBus.names, ...onIngestBus.names],
    });
    const config = { ...this.#detectorConfig, protectedResources: this.#functionCopy(scopes) };
    this.detectorFunction.addEnvironment(HANDLER_ENV.detectorConfig, Stack.of(this).toJsonString(config));
    this.#checkEnvironmentSize(JSON.stringify(config), collected.lengths);
  }

  /**
   * The protected resources as the function's environment can hold them: without its own name, which
   * Lambda gives it (AWS_LAMBDA_FUNCTION_NAME), and only with rules of fixed names among those that
   * invoke it: a generated name would make the function depend on a rule that depends on it.
   */
  #functionCopy(scopes: readonly IConstruct[]): ProtectedResources {
    const fn = this.detectorFunction.node.defaultChild as lambda.CfnFunction;
    const stack = Stack.of(this);
    const invoking = `"${stack.getLogicalId(fn)}"`;
    for (const node of scopes.flatMap((scope) => scope.node.findAll())) {
      if (!(node instanceof events.CfnRule)) continue;
      const named = typeof node.name === 'string' && !Token.isUnresolved(node.name);
      if (!named && JSON.stringify(stack.resolve(node.targets) ?? []).includes(invoking)) {
        throw new Error(
          `RootActivityDetector: the rule ${node.node.path} invokes the detector function: give it a fixed name (ruleName) so that its tampering check can name it`,
        );
      }
    }
    const { functions = [], ...rest } = this.protectedResources!;
    const others = functions.filter((name) => name !== fn.ref);
    return others.length ? { ...rest, functions: others } : rest;
  }

  /** The environment must fit Lambda's 4 KB with every token at its longest; fail the synthesis, not the deployment. */
  #checkEnvironmentSize(detectorConfig: string, lengths: ReadonlyMap<string, number>): void {
    const fn = this.detectorFunction.node.defaultChild as lambda.CfnFunction;
    const variables = {
      ...((fn.environment as { variables?: Record<string, string> } | undefined)?.variables ?? {}),
      [HANDLER_ENV.detectorConfig]: detectorConfig,
    };
    const lengthOf = deployedLengthOf(lengths);
    const bytes = Object.entries(variables).reduce(
      (sum, [name, value]) => sum + name.length + lengthOf(String(value)),
      0,
    );
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      throw new Error(
        `RootActivityDetector: the detector's environment may reach ${bytes} bytes with the protected resources, over Lambda's ${MAX_ENVIRONMENT_BYTES}`,
      );
    }
  }
}

export { RootActivityDetector };
export type { RootActivityDetectorProps };
