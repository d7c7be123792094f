import type { ProtectedResourceKind } from '../../schemas/protected-resources.ts';
import type { EventPattern } from '../rule-pattern.ts';

/**
 * How a request parameter names a resource, which decides the names it is matched against
 * (tampering-names.ts): a plain name; a Lambda function by name, ARN or partial ARN; a KMS key by id
 * or ARN; an SNS topic by ARN, or one of its subscriptions by the subscription ARN (the topic ARN
 * and an id); an event bus, stack, StackSet or trail by name or ARN (or StackSet id).
 */
type NameForm =
  'name' | 'bus' | 'function' | 'key' | 'topic' | 'subscription' | 'stack' | 'stack-set' | 'trail';

/** API calls that disable or weaken one kind of rootwatch resource, and where their record names it. */
interface TamperingCalls {
  /** `events` for `events.amazonaws.com`; its CloudTrail events reach EventBridge with source `aws.events`. */
  service: string;
  /** The CloudTrail `eventName`s, which for Lambda carry the API version (`DeleteFunction20150331`). */
  eventNames: readonly string[];
  kind: ProtectedResourceKind;
  /** The `requestParameters` field that names the resource. */
  field: string;
  form: NameForm;
  /** Further conditions on `requestParameters`, as pattern data: only these calls weaken the resource. */
  also?: EventPattern;
  /** The AWS pages the event names and fields rest on. */
  source: string;
}

/**
 * Every call rootwatch treats as tampering with its own resources, whoever makes it. Field names are
 * the API's request members as CloudTrail records them (first letter lower-cased, e.g. PutRule's
 * `name`, shown in the EventBridge CloudTrail example; DeleteFunction's `functionName` in Lambda's).
 * Calls that only add or read are not here; nor are changes CloudTrail does not record.
 */
const TAMPERING_CALLS: readonly TamperingCalls[] = [
  {
    service: 'events',
    eventNames: ['DisableRule', 'DeleteRule', 'PutRule'],
    kind: 'eventRules',
    field: 'name',
    form: 'name',
    source:
      'EventBridge API DisableRule, DeleteRule, PutRule (Name); CloudTrail PutRule example: https://docs.aws.amazon.com/eventbridge/latest/userguide/logging-using-cloudtrail.html',
  },
  {
    service: 'events',
    eventNames: ['PutTargets', 'RemoveTargets'],
    kind: 'eventRules',
    field: 'rule',
    form: 'name',
    source:
      'EventBridge API PutTargets, RemoveTargets (Rule): https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemoveTargets.html',
  },
  {
    service: 'scheduler',
    eventNames: ['DeleteSchedule', 'UpdateSchedule'],
    kind: 'schedules',
    field: 'name',
    form: 'name',
    source:
      'EventBridge Scheduler API DeleteSchedule, UpdateSchedule (Name, GroupName); source aws.scheduler: https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-scheduler.html',
  },
  {
    service: 'events',
    eventNames: ['DeleteEventBus'],
    kind: 'eventBuses',
    field: 'name',
    form: 'bus',
    source: 'EventBridge API DeleteEventBus (Name)',
  },
  {
    service: 'events',
    eventNames: ['PutPermission', 'RemovePermission'],
    kind: 'eventBuses',
    field: 'eventBusName',
    form: 'bus',
    source:
      'EventBridge API PutPermission, RemovePermission (EventBusName): https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemovePermission.html',
  },
  {
    service: 'lambda',
    eventNames: [
      'DeleteFunction20150331',
      'PutFunctionConcurrency20171031',
      'UpdateFunctionConfiguration20150331v2',
      'UpdateFunctionCode20150331v2',
      'RemovePermission20150331v2',
      'PutFunctionEventInvokeConfig',
      'UpdateFunctionEventInvokeConfig',
      'DeleteFunctionEventInvokeConfig',
    ],
    kind: 'functions',
    field: 'functionName',
    form: 'function',
    source:
      'Lambda actions logged by CloudTrail, with their event names: https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html (DeleteFunctionEventInvokeConfig is not listed there: matched in case it is recorded)',
  },
  {
    service: 'kms',
    eventNames: ['DisableKey', 'ScheduleKeyDeletion', 'PutKeyPolicy'],
    kind: 'kmsKeys',
    field: 'keyId',
    form: 'key',
    source:
      'KMS API DisableKey, ScheduleKeyDeletion, PutKeyPolicy (KeyId: key id or key ARN): https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html',
  },
  {
    service: 'sns',
    eventNames: ['DeleteTopic', 'SetTopicAttributes', 'RemovePermission'],
    kind: 'snsTopics',
    field: 'topicArn',
    form: 'topic',
    source: 'SNS API DeleteTopic, SetTopicAttributes, RemovePermission (TopicArn)',
  },
  {
    service: 'sns',
    eventNames: ['Unsubscribe', 'SetSubscriptionAttributes'],
    kind: 'snsTopics',
    field: 'subscriptionArn',
    form: 'subscription',
    source:
      'SNS API Unsubscribe, SetSubscriptionAttributes (SubscriptionArn: the topic ARN and an id): https://docs.aws.amazon.com/sns/latest/api/API_Unsubscribe.html',
  },
  {
    service: 'logs',
    eventNames: [
      'DeleteLogGroup',
      'PutRetentionPolicy',
      'DeleteSubscriptionFilter',
      'DeleteMetricFilter',
      'DeleteLogStream',
      'DisassociateKmsKey',
    ],
    kind: 'logGroups',
    field: 'logGroupName',
    form: 'name',
    source: 'CloudWatch Logs API (logGroupName); CloudTrail DeleteLogGroup capture (splunk security_content)',
  },
  {
    service: 'cloudformation',
    eventNames: ['DeleteStack', 'UpdateStack', 'ExecuteChangeSet', 'UpdateTerminationProtection'],
    kind: 'stacks',
    field: 'stackName',
    form: 'stack',
    source:
      'CloudFormation API DeleteStack, UpdateStack, ExecuteChangeSet, UpdateTerminationProtection (StackName: name or stack id)',
  },
  {
    service: 'cloudformation',
    eventNames: ['DeleteStackSet', 'UpdateStackSet', 'DeleteStackInstances'],
    kind: 'stackSets',
    field: 'stackSetName',
    form: 'stack-set',
    source:
      'CloudFormation API DeleteStackSet, UpdateStackSet, DeleteStackInstances (StackSetName: name or id)',
  },
  {
    service: 'cloudtrail',
    eventNames: ['StopLogging', 'DeleteTrail', 'UpdateTrail'],
    kind: 'trails',
    field: 'name',
    form: 'trail',
    source:
      'CloudTrail API StopLogging, DeleteTrail, UpdateTrail (Name: name or ARN); stratus-red-team captures',
  },
  {
    service: 'cloudtrail',
    eventNames: ['PutEventSelectors'],
    kind: 'trails',
    field: 'trailName',
    form: 'trail',
    source: 'CloudTrail API PutEventSelectors (TrailName); stratus-red-team capture',
  },
  {
    service: 'guardduty',
    eventNames: ['DeleteDetector'],
    kind: 'guardDutyDetectors',
    field: 'detectorId',
    form: 'name',
    source: 'GuardDuty API DeleteDetector (DetectorId); streamalert fixture',
  },
  {
    service: 'guardduty',
    eventNames: ['UpdateDetector'],
    kind: 'guardDutyDetectors',
    field: 'detectorId',
    form: 'name',
    also: { enable: [false] },
    source: 'GuardDuty API UpdateDetector (DetectorId, Enable); streamalert fixture with "enable": false',
  },
  {
    service: 'config',
    eventNames: ['StopConfigurationRecorder', 'DeleteConfigurationRecorder'],
    kind: 'configRecorders',
    field: 'configurationRecorderName',
    form: 'name',
    source: 'AWS Config API StopConfigurationRecorder, DeleteConfigurationRecorder; streamalert fixture',
  },
];

export { TAMPERING_CALLS };
export type { TamperingCalls, NameForm };
