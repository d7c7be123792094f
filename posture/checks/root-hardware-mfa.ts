import { NO_ROOT_CREDENTIALS, rootCredentials } from '../root-credentials.ts';
import { rootVirtualMfaDevice } from '../root-virtual-mfa.ts';
import type { PostureCheck } from './posture-check.ts';

/**
 * CIS "hardware MFA on root", decided from the virtual-MFA list (AWS mode): root's MFA is virtual
 * when `ListVirtualMFADevices` assigns a device to root, hardware otherwise. From a credential report
 * alone: `fail` when root has no MFA at all (then it has no hardware MFA either), else `unknown`.
 * Passes as "no root credentials", like `root-mfa`, when root has none under centralized root access.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html
 */
const rootHardwareMfa: PostureCheck = {
  id: 'root-hardware-mfa',
  topic: 'root-hardware-mfa',
  source: '[IAM-CR] mfa_active; ListVirtualMFADevices User.Arn = arn:aws:iam::<account>:root',
  evaluate: ({ account, root, facts }) => {
    const credentials = rootCredentials(root, facts);
    const { columns } = credentials;
    if (credentials.none) {
      return {
        status: 'pass',
        detail: `${NO_ROOT_CREDENTIALS}: ${credentials.because}`,
        columns,
        apiEvidence: credentials.apiEvidence,
      };
    }
    if (!root.mfa_active)
      return { status: 'fail', detail: 'root has no MFA device at all', columns: ['mfa_active'] };
    const devices = facts?.virtualMfaDevices;
    if (!devices) {
      return {
        status: 'unknown',
        detail:
          'root has MFA; a credential report cannot tell virtual from hardware (needs ListVirtualMFADevices)',
        columns: ['mfa_active'],
      };
    }
    const device = rootVirtualMfaDevice(account, devices);
    const apiEvidence = {
      'iam:ListVirtualMFADevices': device?.SerialNumber ?? 'no virtual device assigned to root',
    };
    return device
      ? {
          status: 'fail',
          detail: `root's MFA is the virtual device ${device.SerialNumber}`,
          columns: ['mfa_active'],
          apiEvidence,
        }
      : {
          status: 'pass',
          detail: 'root has MFA and no virtual device: a hardware token or FIDO security key',
          columns: ['mfa_active'],
          apiEvidence,
        };
  },
};

export { rootHardwareMfa };
