import * as z from 'zod/mini';
import './zod-english.ts';

/** A name, ARN or id as the AWS API takes it; `*` matches any run of characters (EventBridge `wildcard`). */
const ResourceNameSchema = z
  .string()
  .check(
    z.minLength(1),
    z.regex(/^[^\s"\\]+$/, { error: 'expected a name, ARN or id without spaces, quotes or backslashes' }),
  );
const names = z.optional(z.array(ResourceNameSchema).check(z.minLength(1)));

/**
 * rootwatch's own resources, which nobody may disable or weaken unseen: whoever calls an API that
 * does gets a critical `detector-tampering` finding (docs/tampering-and-takeover.md). The CDK
 * stacks build this list from what they deploy (the Rootwatch stack outputs it, `DetectorConfig`),
 * and the EventBridge patterns of the tampering rules are built from it (detection/tampering/).
 * Each list holds what the API calls name the resource by; `*` is a wildcard, and `["*"]` alone
 * means every resource of the kind (e.g. the one GuardDuty detector of each account and Region).
 * @example
 * { "eventRules": ["rootwatch-forward-root-activity"], "functions": ["Rootwatch-DetectorFunction-AbC"],
 *   "logGroups": ["/rootwatch/records"], "stacks": ["Rootwatch", "StackSet-rootwatch-forwarder-*"],
 *   "trails": ["organisation-trail"], "guardDutyDetectors": ["*"] }
 */
const ProtectedResourcesSchema = z.strictObject({
  /** EventBridge rule names (DisableRule, DeleteRule, PutRule, PutTargets, RemoveTargets). */
  eventRules: names,
  /** EventBridge Scheduler schedule names (DeleteSchedule, UpdateSchedule): the posture audit's and the completeness scan's. */
  schedules: names,
  /** Event bus names: DeleteEventBus, and PutPermission/RemovePermission on the bus policy. */
  eventBuses: names,
  /** Lambda function names (calls may name them by ARN or partial ARN: both are matched). */
  functions: names,
  /** KMS key ids or key ARNs (DisableKey, ScheduleKeyDeletion, PutKeyPolicy). */
  kmsKeys: names,
  /** SNS topic ARNs: the topic (DeleteTopic, SetTopicAttributes) and its subscriptions (Unsubscribe, SetSubscriptionAttributes). */
  snsTopics: names,
  /** CloudWatch Logs log group names (DeleteLogGroup, PutRetentionPolicy, DeleteSubscriptionFilter, …). */
  logGroups: names,
  /** CloudFormation stack names (DeleteStack, UpdateStack, ExecuteChangeSet, UpdateTerminationProtection). */
  stacks: names,
  /** CloudFormation StackSet names (DeleteStackSet, UpdateStackSet, DeleteStackInstances). */
  stackSets: names,
  /** CloudTrail trail names or ARNs (StopLogging, DeleteTrail, UpdateTrail, PutEventSelectors). */
  trails: names,
  /** GuardDuty detector ids (DeleteDetector, UpdateDetector with `enable: false`), if you list them. */
  guardDutyDetectors: names,
  /** AWS Config configuration recorder names (StopConfigurationRecorder, DeleteConfigurationRecorder), if you list them. */
  configRecorders: names,
});

type ProtectedResources = z.infer<typeof ProtectedResourcesSchema>;
type ProtectedResourceKind = keyof ProtectedResources;

/** The kinds, in the order findings and documents list them. */
const PROTECTED_RESOURCE_KINDS = Object.keys(ProtectedResourcesSchema.shape) as ProtectedResourceKind[];

export { ProtectedResourcesSchema, ResourceNameSchema, PROTECTED_RESOURCE_KINDS };
export type { ProtectedResources, ProtectedResourceKind };
