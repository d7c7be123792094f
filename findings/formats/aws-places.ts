import type { Finding } from '../../schemas/finding.ts';

/** The partition of a Region: `aws-cn` (China), `aws-us-gov` (GovCloud), else `aws`. */
const partitionOf = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:(\d{1,3}\.){3}\d{1,3})?$/i;

/**
 * Whether CloudTrail's `sourceIPAddress` is an address: it can also be a service's DNS name
 * (`signin.amazonaws.com`) or `AWS Internal` [CT-REC].
 */
const ipVersionOf = (sourceIp: string | null): 4 | 6 | undefined =>
  sourceIp === null ? undefined : IPV4.test(sourceIp) ? 4 : IPV6.test(sourceIp) ? 6 : undefined;

/**
 * The event in the CloudTrail console's event history of its Region (the last 90 days, in the
 * account that recorded it: sign in to that account to open it).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events-console.html
 */
const cloudTrailEventUrl = (finding: Pick<Finding, 'region' | 'eventId'>): string =>
  `https://${finding.region}.console.aws.amazon.com/cloudtrailv2/home?region=${finding.region}#/events/${encodeURIComponent(finding.eventId)}`;

export { partitionOf, ipVersionOf, cloudTrailEventUrl };
