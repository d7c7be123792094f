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
import { budgetSignal } from '../invocation-budget.ts';
import type { RemainingTime } from '../invocation-budget.ts';
import type { AccountEvidence } from '../../adapters/iam-posture-source.ts';
import { auditOrder } from './audit-order.ts';

interface PostureHandlerDeps {
  source: { collect(account: string, options?: { signal?: AbortSignal }): Promise<AccountEvidence> };
  records: RecordSink;
  alerts: AlertSink;
  state: PostureStateStore;
  logger: Logger;
  /** Member accounts to audit besides the function's own. */
  accounts: readonly string[];
  settings: AuditSettings;
  now?: () => Date;
  /** Accounts audited at once (a credential report is mostly a wait on IAM); default `AUDIT_CONCURRENCY`. */
  concurrency?: number;
}

const AUDIT_CONCURRENCY = 4;
/**
 * No account is started with less than this left of the invocation (or a quarter of what it had at
 * the start, if less): an account's report can take a minute of polls (30 × 2 s, adapters/iam-posture-source.ts).
 */
const ACCOUNT_RESERVE_MS = 90_000;
/** What the calls of the accounts under way leave of the invocation, to log their failure and fail it. */
const CALL_MARGIN_MS = 5_000;

interface PostureRunSummary {
  accounts: number;
  results: number;
  failing: number;
  alerted: number;
  unreadable: number;
  /** Accounts not started because the invocation's time ran short (the run then fails, naming them). */
  notReached: number;
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

/** `3 of 250 accounts not audited; 2 not reached before the invocation's time ran out (…)`. */
const notAuditedMessage = (failed: number, notReached: readonly string[], total: number): string =>
  `${failed + notReached.length} of ${total} accounts not audited` +
  (notReached.length
    ? `; ${notReached.length} not reached before the invocation's time ran out (${notReached.join(', ')})`
    : '');

/**
 * The scheduled root posture audit (CIS checks from IAM credential reports, the same code as
 * `rootwatch audit`): for its own account and each member account, collect the evidence, run the
 * checks, record every result, and alert when a check turns to `fail` — not again while it stays
 * failed (the last status per account and check is kept). The alert goes out before the new status
 * is stored: a failure between the two alerts again on the retry, with the same id, never not at all.
 * Accounts are audited `concurrency` at a time, the function's own first, the members in an order
 * that moves with the day (./audit-order.ts). An account that cannot be audited is recorded and the
 * others still are; no account is started once the invocation's time runs short, and the calls
 * under way stop before it ends. A run that left any account unaudited fails, naming them, so that
 * the schedule's retry runs it again and the function's `Errors` alarm tells operations.
 */
const makePostureHandler =
  (deps: PostureHandlerDeps) =>
  async (
    _event: unknown,
    context: { awsRequestId?: string; invokedFunctionArn?: string } & RemainingTime = {},
  ): Promise<PostureRunSummary> => {
    const log = deps.logger.child({ awsRequestId: context.awsRequestId });
    const home = functionPlace(context.invokedFunctionArn).account;
    const started = (deps.now ?? (() => new Date()))();
    const waiting = auditOrder(home, deps.accounts, started);
    const total = waiting.length;
    const summary: PostureRunSummary = {
      accounts: total,
      results: 0,
      failing: 0,
      alerted: 0,
      unreadable: 0,
      notReached: 0,
      withoutRootCredentials: 0,
    };
    const errors: unknown[] = [];
    const notReached: string[] = [];
    const now = started.toISOString();
    const remaining = context.getRemainingTimeInMillis?.();
    const reserve = remaining === undefined ? 0 : Math.min(ACCOUNT_RESERVE_MS, remaining / 4);
    const timeShort = () => remaining !== undefined && context.getRemainingTimeInMillis!() < reserve;
    const signal = budgetSignal(context, CALL_MARGIN_MS);
    const lane = async () => {
      for (let account = waiting.shift(); account !== undefined; account = waiting.shift()) {
        if (timeShort()) {
          notReached.push(account);
          continue;
        }
        try {
          await auditAccount(account, { now, home, signal }, deps, summary);
        } catch (error) {
          errors.push(error);
          log.error({ err: error, account }, 'account not audited');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? AUDIT_CONCURRENCY) }, lane));
    summary.notReached = notReached.length;
    if (notReached.length)
      log.error({ accounts: notReached }, "accounts not reached before the invocation's time ran out");
    log.info({ ...summary, errors: errors.length }, 'posture audit done');
    if (errors.length || notReached.length)
      throw new PostureAuditError(errors, notAuditedMessage(errors.length, notReached, total));
    return summary;
  };

/**
 * Checks of the organisation, not of one account: every account gets the same verdict and record,
 * but only the function's own account (where the organisation was asked) alerts, once per organisation.
 */
const ORGANISATION_CHECKS: ReadonlySet<PostureResult['check']> = new Set(['centralized-root-access']);

const auditAccount = async (
  account: string,
  { now, home, signal }: { now: string; home: string; signal: AbortSignal | undefined },
  deps: PostureHandlerDeps,
  summary: PostureRunSummary,
): Promise<void> => {
  const budget = signal ? { signal } : {};
  const evidence = await deps.source.collect(account, budget);
  const read = readCredentialReport(evidence.csv);
  if (!read.ok) {
    summary.unreadable += 1;
    await deps.records.write(
      [{ kind: 'invalid-report', account, problems: read.problems.map((problem) => problem.message) }],
      budget,
    );
    return;
  }
  if (rootCredentialState(read.report.root, evidence.facts) === 'none') summary.withoutRootCredentials += 1;
  const results = auditRoot(
    read.report,
    { at: Date.parse(evidence.generatedTime), source: 'report' },
    deps.settings,
    evidence.facts,
  );
  // One account's records in one write, before its alerts, and its alerts before its new states.
  const checked = await Promise.all(
    results.map(async (result) => {
      const previous = await deps.state.get(result.account, result.check, budget);
      return { result, previous, since: previous?.status === result.status ? previous.since : now };
    }),
  );
  await deps.records.write(
    checked.map(({ result, previous }) => ({
      kind: 'posture' as const,
      asOf: evidence.generatedTime,
      ...(previous ? { previousStatus: previous.status } : {}),
      result,
    })),
    budget,
  );
  summary.results += checked.length;
  summary.failing += checked.filter(({ result }) => result.status === 'fail').length;
  const alerts = checked.flatMap(({ result, previous, since }) =>
    result.status === 'fail' &&
    previous?.status !== 'fail' &&
    (account === home || !ORGANISATION_CHECKS.has(result.check))
      ? [postureAlert(result, evidence.generatedTime, since)]
      : [],
  );
  if (alerts.length) {
    await deps.alerts.send(alerts, budget);
    summary.alerted += alerts.length;
  }
  for (const { result, since } of checked)
    await deps.state.put(result.account, result.check, { status: result.status, since }, budget);
};

export { makePostureHandler, PostureAuditError };
export type { PostureHandlerDeps, PostureRunSummary };
