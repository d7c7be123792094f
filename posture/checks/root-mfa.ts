import { rootCredentials } from '../root-credentials.ts';
import type { PostureCheck } from './posture-check.ts';

/**
 * CIS "MFA on root": fails when root has no MFA device. `skipped` only in the AWS mode, when root has
 * no credentials at all under centralized root access (see `rootCredentials`): there is nothing to
 * protect. A credential report alone cannot show that state, so from a CSV the check passes or fails.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html
 */
const rootMfa: PostureCheck = {
  id: 'root-mfa',
  topic: 'root-mfa',
  source: '[IAM-CR] mfa_active; DOMAIN.md §4 centralized root access [IAM-CENTRAL]',
  evaluate: ({ root, facts }) => {
    const credentials = rootCredentials(root, facts);
    const { columns } = credentials;
    const { apiEvidence } = credentials;
    if (credentials.none) {
      return {
        status: 'skipped',
        detail: `nothing to protect with MFA: ${credentials.because}`,
        columns,
        apiEvidence,
      };
    }
    if (root.mfa_active) return { status: 'pass', detail: 'root has an MFA device', columns, apiEvidence };
    return { status: 'fail', detail: `root has no MFA device; ${credentials.because}`, columns, apiEvidence };
  },
};

export { rootMfa };
