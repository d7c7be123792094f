import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readItems } from '../../cli/input/read-items.ts';
import { Detector } from '../../detection/detector.ts';
import type { Detection } from '../../detection/detector.ts';
import { field, rootRelation } from '../../detection/root-relation.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { readJsonLines } from '../helpers/peer-cases.ts';
import { SHARED_DIR } from '../helpers/paths.ts';

const REAL_DIR = join(SHARED_DIR, 'cloudtrail-real');
const manifest = JSON.parse(readFileSync(join(REAL_DIR, 'manifest.json'), 'utf8')) as {
  file: string;
  records: number;
}[];

/**
 * Root records of the real data that are expected to fail validation, with the fields that fail:
 * fixtures that omit or fake what a finding needs. Anything else that fails is a bug.
 */
const EXPECTED_INVALID: Record<string, string[]> = {
  'panther-analysis/rules__aws_cloudtrail_rules__aws_cloudtrail_password_spraying.json#3': [
    'eventVersion',
    'eventTime',
    'eventID',
  ],
  'panther-analysis/rules__aws_cloudtrail_rules__aws_root_activity.json#3': ['eventTime'],
  'streamalert/rules__community__cloudwatch_events__cloudtrail_root_account_usage.json#0': [
    'eventVersion',
    'eventTime',
  ],
  'streamalert/rules__community__cloudwatch_events__cloudtrail_root_account_usage.json#1': [
    'eventVersion',
    'eventTime',
  ],
};

/**
 * Values of the real data that are not CloudTrail records (record-basis.ts), by file and by the basis
 * fields they lack: Panther's sanitised fixtures drop eventVersion (and at times eventTime or
 * eventSource), and the AWS guide's Insights example is the insightDetails block, not a record.
 */
const NOT_RECORDS: Record<string, Record<string, number>> = {
  'panther-analysis/rules__aws_cloudtrail_rules__aws_cloudtrail_password_spraying.json': {
    'eventVersion, eventTime': 3,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_console_getsignintoken.json': { eventVersion: 3 },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_console_login_without_mfa.json': {
    'eventVersion, eventTime': 1,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_ec2_ebs_encryption_disabled.json': {
    'eventVersion, eventTime': 1,
    eventVersion: 1,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_imds_credential_exfiltration.json': { eventVersion: 10 },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_resource_made_public.json': { eventVersion: 6 },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_s3_bucket_deleted.json': {
    'eventVersion, eventTime, eventSource': 2,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_s3_copy_object_to_external_account_bucket.json': {
    eventVersion: 1,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_sts_getcalleridentity_trufflehog.json': {
    eventVersion: 4,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_sts_getsessiontoken_misuse.json': { eventVersion: 3 },
  'panther-analysis/rules__aws_cloudtrail_rules__aws_vpce_s3_external_ip.json': {
    eventVersion: 2,
    'eventVersion, eventTime': 1,
  },
  'panther-analysis/rules__aws_cloudtrail_rules__retrieve_sso_access_token.json': { eventTime: 1 },
  'panther-analysis/rules__indicator_creation_rules__new_user_account_logging.json': {
    'eventVersion, eventTime, eventSource': 1,
  },
  'awsdocs-aws-cloudtrail-user-guide/cloudtrail-event-reference-insight-details.json': {
    'eventVersion, eventTime': 1,
  },
};

/** The basis fields a "not a CloudTrail record" issue names as missing. */
const missingFields = (message: string): string =>
  /^not a CloudTrail record: no ([^(]+) \(/.exec(message)?.[1] ?? message;

const recordOf = (value: unknown): unknown =>
  field(value, 'detail-type') !== undefined ? field(value, 'detail') : value;

describe('Real CloudTrail data: ../shared/cloudtrail-real', () => {
  it('classifies every record: root ones give a finding or a reported validation error', async () => {
    // Prepare
    const detector = new Detector();
    const invalid: Record<string, string[]> = {};
    const notRecords: Record<string, Record<string, number>> = {};
    let records = 0;
    let rootFindings = 0;

    // Act
    for (const { file, records: expectedRecords } of manifest) {
      const values: unknown[] = [];
      for await (const item of readItems([join(REAL_DIR, file)])) {
        if (item.kind === 'unreadable') throw new Error(`${file}: ${item.reason}`);
        values.push(item.value);
      }
      expect(values.length, file).toBe(expectedRecords);
      records += values.length;
      values.forEach((value, index) => {
        const detection: Detection = detector.detect(value);
        const root = rootRelation(recordOf(value));
        if (detection.kind === 'finding') {
          rootFindings += 1;
          expect(FindingSchema.safeParse(detection.finding).success).toBe(true);
        }
        const notRecord =
          detection.kind === 'invalid' && detection.issues[0]?.code === 'not_a_cloudtrail_record';
        if (notRecord) {
          const missing = missingFields(detection.issues[0]!.message);
          (notRecords[file] ??= {})[missing] = (notRecords[file]?.[missing] ?? 0) + 1;
        } else if (detection.kind === 'invalid')
          invalid[`${file}#${index}`] = detection.issues.map((issue) => issue.path);
        if (root === 'root' || root === 'root-federation')
          expect(detection.kind, `${file}#${index}`).not.toBe('ignored');
        if (!root && !notRecord)
          expect(detection).toMatchObject({ kind: 'ignored', reason: 'not-root-activity' });
      });
    }

    // Assess
    expect(invalid).toStrictEqual(EXPECTED_INVALID);
    expect(notRecords).toStrictEqual(NOT_RECORDS);
    expect(records).toBe(manifest.reduce((sum, entry) => sum + entry.records, 0));
    expect(rootFindings).toBe(50);
  });

  it.each(['peer_scenarios.jsonl', 'aws_doc_signin_examples.jsonl'])(
    'gives a finding for every root record of %s',
    (file) => {
      // Prepare
      const events = readJsonLines<{ event: unknown }>(file).map((line) => line.event);
      const detector = new Detector();

      // Act
      const detections = events.map((event) => ({
        root: rootRelation(event),
        detection: detector.detect(event),
      }));

      // Assess
      const rootDetections = detections.filter(({ root }) => root === 'root');
      expect(rootDetections.length).toBeGreaterThan(0);
      expect(rootDetections.map(({ detection }) => detection.kind)).toStrictEqual(
        rootDetections.map(() => 'finding'),
      );
      expect(
        detections.filter(({ root }) => !root).every(({ detection }) => detection.kind === 'ignored'),
      ).toBe(true);
    },
  );
});
