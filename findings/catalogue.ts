import type { FindingKind } from './finding-kind.ts';
import type { FindingKindEntry } from './kinds/kind-entry.ts';
import { signInWithoutMfa } from './kinds/sign-in-without-mfa.ts';
import { signIn } from './kinds/sign-in.ts';
import { failedSignIn } from './kinds/failed-sign-in.ts';
import { passwordRecovery } from './kinds/password-recovery.ts';
import { accessKeyChange } from './kinds/access-key-change.ts';
import { mfaRemoved } from './kinds/mfa-removed.ts';
import { mfaChange } from './kinds/mfa-change.ts';
import { passwordChange } from './kinds/password-change.ts';
import { emailChange } from './kinds/email-change.ts';
import { credentialChange } from './kinds/credential-change.ts';
import { loggingChange } from './kinds/logging-change.ts';
import { accessKeyUse } from './kinds/access-key-use.ts';
import { consoleSession } from './kinds/console-session.ts';
import { sessionToken } from './kinds/session-token.ts';
import { assumedRoot } from './kinds/assumed-root.ts';
import { awsService } from './kinds/aws-service.ts';
import { unknownCredential } from './kinds/unknown-credential.ts';

/**
 * The catalogue of finding kinds: one entry per kind (findings/kinds/<kind>.ts) with its subject
 * words, ATT&CK technique and runbook. A new kind in finding-kind.ts does not compile until it has one.
 */
const FINDING_KINDS = {
  'sign-in-without-mfa': signInWithoutMfa,
  'sign-in': signIn,
  'failed-sign-in': failedSignIn,
  'password-recovery': passwordRecovery,
  'access-key-change': accessKeyChange,
  'mfa-removed': mfaRemoved,
  'mfa-change': mfaChange,
  'password-change': passwordChange,
  'email-change': emailChange,
  'credential-change': credentialChange,
  'logging-change': loggingChange,
  'access-key-use': accessKeyUse,
  'console-session': consoleSession,
  'session-token': sessionToken,
  'assumed-root': assumedRoot,
  'aws-service': awsService,
  'unknown-credential': unknownCredential,
} as const satisfies Record<FindingKind, FindingKindEntry>;

/** The catalogue entry of a kind. */
const kindEntry = (kind: FindingKind): FindingKindEntry => FINDING_KINDS[kind];

export { FINDING_KINDS, kindEntry };
