import type { AuditSummary } from '../../posture/audit-summary.ts';
import { POSTURE_STATUSES } from '../../schemas/posture-result.ts';
import { dataTable } from './table.ts';
import type { Section } from './page.ts';

/**
 * Centralized root access: the organisation check's statuses, and the accounts whose root user has
 * no credential at all (reported as such: their MFA checks pass), with the evidence that decides it.
 */
const rootAccessSection = (summary: AuditSummary): Section => {
  const central = summary.statuses['centralized-root-access'];
  const { none, held, undecided } = summary.rootCredentials;
  return {
    title: 'Centralized root access',
    note:
      'The organisation check needs iam:ListOrganizationsFeatures (RootCredentialsManagement and RootSessions; ' +
      '--facts, or the scheduled audit in the management account). "No root credentials" needs root’s login ' +
      'profile (GetLoginProfile in an AssumeRoot session) and RootCredentialsManagement besides the report: a ' +
      'credential report alone cannot tell a root without a password from one whose password was never used.',
    content: dataTable(
      ['centralized-root-access', ...POSTURE_STATUSES, 'No root credentials', 'Holds one', 'Not decided'],
      [[`accounts`, ...POSTURE_STATUSES.map((status) => central[status]), none, held, undecided]],
    ),
  };
};

export { rootAccessSection };
