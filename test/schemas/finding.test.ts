import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import type { Finding } from '../../schemas/finding.ts';
import { sampleJson } from '../helpers/records.ts';

const aFinding = (): Finding => {
  const detection = new Detector().detect(sampleJson('sign-in/root-console-login-without-mfa.json'));
  if (detection.kind !== 'finding') throw new Error('the sample must give a finding');
  return detection.finding;
};

describe('Schema: Finding', () => {
  it('accepts what the detector produces', () => {
    // Prepare
    const finding = aFinding();

    // Assess
    expect(FindingSchema.parse(finding)).toStrictEqual(finding);
  });

  it('is strict: an undeclared field is rejected', () => {
    expect(FindingSchema.safeParse({ ...aFinding(), note: 'x' }).success).toBe(false);
  });

  it.each(['eventId', 'account', 'severity', 'controls', 'mfa', 'sourceIp'] as const)(
    'requires %s',
    (key) => {
      // Prepare
      const finding: Partial<Finding> = aFinding();
      delete finding[key];

      // Assess
      expect(FindingSchema.safeParse(finding).success).toBe(false);
    },
  );

  it('rejects values outside the contract', () => {
    expect(FindingSchema.safeParse({ ...aFinding(), severity: 'urgent' }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...aFinding(), schemaVersion: '2' }).success).toBe(false);
    expect(FindingSchema.safeParse({ ...aFinding(), mfa: 'yes' }).success).toBe(false);
  });
});
