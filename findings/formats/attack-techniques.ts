import type { FindingKind } from '../finding-kind.ts';

interface AttackTechnique {
  tactic: { uid: string; name: string };
  technique: { uid: string; name: string };
}

const tactic = (uid: string, name: string) => ({ uid, name });
const INITIAL_ACCESS = tactic('TA0001', 'Initial Access');
const PERSISTENCE = tactic('TA0003', 'Persistence');
const DEFENSE_EVASION = tactic('TA0005', 'Defense Evasion');
const CREDENTIAL_ACCESS = tactic('TA0006', 'Credential Access');

const VALID_CLOUD_ACCOUNTS = { uid: 'T1078.004', name: 'Valid Accounts: Cloud Accounts' };
const ACCOUNT_MANIPULATION = { uid: 'T1098', name: 'Account Manipulation' };
const ADDITIONAL_CLOUD_CREDENTIALS = {
  uid: 'T1098.001',
  name: 'Account Manipulation: Additional Cloud Credentials',
};

/**
 * The MITRE ATT&CK (Enterprise) technique each kind of finding is evidence of, with the one tactic
 * it serves here: root use is Valid Accounts: Cloud Accounts; new keys are Additional Cloud
 * Credentials; removing MFA is Modify Authentication Process: Multi-Factor Authentication; logging
 * changes are Impair Defenses: Disable or Modify Cloud Logs; failed sign-ins, Password Guessing.
 * An AWS service acting with the root identity is no attack.
 * @see https://attack.mitre.org/techniques/T1078/004/
 */
const ATTACK_TECHNIQUES: Record<FindingKind, AttackTechnique | undefined> = {
  'sign-in-without-mfa': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'sign-in': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'failed-sign-in': {
    tactic: CREDENTIAL_ACCESS,
    technique: { uid: 'T1110.001', name: 'Brute Force: Password Guessing' },
  },
  'password-recovery': { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  'access-key-change': { tactic: PERSISTENCE, technique: ADDITIONAL_CLOUD_CREDENTIALS },
  'mfa-removed': {
    tactic: DEFENSE_EVASION,
    technique: { uid: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  },
  'mfa-change': { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  'password-change': { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  'email-change': { tactic: PERSISTENCE, technique: ACCOUNT_MANIPULATION },
  'credential-change': { tactic: PERSISTENCE, technique: ADDITIONAL_CLOUD_CREDENTIALS },
  'logging-change': {
    tactic: DEFENSE_EVASION,
    technique: { uid: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' },
  },
  'access-key-use': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'console-session': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'session-token': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'assumed-root': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
  'aws-service': undefined,
  'unknown-credential': { tactic: INITIAL_ACCESS, technique: VALID_CLOUD_ACCOUNTS },
};

export { ATTACK_TECHNIQUES };
export type { AttackTechnique };
