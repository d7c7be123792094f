import { EventTable } from '../event-table.ts';
import type { ActivityRule } from './activity-rule.ts';

/** The root "Forgot your password?" flow; only root generates these events ([ELASTIC-PWREC]). */
const PASSWORD_RECOVERY_EVENTS = EventTable.of([
  'signin:PasswordRecoveryRequested',
  'signin:PasswordRecoveryCompleted',
]);

const passwordRecovery: ActivityRule = {
  id: 'password-recovery',
  activity: 'password-recovery',
  source: '[ELASTIC-PWREC], [DD-PWREC]',
  applies: (record) => PASSWORD_RECOVERY_EVENTS.has(record),
};

export { passwordRecovery, PASSWORD_RECOVERY_EVENTS };
