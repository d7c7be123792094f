/**
 * What makes a JSON value a CloudTrail record at all, before any rule reads it: the fields CloudTrail
 * has written on every event record since eventVersion 1.0 (`eventTime`, `eventVersion`, and the
 * `eventSource` and `eventName` of the call) [CT-REC]. A value without them is something else (a
 * config file, a finding, a credential report, a vendor's summary) and is reported as such, never
 * counted as "no root activity". Sanitised fixtures that drop `eventVersion` (some Panther tests)
 * are therefore not records either: the report names the field they lack.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
const RECORD_BASIS_FIELDS = ['eventVersion', 'eventTime', 'eventSource', 'eventName'] as const;

/**
 * CloudTrail Insights events are records too, with `eventType: "AwsCloudTrailInsight"`: they carry
 * `eventSource` and `eventName` inside `insightDetails`, not at the top [CT-REC], [CT-REC-2023].
 */
const INSIGHT_EVENT_TYPE = 'AwsCloudTrailInsight';
const INSIGHT_BASIS_FIELDS = ['eventVersion', 'eventTime'] as const;

/** The code of the validation issue that says a value is not a CloudTrail record. */
const NOT_A_CLOUDTRAIL_RECORD = 'not_a_cloudtrail_record';

export { RECORD_BASIS_FIELDS, INSIGHT_EVENT_TYPE, INSIGHT_BASIS_FIELDS, NOT_A_CLOUDTRAIL_RECORD };
