import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { Activity } from '../../schemas/finding.ts';
import type { ActivityRule } from './activity-rule.ts';
import { credentialChange } from './credential-change.ts';
import { loggingChange } from './logging-change.ts';
import { memberRootEmailChange } from './member-root-email-change.ts';
import { passwordRecovery } from './password-recovery.ts';
import { rootPasswordTask, rootTask } from './root-tasks.ts';
import { signIn } from './sign-in.ts';

/**
 * Specific before general: PasswordUpdated is a sign-in service event but a credential change; a
 * member's primary email changed by the organisation is more than a credential change. Detector
 * tampering depends on the deployment (its protected resources), so classify.ts decides it first.
 */
const ACTIVITY_RULES: readonly ActivityRule[] = [
  rootPasswordTask,
  rootTask,
  memberRootEmailChange,
  passwordRecovery,
  credentialChange,
  signIn,
  loggingChange,
];

const classifyActivity = (record: CloudTrailRecord): Activity =>
  ACTIVITY_RULES.find((rule) => rule.applies(record))?.activity ?? 'api-call';

export { ACTIVITY_RULES, classifyActivity };
