/**
 * How a raw, not yet validated record relates to root, read with a few property lookups so that
 * the 999 records in 1,000 that have nothing to do with root cost almost nothing beyond parsing.
 * - `root`: `userIdentity.type` is `Root` [CT-UID].
 * - `root-federation`: a session whose `sessionIssuer.type` is `Root`, i.e. a FederatedUser minted
 *   by root with GetFederationToken [CT-UID], [STS-GFT]; a `type == "Root"` filter misses it.
 * - `assume-root-call`: an `sts:AssumeRoot` call by a management-account principal: a path to a
 *   member's root (its own finding), and the key that the member account's root events will carry [IAM-PRIV].
 * - `member-root-email-change`: the organisation changing a member account's root email
 *   (`account:StartPrimaryEmailUpdate`, `AcceptPrimaryEmailUpdate`), a path to its root that no root
 *   identity takes [ACCT-EMAIL].
 */
type RootRelation = 'root' | 'root-federation' | 'assume-root-call' | 'member-root-email-change';

const PRIMARY_EMAIL_UPDATES = new Set(['StartPrimaryEmailUpdate', 'AcceptPrimaryEmailUpdate']);

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const rootRelation = (record: unknown): RootRelation | undefined => {
  const identity = field(record, 'userIdentity');
  if (field(identity, 'type') === 'Root') return 'root';
  if (field(field(field(identity, 'sessionContext'), 'sessionIssuer'), 'type') === 'Root')
    return 'root-federation';
  const eventSource = field(record, 'eventSource');
  if (eventSource === 'sts.amazonaws.com' && field(record, 'eventName') === 'AssumeRoot') {
    return 'assume-root-call';
  }
  if (
    eventSource === 'account.amazonaws.com' &&
    PRIMARY_EMAIL_UPDATES.has(field(record, 'eventName') as string)
  ) {
    return 'member-root-email-change';
  }
  return undefined;
};

/** An EventBridge envelope (`detail-type` and `detail`), as opposed to a bare CloudTrail record. */
const isEnvelope = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && 'detail' in input && 'detail-type' in input;

export { rootRelation, field, isEnvelope };
export type { RootRelation };
