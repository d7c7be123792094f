import { CfnOutput, Duration, SecretValue, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../schemas/deploy-config.ts';
import { CompletenessScan } from './completeness-scan.ts';
import { CoverageCheck } from './coverage-check.ts';
import { detectorResources } from './detector-resources.ts';
import { RootActivityDetector } from './root-activity-detector.ts';
import { RootPostureAudit } from './root-posture-audit.ts';
import type { RootActivityDetectorProps } from './root-activity-detector-props.ts';
import { settingsProtectedResources } from './protected-resources.ts';

interface RootwatchStackProps extends StackProps {
  /** The validated deploy settings. */
  readonly settings: DeployConfig;
  /**
   * The function code.
   * @default - the code shipped in `dist/lambda/root-activity/`
   */
  readonly code?: RootActivityDetectorProps['code'];
}

/** The detector's props from the deploy settings: each setting maps to one prop. */
const detectorProps = (scope: Construct, settings: DeployConfig): RootActivityDetectorProps => ({
  memorySize: settings.memorySize,
  recordRetention: settings.recordRetentionDays as logs.RetentionDays,
  alertMinSeverity: settings.alertMinSeverity,
  logLevel: settings.logLevel,
  alertEmails: settings.alertEmails,
  operationsEmails: settings.operationsEmails,
  siemQueue: settings.siemQueue,
  securityHubImport: settings.securityHubImport,
  // The settings were checked for a destination (DeployConfigSchema): an opt-out is the user's.
  allowNoAlertDestination: settings.allowNoAlertDestination,
  heartbeatInterval: Duration.hours(settings.heartbeatHours),
  incidents: settings.incidents,
  ...(settings.incidents && { incidentQuietPeriod: Duration.minutes(settings.incidentQuietMinutes) }),
  ...(settings.organizationId && { organizationId: settings.organizationId }),
  ...(settings.detectorConfig && { detectorConfig: settings.detectorConfig }),
  // Protected once the whole stack exists (below), so the posture audit and the completeness scan are too.
  protectFromTampering: false,
  protectedResources: settingsProtectedResources(settings),
  ...(settings.siemEndpoint &&
    settings.siemSecretName && {
      siemApiDestination: {
        endpoint: settings.siemEndpoint,
        authorization: events.Authorization.apiKey(
          'Authorization',
          SecretValue.secretsManager(settings.siemSecretName),
        ),
      },
    }),
  ...(settings.cisTrailLogGroup && {
    cisTrailLogGroup: logs.LogGroup.fromLogGroupName(scope, 'TrailLogGroup', settings.cisTrailLogGroup),
  }),
});

/** The completeness scan of the organisation trail's bucket, beside the detector it checks. */
const completenessScan = (
  scope: Construct,
  detector: RootActivityDetector,
  settings: DeployConfig,
  trailBucketName: string,
): CompletenessScan =>
  new CompletenessScan(scope, 'Completeness', {
    ...detectorResources(detector),
    logGroupName: `/${detector.namePrefix}/completeness-function`,
    logRetention: logs.RetentionDays.THREE_MONTHS,
    trailBucketName,
    trailPrefix:
      settings.trailPrefix ?? (settings.organizationId ? `AWSLogs/${settings.organizationId}/` : 'AWSLogs/'),
    ...(settings.trailKmsKeyArn && { trailKeyArn: settings.trailKmsKeyArn }),
    window: Duration.hours(settings.completenessHours),
    memorySize: settings.completenessMemorySize,
    alertMinSeverity: settings.alertMinSeverity,
    logLevel: settings.logLevel,
    ...(settings.detectorConfig && { detectorConfig: settings.detectorConfig }),
  });

/**
 * `Rootwatch`: the detector in the security account, with termination protection (deleting it
 * silences root detection for the whole organisation), every resource of it protected from
 * tampering. Outputs what forwarders and SIEMs need, and the detector config (`DetectorConfig`).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html
 */
class RootwatchStack extends Stack {
  readonly detector: RootActivityDetector;
  readonly postureAudit?: RootPostureAudit;
  readonly completeness?: CompletenessScan;
  readonly coverage?: CoverageCheck;

  constructor(scope: Construct, id: string, props: RootwatchStackProps) {
    super(scope, id, {
      description: 'rootwatch: real-time detection of AWS root-account activity',
      terminationProtection: true,
      ...props,
    });
    this.detector = new RootActivityDetector(this, 'Detector', {
      ...detectorProps(this, props.settings),
      ...(props.code && { code: props.code }),
    });
    const { settings } = props;
    if (settings.postureAudit) {
      const { detector } = this;
      this.postureAudit = new RootPostureAudit(this, 'PostureAudit', {
        ...detectorResources(detector),
        logGroupName: `/${detector.namePrefix}/posture-function`,
        logRetention: logs.RetentionDays.THREE_MONTHS,
        accounts: settings.postureAuditAccounts,
        interval: Duration.hours(settings.postureAuditHours),
        organizationFeatures: settings.postureAuditOrganizationFeatures,
        assumeRoot: settings.postureAuditAssumeRoot,
        ...(settings.detectorConfig && { detectorConfig: settings.detectorConfig }),
      });
      new CfnOutput(this, 'PostureAuditRoleArn', {
        value: this.postureAudit.role.roleArn,
        description: 'Forwarder stacks let this role read credential reports (parameter PostureAuditRoleArn)',
      });
    }
    if (settings.trailBucketName) {
      this.completeness = completenessScan(this, this.detector, settings, settings.trailBucketName);
      new CfnOutput(this, 'CompletenessRoleArn', {
        value: this.completeness.role.roleArn,
        description:
          "The trail bucket's policy (and its KMS key's) must let this role list and read the trail (docs/deploy-and-settings.md)",
      });
    }
    if (settings.coverageCheck) {
      this.coverage = new CoverageCheck(this, 'Coverage', {
        ...detectorResources(this.detector),
        livenessTable: this.detector.livenessTable,
        logGroupName: `/${this.detector.namePrefix}/coverage-function`,
        logRetention: logs.RetentionDays.THREE_MONTHS,
        silentAfter: Duration.minutes(settings.coverageSilentMinutes),
        interval: Duration.minutes(settings.coverageCheckMinutes),
        accounts: settings.coverageAccounts,
        enabledRegions: settings.coverageEnabledRegions,
        trails: settings.coverageTrails,
        logLevel: settings.logLevel,
      });
    }
    const outputs = {
      LivenessTableName: [
        this.detector.livenessTable.table.tableName,
        'When each forwarder was last heard (rootwatch coverage --table)',
      ],
      IngestBusArn: [this.detector.ingestBus.eventBusArn, 'Forwarders put root activity here'],
      AlertBusArn: [this.detector.alertBus.eventBusArn, 'Findings and heartbeats'],
      AlertTopicArn: [this.detector.alertTopic.topicArn, 'Subscribe SOC endpoints here'],
      OperationsTopicArn: [this.detector.operationsTopic.topicArn, 'Alarms on the detector itself'],
      RecordLogGroupName: [
        this.detector.recordLogGroup.logGroupName,
        'Every delivered event, for Logs Insights',
      ],
    } as const;
    for (const [name, [value, description]] of Object.entries(outputs)) {
      new CfnOutput(this, name, { value, description });
    }
    // Last, so that every resource of the stack is protected from tampering.
    this.detector.protectFromTampering([this]);
    new CfnOutput(this, 'DetectorConfig', {
      value: this.toJsonString({
        ...(settings.detectorConfig ?? {}),
        protectedResources: this.detector.protectedResources,
      }),
      description:
        'The detector settings with the protected resources: rootwatch replay|classify --config FILE (docs/tampering-and-takeover.md)',
    });
  }
}

export { RootwatchStack };
export type { RootwatchStackProps };
