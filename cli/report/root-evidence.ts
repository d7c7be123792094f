import type { AuditedAccount } from '../../posture/audit-summary.ts';
import { duration, isoTime } from '../../posture/time.ts';

/** What a reader of one account weighs first, from the evidence its checks read: one line each. */
interface RootEvidence {
  mfa: string;
  keys: string;
  uses: string;
}

const CREDENTIALS = [
  { name: 'password', used: 'password_last_used' },
  { name: 'key 1', used: 'access_key_1_last_used_date' },
  { name: 'key 2', used: 'access_key_2_last_used_date' },
] as const;

/** `2024-11-03T07:12:45Z (210 days before)`, from a report time; undefined for `N/A` and the like. */
const timeBefore = (text: string | undefined, asOf: number): string | undefined => {
  const at = Date.parse(text ?? '');
  if (Number.isNaN(at)) return undefined;
  return `${isoTime(at)} (${at > asOf ? 'after the as-of' : `${duration(asOf - at)} before`})`;
};

/**
 * An account's root evidence as the credential report wrote it (the results' `evidence`, also in
 * `--json`), in words: whether root has MFA, the age of each active key, and the last use of each
 * credential, newest first, each relative to the account's as-of.
 */
const rootEvidence = (row: AuditedAccount): RootEvidence => {
  const evidence: Record<string, string> = Object.assign({}, ...row.results.map((result) => result.evidence));
  const asOf = Date.parse(row.asOf);
  const mfa = evidence.mfa_active?.toLowerCase();
  const keys = ([1, 2] as const)
    .filter((key) => evidence[`access_key_${key}_active`]?.toLowerCase() === 'true')
    .map((key) => {
      const rotated = evidence[`access_key_${key}_last_rotated`];
      return `key ${key} rotated ${timeBefore(rotated, asOf) ?? rotated ?? 'when is not known'}`;
    });
  const uses = CREDENTIALS.map(({ name, used }) => ({
    name,
    text: evidence[used],
    at: Date.parse(evidence[used] ?? ''),
  }))
    .filter(({ at }) => !Number.isNaN(at))
    .sort((a, b) => b.at - a.at)
    .map(({ name, text }) => `${name} ${timeBefore(text, asOf)}`);
  return {
    mfa: mfa === 'true' ? 'yes' : mfa === 'false' ? 'no' : 'not read',
    keys: keys.length ? keys.join('; ') : 'none active',
    uses: uses.length ? uses.join('; ') : 'none recorded',
  };
};

export { rootEvidence };
export type { RootEvidence };
