import type { HeartbeatEvent } from '../../schemas/heartbeat-event.ts';
import { functionPlace } from '../function-place.ts';

/**
 * The synthetic root record a heartbeat is turned into, so that it crosses the same validation,
 * classifier, record and alert path as a real event. Clearly marked: event source
 * `rootwatch.heartbeat`, event id `rootwatch-heartbeat-<time>`, user agent `rootwatch-heartbeat`.
 */
const heartbeatRecord = (heartbeat: HeartbeatEvent, now: Date, functionArn: string | undefined) => {
  const time = heartbeat.time ?? now.toISOString();
  const { account, region } = functionPlace(functionArn);
  return {
    eventVersion: '1.11',
    eventTime: time,
    eventID: `rootwatch-heartbeat-${time}`,
    eventSource: 'rootwatch.heartbeat',
    eventName: 'Heartbeat',
    eventType: 'AwsApiCall',
    awsRegion: region,
    sourceIPAddress: 'rootwatch-heartbeat',
    userAgent: 'rootwatch-heartbeat',
    readOnly: true,
    recipientAccountId: account,
    userIdentity: { type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root` },
  };
};

export { heartbeatRecord };
