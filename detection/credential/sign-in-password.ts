import type { CredentialRule } from './credential-rule.ts';

/** Events of the sign-in service are the password being used (or changed, or recovered). */
const signInPassword: CredentialRule = {
  id: 'sign-in-password',
  credential: 'password',
  source:
    '[CT-SIGNIN] ConsoleLogin, PasswordUpdated, ExternalIdPDirectoryLogin: eventSource signin.amazonaws.com',
  applies: (record) => record.eventSource === 'signin.amazonaws.com',
};

export { signInPassword };
