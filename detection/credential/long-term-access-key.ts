import { accessKeyOf } from '../record-fields.ts';
import type { CredentialRule } from './credential-rule.ts';

/** `AKIA` is the prefix of long-term access keys [IAM-IDS]; for root, CIS asks that none exist. */
const longTermAccessKey: CredentialRule = {
  id: 'long-term-access-key',
  credential: 'access-key',
  source: '[IAM-IDS] unique-ID prefixes: AKIA = access key',
  applies: (record) => accessKeyOf(record)?.startsWith('AKIA') === true,
};

export { longTermAccessKey };
