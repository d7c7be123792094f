import type { ActivityRule } from './activity-rule.ts';

/**
 * ConsoleLogin and the other sign-in service events (ExternalIdPDirectoryLogin, CheckMfa, …):
 * "Root + signin eventSource" is not always ConsoleLogin (S18). Password changes and recovery are
 * sign-in service events too, but their rules come first in the registry.
 */
const signIn: ActivityRule = {
  id: 'sign-in',
  activity: 'sign-in',
  source: '[CT-SIGNIN], [CT-SIGNIN-2023]; S18',
  applies: (record) => record.eventSource === 'signin.amazonaws.com',
};

export { signIn };
