import { describe, expect, it } from 'vitest';
import { toAsffFinding } from '../../../findings/formats/asff.ts';
import { findingText } from '../../../findings/formats/finding-text.ts';
import { toOcsfDetectionFinding } from '../../../findings/formats/ocsf.ts';
import { findingSubject } from '../../../findings/notifications/finding-subject.ts';
import { AsffFindingSchema } from '../../../schemas/asff-finding.ts';
import type { Finding } from '../../../schemas/finding.ts';
import { OcsfDetectionFindingSchema } from '../../../schemas/ocsf-detection-finding.ts';
import { onlyFinding } from '../../helpers/sample-findings.ts';

const LATE = {
  detectedAt: '2022-11-11T01:00:41Z',
  object: 's3://org-trail-logs/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/us-east-1/2022/11/10/x.json.gz',
};
const foundLate = async (): Promise<Finding> => ({
  ...(await onlyFinding('sign-in/root-console-login-without-mfa.json')).finding,
  lateDetection: LATE,
});

describe('Formats: a finding the completeness scan found late', () => {
  it('says so in the text format, before the event line', async () => {
    // Act
    const lines = findingText(await foundLate()).split('\n');

    // Assess
    expect(lines.slice(-2)).toStrictEqual([
      `  found late: missed by the live path, found in the trail at ${LATE.detectedAt} in ${LATE.object}`,
      '  event deb1e1f9-c99b-4612-8e9f-21f93b5d79c0  signin:ConsoleLogin  CIS 3.0.0 1.7, 1.5',
    ]);
  });

  it('says so in the subject', async () => {
    // Act
    const subject = findingSubject(await foundLate());

    // Assess
    expect(subject).toBe('[CRITICAL, late] Root sign-in without MFA in 111122223333 from 192.0.2.0');
  });

  it('carries it in OCSF among rootwatch’s own fields, still a valid Detection Finding', async () => {
    // Act
    const ocsf = toOcsfDetectionFinding(await foundLate());

    // Assess
    expect(ocsf).toMatchObject({ unmapped: { rootwatch: { lateDetection: LATE } } });
    expect(OcsfDetectionFindingSchema.safeParse(ocsf).success).toBe(true);
  });

  it('carries it in the ASFF product fields, still a valid Security Hub finding', async () => {
    // Act
    const asff = toAsffFinding(await foundLate(), {
      productAccount: '999988887777',
      productRegion: 'us-east-1',
    });

    // Assess
    expect(asff.ProductFields).toMatchObject({
      'rootwatch/lateDetectionAt': LATE.detectedAt,
      'rootwatch/lateDetectionObject': LATE.object,
    });
    expect(AsffFindingSchema.safeParse(asff).success).toBe(true);
  });
});
