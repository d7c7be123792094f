import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { Credential } from '../../schemas/finding.ts';
import type { IssuedRootSession } from '../root-sessions.ts';

/** What a credential rule may know besides the record: the centralized-root sessions seen so far. */
interface CredentialContext {
  findRootSession(accessKeyId: string, eventTime: string): IssuedRootSession | undefined;
}

/**
 * One way root can be authenticated. Rules are tried in registry order; the first that applies
 * names the credential. `source` cites the fact (DOMAIN.md key) the rule rests on.
 */
interface CredentialRule {
  id: string;
  credential: Credential;
  source: string;
  applies(record: CloudTrailRecord, context: CredentialContext): boolean;
}

export type { CredentialRule, CredentialContext };
