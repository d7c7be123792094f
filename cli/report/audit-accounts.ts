import type { AuditedAccount } from '../../posture/audit-summary.ts';
import type { PostureStatus } from '../../schemas/posture-result.ts';
import { cisIds } from '../format/posture-table.ts';
import { howChosen } from './audit-as-of.ts';
import { html } from './html.ts';
import type { Markup } from './html.ts';
import { statusTag } from './posture-status.ts';
import { rootEvidence } from './root-evidence.ts';
import { dataTable } from './table.ts';

const count = (row: AuditedAccount, status: PostureStatus): number =>
  row.results.filter((result) => result.status === status).length;

/** Failures first (the most first), then the most checks in doubt, then by account and as-of. */
const accountsInOrder = (rows: readonly AuditedAccount[]): AuditedAccount[] =>
  [...rows].sort(
    (a, b) =>
      count(b, 'fail') - count(a, 'fail') ||
      count(b, 'unknown') - count(a, 'unknown') ||
      a.account.localeCompare(b.account) ||
      a.asOf.localeCompare(b.asOf),
  );

/** What the evidence says of root's credentials, in words. */
const CREDENTIAL_STATES: Readonly<Record<AuditedAccount['rootCredentials'], string>> = {
  none: 'none (no root credentials: centralized root access removed them and blocks recovery)',
  held: 'held',
  undecided: 'not decided (a credential report alone cannot rule out a password)',
};

/** The account, where its report came from and as of when it was judged, then its root evidence. */
const accountCell = (row: AuditedAccount): Markup => {
  const evidence = rootEvidence(row);
  return html`<b>${row.account}</b>
    <div class="muted wrap">${row.arn}</div>
    <div class="muted wrap">${row.source}</div>
    <div class="muted wrap">as of ${row.asOf}, ${howChosen(row.asOfSource)}</div>
    <div class="wrap">MFA: ${evidence.mfa}</div>
    <div class="wrap">Active keys: ${evidence.keys}</div>
    <div class="wrap">Last used: ${evidence.uses}</div>
    <div class="wrap">Root credentials: ${CREDENTIAL_STATES[row.rootCredentials]}</div>`;
};

const checksCell = (row: AuditedAccount): Markup =>
  html`${row.results.map(
    (result) =>
      html`<div class="wrap">
        ${statusTag(result.status)} <b>${result.check}</b>
        <span class="muted">CIS ${cisIds(result).join(', ')}</span>: ${result.detail}
      </div>`,
  )}`;

/** One row per account: the account and its root evidence, then every check with its status and detail. */
const accountsTable = (rows: readonly AuditedAccount[]): Markup =>
  dataTable(
    ['Account and root evidence', 'Checks'],
    accountsInOrder(rows).map((row) => [accountCell(row), checksCell(row)]),
  );

export { accountsInOrder, accountsTable };
