import { describe, expect, it } from 'vitest';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import type { AccountEvidence } from '../../adapters/iam-posture-source.ts';
import { makePostureHandler } from '../../handlers/root-posture/make-posture-handler.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { MemoryPostureStateStore } from '../../adapters/posture-state-store.ts';
import type { PostureStateStore } from '../../adapters/posture-state-store.ts';
import { accountReportCsv, exposedRoot } from '../helpers/credential-reports.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';
import { POSTURE_CHECKS } from '../../schemas/posture-result.ts';
import type { RootPostureFacts } from '../../schemas/root-posture-facts.ts';
import { auditOrder } from '../../handlers/root-posture/audit-order.ts';

const HOME = '111122223333';
const MEMBER = '444455556666';
const context = {
  awsRequestId: 'req',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${HOME}:function:rootwatch-posture`,
};

/** A source that answers from a map, as IAM would, generated at a fixed time. */
const source = (reports: Map<string, string | Error>, facts: RootPostureFacts) => ({
  collect: async (account: string): Promise<AccountEvidence> => {
    const report = reports.get(account);
    if (report instanceof Error || report === undefined)
      throw report ?? new Error(`no report for ${account}`);
    return { account, csv: report, generatedTime: '2026-11-29T06:00:00Z', facts };
  },
});

const setup = (reports: Map<string, string | Error>, facts: RootPostureFacts = { virtualMfaDevices: [] }) => {
  const records = new MemoryRecordSink();
  const alerts = new MemoryAlertSink();
  const state = new MemoryPostureStateStore();
  let day = 0;
  const handler = makePostureHandler({
    source: source(reports, facts),
    records,
    alerts,
    state,
    logger: memoryLogger().logger,
    accounts: [MEMBER],
    settings: AUDIT_DEFAULTS,
    now: () => new Date(Date.UTC(2026, 10, 29 + day++)),
  });
  return { handler, records, alerts, state };
};
const failingChecks = [
  'root-access-keys',
  'root-key-rotation',
  'root-mfa',
  'root-hardware-mfa',
  'root-recent-use',
];

describe('Handler: scheduled root posture audit', () => {
  it('records every result of every account and alerts the checks that fail', async () => {
    // Prepare
    const { handler, records, alerts } = setup(
      new Map([
        [HOME, accountReportCsv(HOME)],
        [MEMBER, accountReportCsv(MEMBER, exposedRoot('2026-11-29T05:00:00+00:00'))],
      ]),
    );

    // Act
    const summary = await handler({}, context);

    // Assess
    expect(summary).toStrictEqual({
      accounts: 2,
      results: 2 * POSTURE_CHECKS.length,
      failing: 5,
      alerted: 5,
      unreadable: 0,
      notReached: 0,
      withoutRootCredentials: 0,
    });
    expect(records.entries.map((entry) => RecordEntrySchema.parse(entry).kind)).toStrictEqual(
      Array(2 * POSTURE_CHECKS.length).fill('posture'),
    );
    expect(
      alerts.alerts.map((alert) => [alert.detailType, alert.detail.account, alert.detail.check]),
    ).toStrictEqual(failingChecks.map((check) => ['Root Posture Finding', MEMBER, check]));
    expect(alerts.alerts[0]?.detail.eventId).toBe(
      `posture:${MEMBER}:root-access-keys:2026-11-29T00:00:00.000Z`,
    );
  });

  it('does not alert again while a check stays failed, and alerts again when it fails after passing', async () => {
    // Prepare
    const reports = new Map([
      [HOME, accountReportCsv(HOME)],
      [MEMBER, accountReportCsv(MEMBER, exposedRoot('2026-11-29T05:00:00+00:00'))],
    ]);
    const { handler, alerts, records } = setup(reports);
    await handler({}, context);

    // Act: still failing; then fixed; then the key is back.
    const stillFailing = await handler({}, context);
    reports.set(MEMBER, accountReportCsv(MEMBER));
    await handler({}, context);
    reports.set(
      MEMBER,
      accountReportCsv(MEMBER, {
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2026-11-01T00:00:00+00:00',
      }),
    );
    const again = await handler({}, context);

    // Assess
    expect(stillFailing.alerted).toBe(0);
    expect(again.alerted).toBe(1);
    expect(alerts.alerts.at(-1)?.detail).toMatchObject({
      check: 'root-access-keys',
      eventId: `posture:${MEMBER}:root-access-keys:2026-12-02T00:00:00.000Z`,
    });
    expect(records.entries.at(-POSTURE_CHECKS.length)).toMatchObject({
      kind: 'posture',
      previousStatus: 'pass',
      result: { check: 'root-access-keys', status: 'fail' },
    });
  });

  it('passes the MFA checks of a member left without root credentials, and counts it', async () => {
    // Prepare: what the AWS mode learns under centralized root access, for a root with nothing left.
    const bare = { mfa_active: 'false', password_last_used: 'no_information' };
    const { handler, records, alerts } = setup(
      new Map([
        [HOME, accountReportCsv(HOME, bare)],
        [MEMBER, accountReportCsv(MEMBER, bare)],
      ]),
      {
        organizationFeatures: ['RootCredentialsManagement', 'RootSessions'],
        rootLoginProfile: 'absent',
        virtualMfaDevices: [],
      },
    );

    // Act
    const summary = await handler({}, context);

    // Assess
    expect(summary).toMatchObject({ failing: 0, alerted: 0, withoutRootCredentials: 2 });
    expect(alerts.alerts).toStrictEqual([]);
    const mfa = records.entries.flatMap((entry) =>
      entry.kind === 'posture' && entry.result.check.endsWith('mfa') ? [entry.result] : [],
    );
    // Accounts are audited at once: each account's records are together, the accounts in any order.
    expect(mfa.map((result) => `${result.account} ${result.check} ${result.status}`).sort()).toStrictEqual(
      [
        `${HOME} root-mfa pass`,
        `${HOME} root-hardware-mfa pass`,
        `${MEMBER} root-mfa pass`,
        `${MEMBER} root-hardware-mfa pass`,
      ].sort(),
    );
    expect(mfa.every((result) => result.detail.startsWith('no root credentials: '))).toBe(true);
  });

  it('alerts an organisation check once, from its own account, though every account records it', async () => {
    // Prepare: the organisation has no centralized root access; both roots are otherwise sound.
    const { handler, records, alerts } = setup(
      new Map([
        [HOME, accountReportCsv(HOME)],
        [MEMBER, accountReportCsv(MEMBER)],
      ]),
      { organizationFeatures: [], virtualMfaDevices: [] },
    );

    // Act
    const summary = await handler({}, context);

    // Assess
    const central = records.entries.flatMap((entry) =>
      entry.kind === 'posture' && entry.result.check === 'centralized-root-access' ? [entry.result] : [],
    );
    expect(central.map((result) => `${result.account} ${result.status}`)).toStrictEqual([
      `${HOME} fail`,
      `${MEMBER} fail`,
    ]);
    expect(alerts.alerts.map((alert) => `${alert.detail.account} ${alert.detail.check}`)).toStrictEqual([
      `${HOME} centralized-root-access`,
    ]);
    expect(summary).toMatchObject({ failing: 2, alerted: 1 });
  });

  it('records an unreadable report, audits the others, and fails the run when an account cannot be reached', async () => {
    // Prepare
    const { handler, records } = setup(
      new Map<string, string | Error>([
        [HOME, 'not,a,report\n'],
        [MEMBER, Object.assign(new Error('denied'), { name: 'AccessDenied' })],
      ]),
    );

    // Act
    const run = handler({}, context);

    // Assess
    await expect(run).rejects.toMatchObject({
      name: 'PostureAuditError',
      message: '1 of 2 accounts not audited',
    });
    expect(records.entries).toMatchObject([{ kind: 'invalid-report', account: HOME }]);
  });

  describe('many accounts', () => {
    const MEMBERS = ['200000000001', '200000000002', '200000000003', '200000000004', '200000000005'];
    const RUN = new Date('2026-12-07T06:00:00Z');
    /** A handler over HOME and MEMBERS whose source waits `collect` before it answers. */
    const many = (
      collect: (account: string, signal: AbortSignal | undefined) => Promise<void>,
      concurrency?: number,
    ) => {
      const records = new MemoryRecordSink();
      const states = new MemoryPostureStateStore();
      /** The budget signal of every state read and write, in order. */
      const stateSignals: Array<AbortSignal | undefined> = [];
      const state: PostureStateStore = {
        get: (account, check, options) => {
          stateSignals.push(options?.signal);
          return states.get(account, check);
        },
        put: (account, check, value, options) => {
          stateSignals.push(options?.signal);
          return states.put(account, check, value);
        },
      };
      const handler = makePostureHandler({
        source: {
          collect: async (account, options) => {
            await collect(account, options?.signal);
            return {
              account,
              csv: accountReportCsv(account),
              generatedTime: '2026-12-07T05:00:00Z',
              facts: { virtualMfaDevices: [] },
            };
          },
        },
        records,
        alerts: new MemoryAlertSink(),
        state,
        logger: memoryLogger().logger,
        accounts: MEMBERS,
        settings: AUDIT_DEFAULTS,
        now: () => RUN,
        ...(concurrency === undefined ? {} : { concurrency }),
      });
      /** The accounts of the records in order, a run of the same account counted once. */
      const recordedAccounts = () =>
        records.entries
          .flatMap((entry) => (entry.kind === 'posture' ? [entry.result.account] : []))
          .filter((account, index, all) => account !== all[index - 1]);
      return { handler, recordedAccounts, stateSignals };
    };

    it("audits `concurrency` accounts at once, each account's records together", async () => {
      // Prepare
      let inFlight = 0;
      let most = 0;
      const { handler, recordedAccounts } = many(async () => {
        most = Math.max(most, (inFlight += 1));
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
      }, 3);

      // Act
      const summary = await handler({}, context);

      // Assess
      expect(most).toBe(3);
      expect(summary).toMatchObject({ accounts: 6, results: 6 * POSTURE_CHECKS.length, notReached: 0 });
      expect([...recordedAccounts()].sort()).toStrictEqual([HOME, ...MEMBERS].sort());
    });

    it("starts no account once the invocation's time runs short, and fails naming those it did not reach", async () => {
      // Prepare: 10 minutes left at the start; each account takes 4 of them (the reserve is 90 s).
      let left = 600_000;
      const signals: Array<AbortSignal | undefined> = [];
      const { handler, recordedAccounts, stateSignals } = many(async (_account, signal) => {
        signals.push(signal);
        left -= 240_000;
      }, 1);
      const order = auditOrder(HOME, MEMBERS, RUN);

      // Act
      const run = handler({}, { ...context, getRemainingTimeInMillis: () => left });

      // Assess: 600 s and 360 s left start an account; 120 s does too (over the reserve); -120 s does not.
      await expect(run).rejects.toMatchObject({
        name: 'PostureAuditError',
        message: `3 of 6 accounts not audited; 3 not reached before the invocation's time ran out (${order.slice(3).join(', ')})`,
      });
      expect(recordedAccounts()).toStrictEqual(order.slice(0, 3));
      expect(signals.every((signal) => signal instanceof AbortSignal)).toBe(true);
      expect(stateSignals).toHaveLength(3 * 2 * POSTURE_CHECKS.length);
      expect(stateSignals.every((signal) => signal instanceof AbortSignal)).toBe(true);
    });

    it('outside Lambda (no remaining time) audits every account, with no budget signal', async () => {
      // Prepare
      const signals: Array<AbortSignal | undefined> = [];
      const { handler, stateSignals } = many(async (_account, signal) => {
        signals.push(signal);
      });

      // Act
      const summary = await handler({}, context);

      // Assess
      expect(summary).toMatchObject({ accounts: 6, notReached: 0 });
      expect(signals).toStrictEqual(Array(6).fill(undefined));
      expect(stateSignals).toStrictEqual(Array(6 * 2 * POSTURE_CHECKS.length).fill(undefined));
    });
  });
});
