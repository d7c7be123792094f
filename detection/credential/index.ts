import type { CloudTrailRecord } from '../../schemas/cloudtrail-record.ts';
import type { Credential } from '../../schemas/finding.ts';
import { assumedRoot } from './assumed-root.ts';
import { awsService } from './aws-service.ts';
import { consoleSession } from './console-session.ts';
import type { CredentialContext, CredentialRule } from './credential-rule.ts';
import { longTermAccessKey } from './long-term-access-key.ts';
import { sessionToken } from './session-token.ts';
import { signInPassword } from './sign-in-password.ts';

/**
 * Order matters and follows DOMAIN.md §3 "Classification that follows from the documents":
 * the sign-in service first, then a service acting as root, then a long-term key (the most
 * serious signal, never masked by a console marker), then the AssumeRoot correlation (an AssumeRoot
 * session has no console marker), then console markers, then any other temporary credential.
 */
const CREDENTIAL_RULES: readonly CredentialRule[] = [
  signInPassword,
  awsService,
  longTermAccessKey,
  assumedRoot,
  consoleSession,
  sessionToken,
];

/** Root itself, or a session root minted (GetFederationToken): what the credential rules are about. */
const isRootIdentity = (record: CloudTrailRecord): boolean =>
  record.userIdentity.type === 'Root' || record.userIdentity.sessionContext?.sessionIssuer?.type === 'Root';

/**
 * Empty or absent key and no marker: labelled `unknown`, never dropped (DOMAIN.md §3, step 6).
 * Anyone else (tampering, AssumeRoot calls, the organisation changing a member's root email) is an
 * `iam-principal`, whose `identityType` and `principalArn` say who.
 */
const classifyCredential = (record: CloudTrailRecord, context: CredentialContext): Credential => {
  if (!isRootIdentity(record)) return 'iam-principal';
  return CREDENTIAL_RULES.find((rule) => rule.applies(record, context))?.credential ?? 'unknown';
};

export { CREDENTIAL_RULES, classifyCredential, isRootIdentity };
export type { CredentialContext };
