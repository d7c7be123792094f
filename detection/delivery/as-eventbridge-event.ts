import { serviceOf } from '../record-fields.ts';
import { field } from '../root-relation.ts';

/** The `detail-type` CloudTrail events carry on the default bus, by `eventType` [EB-CT]. */
const DETAIL_TYPE_BY_EVENT_TYPE: Record<string, string> = {
  AwsApiCall: 'AWS API Call via CloudTrail',
  AwsConsoleSignIn: 'AWS Console Sign In via CloudTrail',
  AwsConsoleAction: 'AWS Console Action via CloudTrail',
  AwsServiceEvent: 'AWS Service Event via CloudTrail',
  AwsVpceEvents: 'AWS Network Activity Event via CloudTrail',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * A CloudTrail record as EventBridge would deliver it from the default bus: the envelope around the
 * record (`source` `aws.<service>`, `account`, `region`, `detail-type` from the event type). Used to
 * replay records through the real handler and to check them against the rule pattern. An envelope
 * is returned as it is.
 */
const asEventBridgeEvent = (input: unknown): Record<string, unknown> => {
  if (field(input, 'detail-type') !== undefined) return input as Record<string, unknown>;
  const eventSource = text(field(input, 'eventSource')) ?? 'unknown.amazonaws.com';
  const region = text(field(input, 'awsRegion'));
  return {
    version: '0',
    id: text(field(input, 'eventID')) ?? 'rootwatch-replay',
    'detail-type':
      DETAIL_TYPE_BY_EVENT_TYPE[text(field(input, 'eventType')) ?? 'AwsApiCall'] ??
      'AWS API Call via CloudTrail',
    source: `aws.${serviceOf(eventSource).split('.')[0]}`,
    account:
      text(field(input, 'recipientAccountId')) ??
      text(field(field(input, 'userIdentity'), 'accountId')) ??
      '000000000000',
    time: text(field(input, 'eventTime')) ?? new Date(0).toISOString(),
    region: region && region !== 'global' ? region : 'us-east-1',
    resources: [],
    detail: input,
  };
};

export { asEventBridgeEvent, DETAIL_TYPE_BY_EVENT_TYPE };
