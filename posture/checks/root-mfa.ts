import { NO_ROOT_CREDENTIALS, rootCredentials } from '../root-credentials.ts';
import type { PostureCheck } from './posture-check.ts';

/**
 * CIS "MFA on root": fails when root has no MFA device. Passes as "no root credentials" when the
 * evidence shows root has no credential at all under centralized root access (see `rootCredentials`):
 * no one can sign in as root, so there is nothing MFA would protect. A credential report alone cannot
 * show that state (root's password is `not_supported` there), so from a CSV alone it passes or fails.
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
        status: 'pass',
        detail: `${NO_ROOT_CREDENTIALS}: ${credentials.because}`,
        columns,
        apiEvidence,
      };
    }
    if (root.mfa_active) return { status: 'pass', detail: 'root has an MFA device', columns, apiEvidence };
    return { status: 'fail', detail: `root has no MFA device; ${credentials.because}`, columns, apiEvidence };
  },
};

export { rootMfa };
