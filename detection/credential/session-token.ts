import { accessKeyOf } from '../record-fields.ts';
import type { CredentialRule } from './credential-rule.ts';

/**
 * Temporary credentials not tied to a console session: a root `ASIA` key with no console marker
 * (root's own GetSessionToken: "Root user identity" on the calls that follow [IAM-CT-2023], [STS-GST]),
 * or a FederatedUser session whose issuer is root (GetFederationToken with root credentials [CT-UID]).
 */
const sessionToken: CredentialRule = {
  id: 'session-token',
  credential: 'session-token',
  source: '[IAM-IDS] ASIA = temporary key; [STS-GST]; [CT-UID] sessionIssuer.type Root',
  applies: (record) =>
    accessKeyOf(record)?.startsWith('ASIA') === true ||
    record.userIdentity.sessionContext?.sessionIssuer?.type === 'Root',
};

export { sessionToken };
