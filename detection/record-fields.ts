import type { CloudTrailRecord } from '../schemas/cloudtrail-record.ts';

/** `"true"`, `"True"` or `true` → true; `"false"`/`false` → false; anything else → null (unknown). */
const flag = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
};

const AMAZONAWS = '.amazonaws.com';

/** `iam.amazonaws.com` → `iam`, so that event keys read like IAM actions (`iam:CreateAccessKey`). */
const serviceOf = (eventSource: string): string =>
  eventSource.endsWith(AMAZONAWS) ? eventSource.slice(0, -AMAZONAWS.length) : eventSource;

/** `<service>:<EventName>`, the key every event table in detection/ uses. */
const eventKey = (record: Pick<CloudTrailRecord, 'eventSource' | 'eventName'>): string =>
  `${serviceOf(record.eventSource)}:${record.eventName}`;

/** The access key id, or undefined when absent or blank ("" on sign-ins [CT-UID]). */
const accessKeyOf = (record: CloudTrailRecord): string | undefined =>
  record.userIdentity.accessKeyId || undefined;

const requestParameter = (record: CloudTrailRecord, name: string): unknown =>
  record.requestParameters?.[name];

export { flag, serviceOf, eventKey, accessKeyOf, requestParameter };
