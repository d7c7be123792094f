import { memberOfEmailChange } from '../takeover/member-email-change.ts';
import type { ActivityRule } from './activity-rule.ts';

/** The organisation changing a member account's root email, root's recovery channel [ACCT-EMAIL]. */
const memberRootEmailChange: ActivityRule = {
  id: 'member-root-email-change',
  activity: 'member-root-email-change',
  source: '[ACCT-EMAIL] StartPrimaryEmailUpdate, AcceptPrimaryEmailUpdate (AccountId of a member account)',
  applies: (record) => memberOfEmailChange(record) !== undefined,
};

export { memberRootEmailChange };
