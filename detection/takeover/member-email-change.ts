import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import { EventTable } from '../event-table.ts';
import { requestParameter } from '../record-fields.ts';

/**
 * The Account Management calls that change a member account's primary (root user) email. Only the
 * management account or the delegated administrator can make them, for a member account: "The
 * management account can't specify its own AccountId" [ACCT-EMAIL]. Whoever controls the new
 * address can then recover the member's root password.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_StartPrimaryEmailUpdate.html
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_AcceptPrimaryEmailUpdate.html
 */
const PRIMARY_EMAIL_UPDATES = EventTable.of([
  'account:StartPrimaryEmailUpdate',
  'account:AcceptPrimaryEmailUpdate',
]);

/** The member account whose root email the call changes (`requestParameters.accountId`), if it is another account. */
const memberOfEmailChange = (record: CloudTrailRecord): string | undefined => {
  // Checked on every root record (scan's hot path): one comparison for nearly all of them.
  if (record.eventSource !== 'account.amazonaws.com' || !PRIMARY_EMAIL_UPDATES.has(record)) return undefined;
  const account = requestParameter(record, 'accountId');
  return typeof account === 'string' && account !== '' && account !== record.userIdentity.accountId
    ? account
    : undefined;
};

export { memberOfEmailChange, PRIMARY_EMAIL_UPDATES };
