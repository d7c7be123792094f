import * as z from 'zod/mini';
import { TrailBucketSchema, TrailPrefixSchema, WINDOW_HOURS } from './completeness-config.ts';
import { DetectorConfigSchema } from './detector-config.ts';
import { SeveritySchema } from './finding-enums.ts';
import { HandlerConfigSchema, HANDLER_ENV } from './handler-config.ts';
import { ResourceNameSchema } from './protected-resources.ts';
import './zod-english.ts';

/** The retention periods CloudWatch Logs accepts, in days. @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

// `cdk deploy -c key=value` passes every value as a string; a config file or cdk.json passes JSON.
// These wrappers accept both, so the same schema (and the same error messages) serves both sources.
const fromText = <T extends z.ZodMiniType>(parse: (text: string) => unknown, schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' ? parse(value) : value)),
    schema,
  );
const list = <T extends z.ZodMiniType>(item: T) =>
  fromText(
    (text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    z.array(item),
  );
const integer = (min: number, max: number) =>
  fromText(
    (text) => (/^\d+$/.test(text) ? Number(text) : text),
    z.int().check(z.minimum(min), z.maximum(max)),
  );
const flag = fromText((text) => ({ true: true, false: false })[text] ?? text, z.boolean());
const json = <T extends z.ZodMiniType>(schema: T) =>
  fromText((text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }, schema);

const accountId = z.string().check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account id' }));
const region = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'expected an AWS Region' }));
const logGroupName = HandlerConfigSchema.shape[HANDLER_ENV.logGroup];
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });
const resourceName = ResourceNameSchema;

/**
 * The settings of `npx cdk deploy` for the `Rootwatch` and `RootwatchForwarder` stacks, from a JSON
 * file (`-c config=FILE`) and CDK context (`-c key=value` or cdk.json), context winning. Strict: a
 * misspelt key in the file is an error, never a silently ignored setting. README "Deploy" documents
 * each with an example.
 * @example { "account": "111122223333", "organizationId": "o-a1b2c3d4e5", "alertEmails": ["soc@example.com"] }
 * @see https://docs.aws.amazon.com/cdk/v2/guide/context.html
 */
const DeployConfigSchema = z
  .strictObject({
    /** The security account that hosts the detector; also names the ingest bus for forwarders. */
    account: z.optional(accountId),
    /** The detector's Region. Sign-in and IAM events arrive only in us-east-1 (DOMAIN.md §5). */
    region: z._default(region, 'us-east-1'),
    /** When set, every account of the organisation may forward root events to the ingest bus. */
    organizationId: z.optional(
      z.string().check(z.regex(/^o-[a-z0-9]{10,32}$/, { error: 'expected an organisation id (o-…)' })),
    ),
    alertEmails: z._default(list(z.email()), []),
    /** Deploy although no alert reaches anyone (no alertEmails, SIEM or Security Hub): docs/deploy-and-settings.md. */
    allowNoAlertDestination: z._default(flag, false),
    operationsEmails: z._default(list(z.email()), []),
    alertMinSeverity: z._default(SeveritySchema, 'low'),
    logLevel: HandlerConfigSchema.shape[HANDLER_ENV.logLevel],
    recordRetentionDays: z._default(
      fromText((text) => Number(text), z.literal([...LOG_RETENTION_DAYS])),
      365,
    ),
    memorySize: z._default(integer(128, 10_240), 512),
    heartbeatHours: z._default(integer(1, 144), 24),
    /** Group findings into incidents (one page per root session), state in DynamoDB. */
    incidents: z._default(flag, true),
    /** Minutes a long-term key or a burst of failed sign-ins must be quiet to close its incident. */
    incidentQuietMinutes: z._default(integer(1, 1440), 60),
    siemQueue: z._default(flag, false),
    /** Import every alerted finding into Security Hub (BatchImportFindings, ASFF) in this account and Region. */
    securityHubImport: z._default(flag, false),
    siemEndpoint: z.optional(httpsUrl),
    /** Secrets Manager secret (name or ARN) whose value is the `Authorization` header for the endpoint. */
    siemSecretName: z.optional(z.string().check(z.minLength(1))),
    /** The CloudTrail log group in this account and Region, for the CIS metric filter and alarm. */
    cisTrailLogGroup: z.optional(logGroupName),
    detectorConfig: z.optional(json(DetectorConfigSchema)),
    /** Run the daily root posture audit (CIS checks from IAM credential reports). */
    postureAudit: z._default(flag, true),
    /** Member accounts the posture audit reads through the forwarder stack's audit role. */
    postureAuditAccounts: z._default(list(accountId), []),
    /** Hours between audits; IAM regenerates a credential report at most every four hours. */
    postureAuditHours: z._default(integer(4, 168), 24),
    /** Where the detector runs in the management or IAM delegated-administrator account. */
    postureAuditOrganizationFeatures: z._default(flag, false),
    /** Read member root login profiles through sts:AssumeRoot (same accounts as above). */
    postureAuditAssumeRoot: z._default(flag, false),
    /** The posture audit's role ARN (Rootwatch output PostureAuditRoleArn), for forwarders to trust. */
    postureAuditRoleArn: z.optional(
      z
        .string()
        .check(
          z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@\-/]+$/, { error: 'expected an IAM role ARN' }),
        ),
    ),
    /** The organisation trail's bucket: turns on the completeness scan (README "The completeness scan"). */
    trailBucketName: z.optional(TrailBucketSchema),
    /** Above the account folders; by default `AWSLogs/<organizationId>/`, or `AWSLogs/` without one. */
    trailPrefix: z.optional(TrailPrefixSchema),
    /** The KMS key of the trail's SSE-KMS objects. */
    trailKmsKeyArn: z.optional(
      z
        .string()
        .check(
          z.regex(/^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/, { error: 'expected a KMS key ARN' }),
        ),
    ),
    /** Hours of a completeness window, one run each: 1, 2, 3, 4, 6, 8, 12 or 24. */
    completenessHours: z._default(
      fromText(
        (text) => (/^\d+$/.test(text) ? Number(text) : text),
        z.literal([...WINDOW_HOURS], { error: 'expected 1, 2, 3, 4, 6, 8, 12 or 24' }),
      ),
      24,
    ),
    completenessMemorySize: z._default(integer(512, 10_240), 2048),
    /**
     * The StackSet that deploys RootwatchForwarder to the organisation: it, and its instances' stacks
     * (`StackSet-<name>-*`), are protected from tampering (docs/tampering-and-takeover.md).
     */
    forwarderStackSetName: z._default(
      z.string().check(z.regex(/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/, { error: 'expected a StackSet name' })),
      'rootwatch-forwarder',
    ),
    /** Trails (the organisation trail) whose StopLogging, DeleteTrail, UpdateTrail or PutEventSelectors page. */
    protectedTrails: z._default(list(resourceName), []),
    /** More stacks to protect, by name (`*` matches any run of characters). */
    protectedStacks: z._default(list(resourceName), []),
    /** GuardDuty detector ids to protect (DeleteDetector, UpdateDetector disabling it); `*`: every detector. */
    protectedGuardDutyDetectors: z._default(list(resourceName), []),
    /** AWS Config recorder names to protect (StopConfigurationRecorder, DeleteConfigurationRecorder); `*`: every recorder. */
    protectedConfigRecorders: z._default(list(resourceName), []),
    /** Minutes between each forwarder's liveness events (the forwarder stack's LivenessMinutes default). */
    livenessMinutes: z._default(integer(5, 1440), 60),
    /** Run the scheduled coverage check (docs/coverage.md). */
    coverageCheck: z._default(flag, true),
    /** A forwarder not heard for longer is silent: alerted once, and alarmed. */
    coverageSilentMinutes: z._default(integer(10, 10_080), 180),
    coverageCheckMinutes: z._default(integer(5, 1440), 60),
    /** Accounts the coverage check must hear from besides those it ever heard. */
    coverageAccounts: z._default(list(accountId), []),
    /** Expect each account's enabled Regions (account:ListRegions). */
    coverageEnabledRegions: z._default(flag, true),
    /** Read each Region's trails (cloudtrail:DescribeTrails, GetTrailStatus, GetEventSelectors). */
    coverageTrails: z._default(flag, true),
    /** Where forwarders send; by default the ingest bus of `account` in `region`. */
    ingestBusArn: z.optional(
      z.string().check(
        z.regex(/^arn:aws[\w-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[\w.\-/]+$/, {
          error: 'expected an event bus ARN',
        }),
      ),
    ),
  })
  .check(
    z.refine(
      (config) =>
        config.allowNoAlertDestination ||
        config.alertEmails.length > 0 ||
        config.siemQueue ||
        config.siemEndpoint !== undefined ||
        config.securityHubImport,
      {
        error:
          "no alert destination: the detector's alerts would reach nobody. Set alertEmails, siemQueue, " +
          'siemEndpoint with siemSecretName, or securityHubImport; or allowNoAlertDestination=true to deploy ' +
          'a detector that only records, or whose alert topic you subscribe outside CDK (docs/deploy-and-settings.md)',
        path: ['alertEmails'],
      },
    ),
    z.refine((config) => (config.siemEndpoint === undefined) === (config.siemSecretName === undefined), {
      error: 'siemEndpoint and siemSecretName go together: give both or neither',
      path: ['siemSecretName'],
    }),
    z.refine((config) => config.coverageSilentMinutes > config.livenessMinutes, {
      error: 'coverageSilentMinutes must be longer than livenessMinutes, or every forwarder looks silent',
      path: ['coverageSilentMinutes'],
    }),
    z.refine(
      (config) =>
        config.trailBucketName !== undefined ||
        (config.trailPrefix === undefined && config.trailKmsKeyArn === undefined),
      { error: 'trailPrefix and trailKmsKeyArn need trailBucketName', path: ['trailBucketName'] },
    ),
  );

type DeployConfig = z.infer<typeof DeployConfigSchema>;

/** The setting names, to read each from CDK context. */
const DEPLOY_SETTINGS = Object.keys(DeployConfigSchema.shape) as (keyof DeployConfig)[];

export { DeployConfigSchema, DEPLOY_SETTINGS, LOG_RETENTION_DAYS };
export type { DeployConfig };
