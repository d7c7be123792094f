import {
  INSIGHT_BASIS_FIELDS,
  INSIGHT_EVENT_TYPE,
  NOT_A_CLOUDTRAIL_RECORD,
  RECORD_BASIS_FIELDS,
} from '../schemas/cloudtrail-record-basis.ts';
import { formatPath } from '../schemas/validation-issue.ts';
import type { ValidationIssue } from '../schemas/validation-issue.ts';
import { field, isEnvelope } from './root-relation.ts';

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** The basis fields (non-empty strings) `record` lacks; none for a CloudTrail record. */
const missingBasis = (record: Record<string, unknown>): string[] => {
  const fields = record.eventType === INSIGHT_EVENT_TYPE ? INSIGHT_BASIS_FIELDS : RECORD_BASIS_FIELDS;
  return fields.filter((name) => typeof record[name] !== 'string' || record[name] === '');
};

/**
 * Why `value` (found at `path` of its input) is not a CloudTrail record, as one validation issue; none
 * when it is one (schemas/cloudtrail-record-basis.ts). A few property reads: every record of `classify`
 * passes here, root-related or not.
 */
const notCloudTrailRecord = (
  value: unknown,
  path: readonly PropertyKey[] = [],
): ValidationIssue | undefined => {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const missing = isObject ? missingBasis(value as Record<string, unknown>) : [];
  if (isObject && missing.length === 0) return undefined;
  const all = RECORD_BASIS_FIELDS.join(', ');
  let message: string;
  if (!isObject) message = `not a CloudTrail record, EventBridge envelope or log file, but ${kindOf(value)}`;
  else if (missing.length === RECORD_BASIS_FIELDS.length)
    message = `not a CloudTrail record, EventBridge envelope or log file: it has none of ${all}`;
  else message = `not a CloudTrail record: no ${missing.join(', ')} (every CloudTrail record has ${all})`;
  return { path: formatPath(path) || '(root)', code: NOT_A_CLOUDTRAIL_RECORD, message };
};

/** The same judgement of one input, as the detector makes it: a record, or an envelope's `detail`. */
const notCloudTrailInput = (input: unknown): ValidationIssue | undefined =>
  isEnvelope(input) ? notCloudTrailRecord(field(input, 'detail'), ['detail']) : notCloudTrailRecord(input);

export { notCloudTrailRecord, notCloudTrailInput };
