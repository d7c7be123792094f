import { describe, expect, it } from 'vitest';
import { AUDIT_DEFAULTS } from '../../posture/audit-root.ts';
import type { AccountEvidence } from '../../adapters/iam-posture-source.ts';
import { makePostureHandler } from '../../handlers/root-posture/make-posture-handler.ts';
import { RecordEntrySchema } from '../../schemas/record-entry.ts';
import { MemoryPostureStateStore } from '../../adapters/posture-state-store.ts';
import { accountReportCsv, exposedRoot } from '../helpers/credential-reports.ts';
import { MemoryAlertSink, MemoryRecordSink, memoryLogger } from '../helpers/fake-sinks.ts';
import { POSTURE_CHECKS } from '../../schemas/posture-result.ts';
import type { RootPostureFacts } from '../../schemas/root-posture-facts.ts';

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
    expect(mfa.map((result) => `${result.account} ${result.check} ${result.status}`)).toStrictEqual([
      `${HOME} root-mfa pass`,
      `${HOME} root-hardware-mfa pass`,
      `${MEMBER} root-mfa pass`,
      `${MEMBER} root-hardware-mfa pass`,
    ]);
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
});
