import { describe, expect, it } from 'vitest';
import { PostureResultSchema } from '../../schemas/posture-result.ts';
import { RootPostureFactsSchema } from '../../schemas/root-posture-facts.ts';

const aResult = () => ({
  account: '444455556666',
  check: 'root-access-keys',
  status: 'fail',
  controls: [
    {
      framework: 'CIS AWS Foundations Benchmark',
      version: '3.0.0',
      id: '1.4',
      title: "Ensure no 'root' user account access key exists",
    },
  ],
  detail: 'root access key 1 is active',
  evidence: { access_key_1_active: 'true', access_key_2_active: 'false' },
});

describe('Schema: posture result', () => {
  it('accepts a result', () => {
    expect(PostureResultSchema.parse(aResult())).toStrictEqual(aResult());
  });

  it.each([
    { field: 'check', value: 'root-password' },
    { field: 'status', value: 'warn' },
    { field: 'detail', value: 'two\nlines' },
    { field: 'detail', value: '' },
    { field: 'note', value: 'an undeclared field' },
  ])('rejects $field = $value', ({ field, value }) => {
    expect(PostureResultSchema.safeParse({ ...aResult(), [field]: value }).success).toBe(false);
  });
});

describe('Schema: root posture facts', () => {
  it('accepts the answers of the AWS mode, keeping the devices as IAM returns them', () => {
    // Prepare
    const facts = {
      organizationFeatures: ['RootCredentialsManagement', 'RootSessions'],
      rootLoginProfile: 'absent',
      virtualMfaDevices: [
        {
          SerialNumber: 'arn:aws:iam::111122223333:mfa/alice',
          User: { Arn: 'arn:aws:iam::111122223333:user/alice' },
        },
        { SerialNumber: 'arn:aws:iam::111122223333:mfa/spare' },
      ],
    };

    // Assess
    expect(RootPostureFactsSchema.parse(facts)).toStrictEqual(facts);
  });

  it.each([
    { rootLoginProfile: 'maybe' },
    { virtualMfaDevices: [{ User: {} }] },
    { organisationFeatures: [] },
  ])('rejects %o', (facts) => {
    expect(RootPostureFactsSchema.safeParse(facts).success).toBe(false);
  });
});
