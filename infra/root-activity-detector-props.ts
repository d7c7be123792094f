import { Duration, Token } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as z from 'zod/mini';
import { DetectorConfigSchema } from '../schemas/detector-config.ts';
import type { DetectorConfig, DetectorConfigInput } from '../schemas/detector-config.ts';
import type { Severity } from '../schemas/finding.ts';
import type { HandlerConfig } from '../schemas/handler-config.ts';
import { ProtectedResourcesSchema } from '../schemas/protected-resources.ts';
import type { ProtectedResources } from '../schemas/protected-resources.ts';
import { HANDLER_ENV } from '../schemas/handler-config.ts';
import type { SiemApiDestinationProps } from './alert-routing.ts';

/**
 * How to build a {@link RootActivityDetector}. Every prop is optional: `new RootActivityDetector(this,
 * 'Detector')` deploys the detector with the defaults below (docs/deploy-and-settings.md lists them).
 */
interface RootActivityDetectorProps {
  /**
   * The function code, ESM with `index.handler`.
   * @default - the code `npm run build` wrote to `dist/lambda/root-activity/`, shipped in the package
   */
  readonly code?: lambda.Code;
  /**
   * The notifier's code, ESM with `index.handler`.
   * @default - the code `npm run build` wrote to `dist/lambda/notifier/`, shipped in the package
   */
  readonly notifierCode?: lambda.Code;
  /**
   * Also import every alerted finding into Security Hub (`BatchImportFindings`, in ASFF), through
   * the custom integration's default product of this account and Region. Security Hub must be
   * enabled there; findings about member accounts are imported into this account, naming the
   * member account as their resource.
   * @default false
   */
  readonly securityHubImport?: boolean;
  /**
   * The Security Hub import's code, ESM with `index.handler` (with `securityHubImport`).
   * @default - the code `npm run build` wrote to `dist/lambda/security-hub-import/`, shipped in the package
   */
  readonly securityHubImportCode?: lambda.Code;
  /**
   * Function memory in MiB; Lambda gives CPU in proportion (1,769 MiB is one vCPU), so it also sets
   * the cold start, which nearly every root event meets. docs/detector-function.md gives the measurement.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Names the detector's buses (`<prefix>-ingest`, `<prefix>-alerts`) and log groups
   * (`/<prefix>/records`, `/<prefix>/function`, `/<prefix>/heartbeats`), so that forwarders can
   * name the ingest bus and a second detector (e.g. staging) can sit beside the first.
   * @default 'rootwatch'
   */
  readonly namePrefix?: string;
  /**
   * How long the record log group keeps every finding and every rejected or ignored event.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly recordRetention?: logs.RetentionDays;
  /**
   * How long the function's own log and the heartbeat log are kept.
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly operationalLogRetention?: logs.RetentionDays;
  /**
   * Findings below this severity are recorded but not alerted (`ROOTWATCH_ALERT_MIN_SEVERITY`).
   * @default 'low'
   */
  readonly alertMinSeverity?: Severity;
  /**
   * The function's log level (`ROOTWATCH_LOG_LEVEL`).
   * @default 'info'
   */
  readonly logLevel?: HandlerConfig['ROOTWATCH_LOG_LEVEL'];
  /**
   * Detector settings (CIS versions, severity overrides), as for `rootwatch classify --config`.
   * @default - the detector's defaults
   */
  readonly detectorConfig?: DetectorConfigInput;
  /**
   * An existing bus for the alerts. Give this or `alertBusName`, not both.
   * @default - a new bus named by `alertBusName`
   */
  readonly alertBus?: events.IEventBus;
  /**
   * The name of the new alert bus. Give this or `alertBus`, not both.
   * @default '<namePrefix>-alerts'
   */
  readonly alertBusName?: string;
  /**
   * Addresses subscribed to the alert topic (each must confirm the subscription).
   * @default - none: subscribe later, or route alerts through the SIEM options
   */
  readonly alertEmails?: readonly string[];
  /**
   * Deploy a detector whose alerts reach no one: without it, synthesis fails unless `alertEmails`,
   * `siemQueue`, `siemApiDestination` or `securityHubImport` is set, or the app subscribes the alert
   * topic (email, chat channel) or adds a rule on the alert bus. For a detector that only records,
   * or whose topic is subscribed outside CDK (docs/deploy-and-settings.md).
   * @default false
   */
  readonly allowNoAlertDestination?: boolean;
  /**
   * Addresses subscribed to the operations topic (alarms on the detector's own health).
   * @default - none
   */
  readonly operationsEmails?: readonly string[];
  /**
   * The organisation whose accounts may forward root events to the ingest bus (`aws:PrincipalOrgID`).
   * @default - only this account may put events on the ingest bus (forwarders in its other Regions)
   */
  readonly organizationId?: string;
  /**
   * Also deliver findings to an encrypted SQS queue, for a SIEM that pulls.
   * @default false
   */
  readonly siemQueue?: boolean;
  /**
   * Also push findings to a SIEM's HTTPS endpoint through an EventBridge API destination.
   * @default - no push
   */
  readonly siemApiDestination?: SiemApiDestinationProps;
  /**
   * How often the heartbeat runs, in whole hours from 1 to 144; its alarm fires when no heartbeat
   * alert arrived for this long plus two hours.
   * @default Duration.days(1)
   */
  readonly heartbeatInterval?: Duration;
  /**
   * The log group of a multi-Region CloudTrail trail, in this account and Region: adds the CIS
   * metric filter and alarm (Security Hub CloudWatch.1), notifying the alert topic.
   * @default - no CIS metric filter
   */
  readonly cisTrailLogGroup?: logs.ILogGroup;
  /**
   * Groups findings into incidents, one per root session, in a DynamoDB table, so that a session
   * pages once (and again only when it gets more severe) and a retry never pages twice. Off: every
   * finding at or above `alertMinSeverity` pages.
   * @default true
   */
  readonly incidents?: boolean;
  /**
   * How long a long-term key, or a burst of failed sign-ins, must be quiet before its incident
   * closes (`ROOTWATCH_INCIDENT_QUIET_MINUTES`), in whole minutes from 1 to 1440.
   * @default Duration.minutes(60)
   */
  readonly incidentQuietPeriod?: Duration;
  /**
   * Deliver tampering with the detector's own resources, by anyone, as critical findings
   * (docs/tampering-and-takeover.md): rules on the default bus and on the ingest bus for the calls
   * that disable or weaken its rules, buses, functions, key, topics, log groups and stack. Off:
   * call `protectFromTampering` once every construct to protect exists (RootwatchStack does, to
   * protect the posture audit and the completeness scan too).
   * @default true
   */
  readonly protectFromTampering?: boolean;
  /**
   * More resources whose tampering is a finding, besides the detector's own: the forwarder StackSet
   * and its stacks, the organisation trail, GuardDuty detectors, Config recorders. The forwarders'
   * rules (`<namePrefix>-forward-*`) and a stack named RootwatchForwarder always are.
   * @default - none more
   */
  readonly protectedResources?: ProtectedResources;
}

/** The props with every default applied and every value checked. */
interface ResolvedDetectorProps {
  readonly memorySize: number;
  readonly namePrefix: string;
  readonly recordRetention: logs.RetentionDays;
  readonly operationalLogRetention: logs.RetentionDays;
  readonly heartbeatHours: number;
  readonly environment: Record<string, string>;
  readonly detectorConfig?: DetectorConfig;
  readonly incidents: boolean;
  readonly protectedResources: ProtectedResources;
}

const fail = (message: string): never => {
  throw new Error(`RootActivityDetector: ${message}`);
};

const checkMemorySize = (memorySize: number): number => {
  if (
    !Token.isUnresolved(memorySize) &&
    !(Number.isInteger(memorySize) && memorySize >= 128 && memorySize <= 10_240)
  ) {
    fail(`memorySize must be a whole number of MiB from 128 to 10240, got ${memorySize}`);
  }
  return memorySize;
};

const checkHeartbeatHours = (interval: Duration): number => {
  const hours = interval.toHours({ integral: false });
  if (!Number.isInteger(hours) || hours < 1 || hours > 144) {
    fail(`heartbeatInterval must be a whole number of hours from 1 to 144, got ${interval.toHumanString()}`);
  }
  return hours;
};

const checkQuietMinutes = (period: Duration): number => {
  const minutes = period.toMinutes({ integral: false });
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    fail(
      `incidentQuietPeriod must be a whole number of minutes from 1 to 1440, got ${period.toHumanString()}`,
    );
  }
  return minutes;
};

const checkDetectorConfig = (input: DetectorConfigInput | undefined): DetectorConfig | undefined => {
  if (input === undefined) return undefined;
  const parsed = DetectorConfigSchema.safeParse(input);
  return parsed.success ? parsed.data : fail(`detectorConfig is invalid:\n${z.prettifyError(parsed.error)}`);
};

const checkProtectedResources = (input: ProtectedResources | undefined): ProtectedResources => {
  const parsed = ProtectedResourcesSchema.safeParse(input ?? {});
  return parsed.success
    ? parsed.data
    : fail(`protectedResources is invalid:\n${z.prettifyError(parsed.error)}`);
};

/**
 * Applies the defaults and refuses what cannot work, before any resource exists: conflicting props,
 * values AWS would reject at deploy time, settings the function would reject at cold start.
 */
const resolveDetectorProps = (props: RootActivityDetectorProps): ResolvedDetectorProps => {
  if (props.securityHubImportCode && !props.securityHubImport) {
    fail('securityHubImportCode is given but securityHubImport is not true');
  }
  if (props.alertBus && props.alertBusName !== undefined) {
    fail('give either alertBus (an existing bus) or alertBusName (for a new bus), not both');
  }
  const namePrefix = props.namePrefix ?? 'rootwatch';
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(namePrefix)) {
    fail(
      `namePrefix must be 1 to 32 lower-case letters, digits or "-", starting with a letter, got "${namePrefix}"`,
    );
  }
  if (props.organizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(props.organizationId)) {
    fail(`organizationId must look like o-a1b2c3d4e5, got "${props.organizationId}"`);
  }
  const endpoint = props.siemApiDestination?.endpoint;
  if (endpoint !== undefined && !Token.isUnresolved(endpoint) && !endpoint.startsWith('https://')) {
    fail(`siemApiDestination.endpoint must be an https:// URL, got "${endpoint}"`);
  }
  const detectorConfig = checkDetectorConfig(props.detectorConfig);
  const protectedResources = checkProtectedResources(props.protectedResources);
  const incidents = props.incidents ?? true;
  if (!incidents && props.incidentQuietPeriod) fail('incidentQuietPeriod needs incidents');
  return {
    incidents,
    protectedResources,
    memorySize: checkMemorySize(props.memorySize ?? 512),
    namePrefix,
    recordRetention: props.recordRetention ?? logs.RetentionDays.ONE_YEAR,
    operationalLogRetention: props.operationalLogRetention ?? logs.RetentionDays.THREE_MONTHS,
    heartbeatHours: checkHeartbeatHours(props.heartbeatInterval ?? Duration.days(1)),
    environment: {
      [HANDLER_ENV.alertMinSeverity]: props.alertMinSeverity ?? 'low',
      [HANDLER_ENV.logLevel]: props.logLevel ?? 'info',
      ...(detectorConfig && { [HANDLER_ENV.detectorConfig]: JSON.stringify(detectorConfig) }),
      ...(incidents && {
        [HANDLER_ENV.incidentQuietMinutes]: String(
          checkQuietMinutes(props.incidentQuietPeriod ?? Duration.minutes(60)),
        ),
      }),
    },
    ...(detectorConfig && { detectorConfig }),
  };
};

export { resolveDetectorProps };
export type { RootActivityDetectorProps, ResolvedDetectorProps };
