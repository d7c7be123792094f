import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKind } from '../../../findings/finding-kind.ts';
import type { FindingKind } from '../../../findings/finding-kind.ts';
import { findingNotification } from '../../../findings/notifications/finding-notification.ts';
import { chatMarkdown } from '../../../findings/notifications/notification.ts';
import type { Notification } from '../../../findings/notifications/notification.ts';
import { postureNotification } from '../../../posture/posture-notification.ts';
import { FINDING_KINDS } from '../../../findings/catalogue.ts';
import type { Finding } from '../../../schemas/finding.ts';
import { fixtureText } from '../../helpers/credential-reports.ts';
import { expectGolden, GOLDEN_DIR } from '../../helpers/golden.ts';
import { auditCsv } from '../../helpers/posture.ts';
import { sampleFindings } from '../../helpers/sample-findings.ts';

const emailFile = (notification: Notification): string =>
  `Subject: ${notification.subject}\n\n${notification.text}\n`;

/** The first sample finding of each kind, by file name: the golden cases. */
const goldenCases = async (): Promise<{ kind: FindingKind; file: string; finding: Finding }[]> => {
  const byKind = new Map<FindingKind, { file: string; finding: Finding }>();
  for (const { file, finding } of await sampleFindings()) {
    const kind = findingKind(finding);
    if (!byKind.has(kind)) byKind.set(kind, { file, finding });
  }
  return [...byKind].map(([kind, found]) => ({ kind, ...found }));
};

/** A console session six findings into its incident, this one more severe than any before it: it pages again. */
const inIncident = (finding: Finding): Finding => ({
  ...finding,
  incident: {
    id: `root-session-${finding.account}-20250602T0912`,
    count: 6,
    alert: 'escalation' as const,
    actions: [
      'signin:ConsoleLogin',
      'iam:ListUsers',
      'iam:CreateUser',
      'iam:AttachUserPolicy',
      'iam:CreateAccessKey',
      'cloudshell:CreateSession',
    ],
    regions: [finding.region],
    sourceIps: [finding.sourceIp ?? 'none'],
    firstSeen: '2025-06-02T09:12:05Z',
    lastSeen: finding.time,
  },
});

/** A finding the completeness scan found in the trail the day after: the live path never received it. */
const foundLate = (finding: Finding): Finding => ({
  ...finding,
  lateDetection: {
    detectedAt: '2025-03-02T01:00:41Z',
    object:
      's3://org-trail-logs/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/ap-southeast-2/2025/03/01/111122223333_CloudTrail_ap-southeast-2_20250301T1205Z_Mu0KsOhtH1ar15ZZ.json.gz',
  },
});

/** The organisation's answer for the one check a credential report alone cannot fail. */
const ONLY_ROOT_SESSIONS = { organizationFeatures: ['RootSessions'] };

const posture = () => {
  const csv = Buffer.from(
    (JSON.parse(fixtureText('444455556666-get-credential-report.json')) as { Content: string }).Content,
    'base64',
  ).toString('utf8');
  const central = auditCsv(csv, { facts: ONLY_ROOT_SESSIONS }).find(
    (result) => result.check === 'centralized-root-access',
  )!;
  return auditCsv(csv)
    .map((result) => (result.check === central.check ? central : result))
    .map((result) => ({
      ...result,
      eventId: `posture:${result.account}:${result.check}:2025-06-01T12:00:00.000Z`,
      asOf: '2025-06-01T12:00:00Z',
    }));
};

describe('Notifications: golden files (test/golden/notifications)', async () => {
  const cases = await goldenCases();

  it('has a case for every kind of finding', () => {
    expect(cases.map(({ kind }) => kind).sort()).toStrictEqual(Object.keys(FINDING_KINDS).sort());
  });

  it.each(cases)('$kind ($file): subject, body and chat as reviewed', ({ kind, finding }) => {
    // Act
    const notification = findingNotification(finding);

    // Assess
    expectGolden(`notifications/${kind}.email.txt`, emailFile(notification));
    expectGolden(`notifications/${kind}.chat.md`, `${chatMarkdown(notification.chat)}\n`);
  });

  it('console session in an incident: the incident counts in the body and the chat', () => {
    // Prepare
    const finding = cases.find(({ kind }) => kind === 'console-session')!.finding;

    // Act
    const notification = findingNotification(inIncident(finding));

    // Assess
    expectGolden('notifications/console-session-in-incident.email.txt', emailFile(notification));
    expectGolden('notifications/console-session-in-incident.chat.md', `${chatMarkdown(notification.chat)}\n`);
    expect(notification.chat.threadId).toBe('root-session-111122223333-20250602T0912');
  });

  it('access key use found late: the subject says late, the body why, before the facts', () => {
    // Prepare
    const finding = cases.find(({ kind }) => kind === 'access-key-use')!.finding;

    // Act
    const notification = findingNotification(foundLate(finding));

    // Assess
    expectGolden('notifications/access-key-use-late.email.txt', emailFile(notification));
    expectGolden('notifications/access-key-use-late.chat.md', `${chatMarkdown(notification.chat)}\n`);
    expect(notification.subject).toMatch(/^\[CRITICAL, late\] /);
  });

  it.each(posture())('posture $check: subject and body as reviewed', (alert) => {
    // Act
    const notification = postureNotification(alert);

    // Assess
    expectGolden(`notifications/posture-${alert.check}.email.txt`, emailFile(notification));
  });

  it('keeps no golden file that no case writes', () => {
    // Prepare
    const written = new Set([
      ...cases.flatMap(({ kind }) => [`${kind}.email.txt`, `${kind}.chat.md`]),
      'console-session-in-incident.email.txt',
      'console-session-in-incident.chat.md',
      'access-key-use-late.email.txt',
      'access-key-use-late.chat.md',
      ...posture().map((alert) => `posture-${alert.check}.email.txt`),
    ]);

    // Act
    const files = readdirSync(join(GOLDEN_DIR, 'notifications'));

    // Assess
    expect(files.filter((file) => !written.has(file))).toStrictEqual([]);
  });
});
