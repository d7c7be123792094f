import { accessKeyOf, flag } from '../record-fields.ts';
import type { CredentialRule } from './credential-rule.ts';

/**
 * A centralized-root-access session: the member account's root event carries the `ASIA` key that an
 * `sts:AssumeRoot` call issued. AWS's own procedure is to search for that key [IAM-PRIV]; the
 * member record has no documented marker (S14). Some public parsers read `sessionContext.assumedRoot`
 * on Root records, which AWS documents only on the caller's record (DOMAIN.md §4): honoured when present.
 */
const assumedRoot: CredentialRule = {
  id: 'assumed-root',
  credential: 'assumed-root',
  source: '[IAM-PRIV] track privileged tasks by access key id; [CT-UID] sessionContext.assumedRoot',
  applies: (record, context) => {
    if (flag(record.userIdentity.sessionContext?.assumedRoot) === true) return true;
    const key = accessKeyOf(record);
    return key !== undefined && context.findRootSession(key, record.eventTime) !== undefined;
  },
};

export { assumedRoot };
