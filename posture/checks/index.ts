import { centralizedRootAccess } from './centralized-root-access.ts';
import type { PostureCheck } from './posture-check.ts';
import { rootAccessKeys } from './root-access-keys.ts';
import { rootHardwareMfa } from './root-hardware-mfa.ts';
import { rootKeyRotation } from './root-key-rotation.ts';
import { rootMfa } from './root-mfa.ts';
import { rootRecentUse } from './root-recent-use.ts';

/** The registry, in report order (the order of `POSTURE_CHECKS`). */
const POSTURE_CHECK_RULES: readonly PostureCheck[] = [
  rootAccessKeys,
  rootKeyRotation,
  rootMfa,
  rootHardwareMfa,
  rootRecentUse,
  centralizedRootAccess,
];

export { POSTURE_CHECK_RULES };
export type { PostureCheck };
