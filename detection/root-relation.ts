/**
 * How a raw, not yet validated record relates to root, read with a few property lookups so that
 * the 999 records in 1,000 that have nothing to do with root cost almost nothing beyond parsing.
 * - `root`: `userIdentity.type` is `Root` [CT-UID].
 * - `root-federation`: a session whose `sessionIssuer.type` is `Root`, i.e. a FederatedUser minted
 *   by root with GetFederationToken [CT-UID], [STS-GFT]; a `type == "Root"` filter misses it.
 * - `assume-root-call`: an `sts:AssumeRoot` call by a management-account principal. It is not root
 *   activity itself, but it names the key that the member account's root events will carry [IAM-PRIV].
 */
type RootRelation = 'root' | 'root-federation' | 'assume-root-call';

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const rootRelation = (record: unknown): RootRelation | undefined => {
  const identity = field(record, 'userIdentity');
  if (field(identity, 'type') === 'Root') return 'root';
  if (field(field(field(identity, 'sessionContext'), 'sessionIssuer'), 'type') === 'Root')
    return 'root-federation';
  if (field(record, 'eventName') === 'AssumeRoot' && field(record, 'eventSource') === 'sts.amazonaws.com') {
    return 'assume-root-call';
  }
  return undefined;
};

/** An EventBridge envelope (`detail-type` and `detail`), as opposed to a bare CloudTrail record. */
const isEnvelope = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && 'detail' in input && 'detail-type' in input;

export { rootRelation, field, isEnvelope };
export type { RootRelation };
