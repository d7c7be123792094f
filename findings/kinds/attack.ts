// The MITRE ATT&CK (Enterprise) tactics and techniques the finding kinds are evidence of, each kind
// with the one tactic it serves here: root use is Valid Accounts: Cloud Accounts; new keys are Additional Cloud
// Credentials; removing MFA is Modify Authentication Process: Multi-Factor Authentication; logging
// changes are Impair Defenses: Disable or Modify Cloud Logs; failed sign-ins, Password Guessing.
// An AWS service acting with the root identity is no attack.
// @see https://attack.mitre.org/techniques/T1078/004/
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

export {
  INITIAL_ACCESS,
  PERSISTENCE,
  DEFENSE_EVASION,
  CREDENTIAL_ACCESS,
  VALID_CLOUD_ACCOUNTS,
  ACCOUNT_MANIPULATION,
  ADDITIONAL_CLOUD_CREDENTIALS,
};
