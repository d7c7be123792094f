import { describe, expect, it } from 'vitest';
import { CloudTrailRecordCheck } from '../../schemas/cloudtrail-record-check.ts';
import { CloudTrailRecordSchema } from '../../schemas/cloudtrail-record.ts';
import { rootRelation } from '../../detection/root-relation.ts';
import { listSampleFiles, sampleValues } from '../helpers/sample-events.ts';
import { CloudTrailEnvelopeSchema } from '../../schemas/cloudtrail-envelope.ts';
import { CloudTrailLogFileSchema } from '../../schemas/cloudtrail-log-file.ts';
import { toValidationIssues } from '../../schemas/validation-issue.ts';
import { sampleJson, sampleRecord } from '../helpers/records.ts';

const base = () => sampleRecord('console-session/root-console-session-create-user.json');
const issuesOf = (input: unknown) => {
  const result = CloudTrailRecordSchema.safeParse(input);
  return result.success ? [] : toValidationIssues(result.error).map(({ path, code }) => ({ path, code }));
};

describe('Schema: CloudTrailRecord', () => {
  it('keeps fields it does not know', () => {
    // Prepare
    const record = { ...base(), addendum: { reason: 'DELIVERY_DELAY' }, futureField: [1, 2] };

    // Act
    const parsed = CloudTrailRecordSchema.parse(record);

    // Assess
    expect(parsed).toStrictEqual(record);
  });

  it.each(['1.0', '1.02', '1.11', '2.0', '10.123'])('accepts eventVersion %s', (eventVersion) => {
    expect(issuesOf({ ...base(), eventVersion })).toStrictEqual([]);
  });

  it.each(['1', '1.1.1', 'v1.08', '1.x'])('rejects eventVersion %s with its path', (eventVersion) => {
    expect(issuesOf({ ...base(), eventVersion })).toStrictEqual([
      { path: 'eventVersion', code: 'invalid_format' },
    ]);
  });

  it.each(['true', true, 'false', false])('accepts sessionCredentialFromConsole %s', (flag) => {
    expect(issuesOf({ ...base(), sessionCredentialFromConsole: flag })).toStrictEqual([]);
  });

  it('accepts a free-text awsRegion such as "global", and no userIdentity.type', () => {
    // Prepare
    const record = base();
    delete record.userIdentity.type;

    // Assess
    expect(issuesOf({ ...record, awsRegion: 'global' })).toStrictEqual([]);
  });

  it('accepts null requestParameters and responseElements', () => {
    // Prepare
    const record: Record<string, unknown> = { ...base(), requestParameters: null, responseElements: null };

    // Assess
    expect(issuesOf(record)).toStrictEqual([]);
  });

  it('requires eventVersion, which every CloudTrail record carries (cloudtrail-record-basis.ts)', () => {
    // Prepare
    const record: Record<string, unknown> = base();
    delete record.eventVersion;

    // Assess
    expect(issuesOf(record)).toStrictEqual([{ path: 'eventVersion', code: 'invalid_type' }]);
  });

  it('reports every field it needs that is missing or of the wrong type', () => {
    // Prepare
    const record: Record<string, unknown> = {
      ...base(),
      eventTime: 'redacted',
      eventName: 7,
      requestParameters: 'x',
    };
    delete record.eventID;

    // Assess
    expect(issuesOf(record)).toStrictEqual([
      { path: 'eventTime', code: 'invalid_format' },
      { path: 'eventID', code: 'invalid_type' },
      { path: 'eventName', code: 'invalid_type' },
      { path: 'requestParameters', code: 'custom' },
    ]);
  });
});

describe('Schema: CloudTrailRecordCheck', () => {
  it('passes what the contract passes, and the contract returns every valid sample record unchanged', async () => {
    // Prepare
    const records: unknown[] = [];
    for (const file of listSampleFiles()) {
      for (const value of await sampleValues(file)) {
        const record = (value as { 'detail-type'?: unknown; detail?: unknown })['detail-type']
          ? (value as { detail: unknown }).detail
          : value;
        if (rootRelation(record) !== 'assume-root-call') records.push(record);
      }
    }

    // Act
    const results = records.map((record) => ({
      record,
      contract: CloudTrailRecordSchema.safeParse(record),
      check: CloudTrailRecordCheck.safeParse(record),
    }));

    // Assess
    expect(results.length).toBeGreaterThan(50);
    for (const { record, contract, check } of results) {
      expect(check.success).toBe(contract.success);
      if (contract.success) expect(contract.data).toStrictEqual(record);
    }
  });

  it('reports the same issues as the contract', () => {
    // Prepare
    const record: Record<string, unknown> = { ...base(), eventTime: 'soon', userIdentity: { type: 7 } };

    // Act
    const contract = CloudTrailRecordSchema.safeParse(record);
    const check = CloudTrailRecordCheck.safeParse(record);

    // Assess
    expect(check.error?.issues).toStrictEqual(contract.error?.issues);
    expect(check.error?.issues.map((issue) => issue.path.join('.'))).toStrictEqual([
      'eventTime',
      'userIdentity.type',
    ]);
  });
});

describe('Schema: CloudTrailEnvelope', () => {
  it('parses an EventBridge envelope whose detail is a record, prefixing detail paths', () => {
    // Prepare
    const envelope = sampleJson('sign-in/root-console-login-eventbridge-global-region.json');
    const broken = { ...envelope, detail: { ...(envelope.detail as object), eventTime: 'later' } };

    // Act
    const good = CloudTrailEnvelopeSchema.safeParse(envelope);
    const bad = CloudTrailEnvelopeSchema.safeParse(broken);

    // Assess
    expect(good.success).toBe(true);
    expect(bad.success ? [] : toValidationIssues(bad.error).map((issue) => issue.path)).toStrictEqual([
      'detail.eventTime',
    ]);
  });
});

describe('Schema: CloudTrailLogFile', () => {
  it('needs a Records array and leaves the records to be validated one by one', () => {
    expect(CloudTrailLogFileSchema.safeParse({ Records: [{}, 'x'] }).success).toBe(true);
    expect(CloudTrailLogFileSchema.safeParse({ Records: {} }).success).toBe(false);
  });
});
