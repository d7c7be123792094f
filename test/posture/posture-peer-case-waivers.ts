import type { PostureCheckId } from '../../schemas/posture-result.ts';

/**
 * The peer posture checks of ../shared/peer-cases/peer_posture_cases.jsonl, each mapped to the
 * rootwatch check that answers the same question, or listed as not implemented, with the reason.
 * Reviewed list: the peer posture test fails on a peer check that is in neither.
 */
const PEER_POSTURE_CHECKS: Readonly<Record<string, PostureCheckId | { notImplemented: string }>> = {
  iam_no_root_access_key: 'root-access-keys',
  'AWS.RootAccount.AccessKeys': 'root-access-keys',
  iam_root_mfa_enabled: 'root-mfa',
  'AWS.RootAccount.MFA': 'root-mfa',
  iam_root_hardware_mfa_enabled: 'root-hardware-mfa',
  'AWS.RootAccount.HardwareMFA': 'root-hardware-mfa',
  iam_avoid_root_usage: 'root-recent-use',
  cloudwatch_log_metric_filter_root_usage: {
    notImplemented:
      'CIS "monitor root usage" (a metric filter and alarm on the CloudTrail log group) is a property of the ' +
      "account's CloudWatch configuration, not of a credential report: it belongs to the CDK stack's CIS option, " +
      "and rootwatch's live detector does the monitoring itself.",
  },
  iam_root_credentials_management_enabled: 'centralized-root-access',
};

/**
 * Peer posture cases where rootwatch disagrees with the peer on purpose. Every entry names the case
 * exactly (`<peer> <check>: <test>`) and says why; the test fails on any other disagreement, and on
 * an entry that no longer disagrees.
 */
interface PeerPostureWaiver {
  name: string;
  category: string;
  reason: string;
}

const PEER_POSTURE_WAIVERS: readonly PeerPostureWaiver[] = [
  {
    name: 'prowler iam_no_root_access_key: test_root_no_credentials',
    category: 'passes every root without an active key',
    reason:
      'A root user with no active access key is exactly what CIS "no root access key" asks for; rootwatch passes ' +
      'it (Prowler reports nothing when root has neither key nor password). Prowler decides "no password" from ' +
      "root's password_enabled, which real reports always write not_supported [IAM-CR]: on a real report, its " +
      'rule would report nothing for any root without keys.',
  },
  {
    name: 'prowler iam_root_mfa_enabled: test_root_no_credentials',
    category: 'no root credentials only under centralized root access',
    reason:
      'The account has no RootCredentialsManagement, so anyone holding the root e-mail address can recover a ' +
      'password and sign in: a root without MFA is still exposed, and rootwatch fails it. It passes root-mfa as "no root ' +
      'credentials" only when the evidence shows root has no credential and RootCredentialsManagement blocks recovery ' +
      '(DOMAIN.md §4 [IAM-CENTRAL]). Panther\'s "MFA Not Enabled" case (no password, no key) expects FAIL too.',
  },
  {
    name: 'prowler iam_root_hardware_mfa_enabled: test_root_no_credentials',
    category: 'no root credentials only under centralized root access',
    reason:
      'Root keeps an MFA device (AccountMFAEnabled 1), which is a root credential, and none is virtual: rootwatch ' +
      'passes hardware MFA. Prowler counts only password and keys as credentials and reports nothing; with no ' +
      'RootCredentialsManagement, rootwatch would not say "no root credentials" anyway (password recovery is possible).',
  },
  {
    name: 'prowler iam_root_hardware_mfa_enabled: test_root_hardware_mfa_enabled_none_summary',
    category: 'says unknown instead of silence',
    reason:
      'The test makes IAM unreadable (no account summary); Prowler then reports nothing. Without the virtual-MFA ' +
      'list rootwatch reports unknown: an audit that cannot decide says so, and the fleet figures count it.',
  },
  {
    name: 'panther AWS.RootAccount.HardwareMFA: MFA Not Active',
    category: 'no MFA is no hardware MFA',
    reason:
      'Panther passes its hardware-MFA policy when root has no MFA at all and leaves that to AWS.RootAccount.MFA; ' +
      'CIS "hardware MFA on root" is not met without MFA, so rootwatch fails it, as Prowler does ' +
      '(test_root_no_mfa_with_organizational_management_enabled expects FAIL).',
  },
];

export { PEER_POSTURE_CHECKS, PEER_POSTURE_WAIVERS };
export type { PeerPostureWaiver };
