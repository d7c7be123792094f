import type { VirtualMfaDevice } from '../schemas/root-posture-facts.ts';

const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/**
 * Root's virtual MFA device in a `ListVirtualMFADevices` answer: the device assigned to
 * `arn:aws:iam::<account>:root`. Hardware TOTP tokens and FIDO security keys are not virtual
 * devices, so when root has MFA and no virtual device, its MFA is hardware (CIS "hardware MFA").
 * The list also holds IAM users' devices and unassigned ones (no `User`): those are ignored.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 */
const rootVirtualMfaDevice = (
  account: string,
  devices: readonly VirtualMfaDevice[],
): VirtualMfaDevice | undefined =>
  devices.find((device) => ROOT_ARN.exec(device.User?.Arn ?? '')?.[1] === account);

export { rootVirtualMfaDevice };
