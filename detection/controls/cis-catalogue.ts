import type { CisVersion } from '../../schemas/detector-config.ts';
import type { Control } from '../../schemas/finding.ts';

/**
 * The CIS recommendations rootwatch can cite, by topic. `access-key-rotation` is not about root: no CIS
 * recommendation asks to rotate root's keys (it asks that none exist); the posture audit cites the
 * general rotation recommendation, which covers every access key, root's included.
 */
type CisTopic =
  'avoid-root-use' | 'no-root-access-key' | 'root-mfa' | 'root-hardware-mfa' | 'access-key-rotation';

const TITLES_1_2: Record<CisTopic, string> = {
  'avoid-root-use': 'Avoid the use of the "root" account',
  'no-root-access-key': 'Ensure no root account access key exists',
  'root-mfa': 'Ensure MFA is enabled for the "root" account',
  'root-hardware-mfa': 'Ensure hardware MFA is enabled for the "root" account',
  'access-key-rotation': 'Ensure access keys are rotated every 90 days or less',
};
const TITLES_SINCE_1_3: Record<CisTopic, string> = {
  'avoid-root-use': "Eliminate use of the 'root' user for administrative and daily tasks",
  'no-root-access-key': "Ensure no 'root' user account access key exists",
  'root-mfa': "Ensure MFA is enabled for the 'root' user account",
  'root-hardware-mfa': "Ensure hardware MFA is enabled for the 'root' user account",
  'access-key-rotation': 'Ensure access keys are rotated every 90 days or less',
};

/**
 * Recommendation numbers by version, from DOMAIN.md §7.1 (Security Hub related requirements
 * [SH-IAM], Prowler's CIS compliance files [PROWLER-CIS], Steampipe's v1.3.0/v3.0.0 [STEAMPIPE-CIS*]).
 * Key rotation is not in §7.1: v1.2.0 1.4 (Security Hub IAM.3), v1.3.0–v4.0.0 1.14, v5.0.0 1.13,
 * v6.0.0 2.13, v7.0.0 2.12, read from prowler-cloud/prowler `prowler/compliance/aws/cis_{5.0,6.0,7.0}_aws.json`
 * and Steampipe's/Tenable's v1.5.0, v3.0.0, v4.0.1 and v7.0.0 control pages.
 */
const NUMBERS: Record<CisTopic, Record<CisVersion, string>> = {
  'avoid-root-use': {
    '1.2.0': '1.1',
    '1.3.0': '1.7',
    '1.4.0': '1.7',
    '1.5.0': '1.7',
    '2.0.0': '1.7',
    '3.0.0': '1.7',
    '4.0.0': '1.7',
    '5.0.0': '1.6',
    '6.0.0': '2.6',
    '7.0.0': '2.7',
  },
  'no-root-access-key': {
    '1.2.0': '1.12',
    '1.3.0': '1.4',
    '1.4.0': '1.4',
    '1.5.0': '1.4',
    '2.0.0': '1.4',
    '3.0.0': '1.4',
    '4.0.0': '1.4',
    '5.0.0': '1.3',
    '6.0.0': '2.3',
    '7.0.0': '2.4',
  },
  'root-mfa': {
    '1.2.0': '1.13',
    '1.3.0': '1.5',
    '1.4.0': '1.5',
    '1.5.0': '1.5',
    '2.0.0': '1.5',
    '3.0.0': '1.5',
    '4.0.0': '1.5',
    '5.0.0': '1.4',
    '6.0.0': '2.4',
    '7.0.0': '2.5',
  },
  'root-hardware-mfa': {
    '1.2.0': '1.14',
    '1.3.0': '1.6',
    '1.4.0': '1.6',
    '1.5.0': '1.6',
    '2.0.0': '1.6',
    '3.0.0': '1.6',
    '4.0.0': '1.6',
    '5.0.0': '1.5',
    '6.0.0': '2.5',
    '7.0.0': '2.6',
  },
  'access-key-rotation': {
    '1.2.0': '1.4',
    '1.3.0': '1.14',
    '1.4.0': '1.14',
    '1.5.0': '1.14',
    '2.0.0': '1.14',
    '3.0.0': '1.14',
    '4.0.0': '1.14',
    '5.0.0': '1.13',
    '6.0.0': '2.13',
    '7.0.0': '2.12',
  },
};

/** One recommendation as cited in findings and posture results (`controls`). */
const cisControl = (topic: CisTopic, version: CisVersion): Control => ({
  framework: 'CIS AWS Foundations Benchmark',
  version,
  id: NUMBERS[topic][version],
  title: (version === '1.2.0' ? TITLES_1_2 : TITLES_SINCE_1_3)[topic],
});

/** Recommendations that only later versions have: cited where the version has them, else not at all. */
type LaterCisTopic = 'centralized-root-access';

/**
 * CIS v7.0.0 2.1.1 "Ensure centralized root access in AWS Organizations" (Level 2, Manual): DOMAIN.md
 * §4 and §7.1, from prowler-cloud/prowler `prowler/compliance/aws/cis_7.0_aws.json` [PROWLER-CIS].
 */
const LATER: Record<LaterCisTopic, { title: string; numbers: Partial<Record<CisVersion, string>> }> = {
  'centralized-root-access': {
    title: 'Ensure centralized root access in AWS Organizations',
    numbers: { '7.0.0': '2.1.1' },
  },
};

/** The recommendation a topic has in a version: none for a later topic in an earlier version. */
const cisControlsOf = (topic: CisTopic | LaterCisTopic, version: CisVersion): Control[] => {
  if (!(topic in LATER)) return [cisControl(topic as CisTopic, version)];
  const later = LATER[topic as LaterCisTopic];
  const id = later.numbers[version];
  return id === undefined
    ? []
    : [{ framework: 'CIS AWS Foundations Benchmark', version, id, title: later.title }];
};

export { cisControl, cisControlsOf };
export type { CisTopic, LaterCisTopic };
