import type { AuditSettings } from '../../posture/audit-root.ts';
import { auditRoot } from '../../posture/audit-root.ts';
import { readCredentialReport } from '../../posture/read-credential-report.ts';
import { rootCredentialState } from '../../posture/root-credentials.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { PostureResult } from '../../schemas/posture-result.ts';
import type { AlertSink } from '../../adapters/alert-sink.ts';
import type { Logger } from '../../adapters/logger.ts';
import type { PostureStateStore } from '../../adapters/posture-state-store.ts';
import type { RecordSink } from '../../adapters/record-sink.ts';
import { functionPlace } from '../function-place.ts';
import type { AccountEvidence } from '../../adapters/iam-posture-source.ts';

interface PostureHandlerDeps {
  source: { collect(account: string): Promise<AccountEvidence> };
  records: RecordSink;
  alerts: AlertSink;
  state: PostureStateStore;
  logger: Logger;
  /** Member accounts to audit besides the function's own. */
  accounts: readonly string[];
  settings: AuditSettings;
  now?: () => Date;
}

interface PostureRunSummary {
  accounts: number;
  results: number;
  failing: number;
  alerted: number;
  unreadable: number;
  /** Accounts whose root user has no credential at all (centralized root access): their MFA checks pass. */
  withoutRootCredentials: number;
}

class PostureAuditError extends AggregateError {
  override name = 'PostureAuditError';
}

/** The alert of a check that turned to `fail`: the result, and an id stable for as long as it stays failed. */
const postureAlert = (result: PostureResult, asOf: string, since: string) => ({
  detailType: ALERT_DETAIL_TYPES.posture,
  detail: { eventId: `posture:${result.account}:${result.check}:${since}`, asOf, ...result },
});

/**
 * The scheduled root posture audit (CIS checks from IAM credential reports, the same code as
 * `rootwatch audit`): for its own account and each member account, collect the evidence, run the
 * checks, record every result, and alert when a check turns to `fail` — not again while it stays
 * failed (the last status per account and check is kept). The alert goes out before the new status
 * is stored: a failure between the two alerts again on the retry, with the same id, never not at all.
 * An account that cannot be audited is recorded and the others still are; the run then fails, so
 * that the schedule's retry policy runs it again.
 */
const makePostureHandler =
  (deps: PostureHandlerDeps) =>
  async (
    _event: unknown,
    context: { awsRequestId?: string; invokedFunctionArn?: string } = {},
  ): Promise<PostureRunSummary> => {
    const log = deps.logger.child({ awsRequestId: context.awsRequestId });
    const home = functionPlace(context.invokedFunctionArn).account;
    const accounts = [...new Set([home, ...deps.accounts])];
    const summary: PostureRunSummary = {
      accounts: accounts.length,
      results: 0,
      failing: 0,
      alerted: 0,
      unreadable: 0,
      withoutRootCredentials: 0,
    };
    const errors: unknown[] = [];
    const now = (deps.now ?? (() => new Date()))().toISOString();
    for (const account of accounts) {
      try {
        await auditAccount(account, { now, home }, deps, summary);
      } catch (error) {
        errors.push(error);
        log.error({ err: error, account }, 'account not audited');
      }
    }
    log.info({ ...summary, errors: errors.length }, 'posture audit done');
    if (errors.length)
      throw new PostureAuditError(errors, `${errors.length} of ${accounts.length} accounts not audited`);
    return summary;
  };

/**
 * Checks of the organisation, not of one account: every account gets the same verdict and record,
 * but only the function's own account (where the organisation was asked) alerts, once per organisation.
 */
const ORGANISATION_CHECKS: ReadonlySet<PostureResult['check']> = new Set(['centralized-root-access']);

const auditAccount = async (
  account: string,
  { now, home }: { now: string; home: string },
  deps: PostureHandlerDeps,
  summary: PostureRunSummary,
): Promise<void> => {
  const evidence = await deps.source.collect(account);
  const read = readCredentialReport(evidence.csv);
  if (!read.ok) {
    summary.unreadable += 1;
    await deps.records.write([
      { kind: 'invalid-report', account, problems: read.problems.map((problem) => problem.message) },
    ]);
    return;
  }
  if (rootCredentialState(read.report.root, evidence.facts) === 'none') summary.withoutRootCredentials += 1;
  const results = auditRoot(
    read.report,
    { at: Date.parse(evidence.generatedTime), source: 'report' },
    deps.settings,
    evidence.facts,
  );
  for (const result of results) {
    const previous = await deps.state.get(result.account, result.check);
    const since = previous?.status === result.status ? previous.since : now;
    await deps.records.write([
      {
        kind: 'posture',
        asOf: evidence.generatedTime,
        ...(previous ? { previousStatus: previous.status } : {}),
        result,
      },
    ]);
    summary.results += 1;
    if (result.status === 'fail') {
      summary.failing += 1;
      if (previous?.status !== 'fail' && (account === home || !ORGANISATION_CHECKS.has(result.check))) {
        await deps.alerts.send([postureAlert(result, evidence.generatedTime, since)]);
        summary.alerted += 1;
      }
    }
    await deps.state.put(result.account, result.check, { status: result.status, since });
  }
};

export { makePostureHandler, PostureAuditError };
export type { PostureHandlerDeps, PostureRunSummary };
