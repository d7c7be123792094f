import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { notCloudTrailRecord } from '../../detection/record-basis.ts';
import { sampleJson } from '../helpers/records.ts';

/** A real non-root CloudTrail record: an IAM user's call, as CloudTrail writes it. */
const IAM_USER_CALL = {
  eventVersion: '1.08',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' },
  eventTime: '2025-06-02T09:14:31Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'ListBuckets',
  awsRegion: 'us-east-1',
  eventID: 'b1e4c0de-0000-4000-8000-000000000001',
};

/** An Insights event: its eventSource and eventName are inside insightDetails [CT-REC-2023]. */
const INSIGHT = {
  eventVersion: '1.08',
  eventTime: '2020-04-06T17:47:00Z',
  awsRegion: 'us-east-1',
  eventID: '4c7b0e3c-0000-4000-8000-000000000002',
  eventType: 'AwsCloudTrailInsight',
  recipientAccountId: '111122223333',
  insightDetails: { state: 'Start', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' },
  eventCategory: 'Insight',
};

const { eventVersion: _version, ...withoutVersion } = IAM_USER_CALL;
const { eventTime: _time, eventSource: _source, ...withoutTimeAndSource } = IAM_USER_CALL;

describe('Record basis: what is a CloudTrail record at all', () => {
  it.each([
    {
      scenario: 'an unrelated object',
      value: { a: 1 },
      message: 'it has none of eventVersion, eventTime, eventSource, eventName',
    },
    {
      scenario: 'a record-like stub',
      value: { foo: 1 },
      message: 'it has none of eventVersion, eventTime, eventSource, eventName',
    },
    { scenario: 'an empty object', value: {}, message: 'it has none of' },
    { scenario: 'a number', value: 7, message: 'but a number' },
    { scenario: 'a string', value: 'ConsoleLogin', message: 'but a string' },
    { scenario: 'null', value: null, message: 'but null' },
    { scenario: 'an array', value: [IAM_USER_CALL], message: 'but an array' },
    {
      scenario: 'a record without eventVersion',
      value: withoutVersion,
      message: 'not a CloudTrail record: no eventVersion (',
    },
    {
      scenario: 'a record without eventTime and eventSource',
      value: withoutTimeAndSource,
      message: 'no eventTime, eventSource (',
    },
    {
      scenario: 'a record with an empty eventName',
      value: { ...IAM_USER_CALL, eventName: '' },
      message: 'no eventName (',
    },
    {
      scenario: 'a record with a numeric eventTime',
      value: { ...IAM_USER_CALL, eventTime: 1 },
      message: 'no eventTime (',
    },
  ])('$scenario is not a record: $message', ({ value, message }) => {
    // Act
    const issue = notCloudTrailRecord(value, [3]);

    // Assess
    expect(issue).toMatchObject({ path: '[3]', code: 'not_a_cloudtrail_record' });
    expect(issue?.message).toContain(message);
  });

  it.each([
    { scenario: 'a non-root API call', value: IAM_USER_CALL },
    { scenario: 'an Insights event', value: INSIGHT },
  ])('$scenario is a record', ({ value }) => {
    expect(notCloudTrailRecord(value)).toBeUndefined();
  });
});

describe('Detector: input that is not CloudTrail is invalid, a non-root record is a quiet non-finding', () => {
  it.each([
    { scenario: '{"a":1}', input: { a: 1 }, path: '(root)' },
    {
      scenario: 'an envelope whose detail is no record',
      input: { 'detail-type': 'AWS API Call via CloudTrail', detail: { foo: 1 } },
      path: 'detail',
    },
    {
      scenario: 'an EC2 state-change envelope',
      input: {
        'detail-type': 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        detail: { 'instance-id': 'i-1', state: 'running' },
      },
      path: 'detail',
    },
  ])('$scenario: invalid at $path', ({ input, path }) => {
    // Act
    const detection = new Detector().detect(input);

    // Assess
    expect(detection).toMatchObject({ kind: 'invalid', issues: [{ path, code: 'not_a_cloudtrail_record' }] });
  });

  it.each([
    { scenario: 'an IAM user call', input: IAM_USER_CALL },
    { scenario: 'an Insights event', input: INSIGHT },
    {
      scenario: 'a non-root sign-in envelope',
      input: sampleJson('negatives/assumed-role-console-login-global-region.json'),
    },
  ])('$scenario: ignored, not-root-activity', ({ input }) => {
    expect(new Detector().detect(input)).toMatchObject({ kind: 'ignored', reason: 'not-root-activity' });
  });

  it('reports a root record without eventVersion by the full schema, field by field', () => {
    // Prepare
    const { eventVersion: _v, ...record } = sampleJson('sign-in/root-console-login-failed.json') as Record<
      string,
      unknown
    >;

    // Act
    const detection = new Detector().detect(record);

    // Assess
    expect(detection).toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'eventVersion', code: 'invalid_type' }],
    });
  });
});
