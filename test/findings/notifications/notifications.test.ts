import { describe, expect, it } from 'vitest';
import { emailSubject } from '../../../findings/notifications/email-subject.ts';
import { findingNotification } from '../../../findings/notifications/finding-notification.ts';
import { chatbotNotification } from '../../../findings/notifications/notification.ts';
import { runbookFor } from '../../../findings/notifications/runbook-for.ts';
import { FINDING_KINDS } from '../../../findings/catalogue.ts';
import { onlyFinding, sampleFindings } from '../../helpers/sample-findings.ts';

describe('Notifications: subjects', () => {
  it('keeps every sample subject under 100 characters of printable ASCII, with severity, account and source IP', async () => {
    // Prepare
    const samples = await sampleFindings();

    // Act
    const subjects = samples.map(({ finding }) => ({
      finding,
      subject: findingNotification(finding).subject,
    }));

    // Assess
    for (const { finding, subject } of subjects) {
      expect(subject).toMatch(/^\[(CRITICAL|HIGH|MEDIUM|LOW|INFO)\] [\x20-\x7e]+$/);
      expect(subject.length).toBeLessThan(100);
      expect(subject).toContain(` in ${finding.account}`);
      if (finding.sourceIp && /^[\d.]+$/.test(finding.sourceIp))
        expect(subject).toContain(` from ${finding.sourceIp}`);
    }
  });

  it('names the alias when known and there is room', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-failed.json');

    // Act
    const { subject } = findingNotification({ ...finding, accountAlias: 'payments-prod' });

    // Assess
    expect(subject).toBe('[MEDIUM] Failed root sign-in in 111122223333 (payments-prod) from 192.0.2.0');
  });

  it.each([
    {
      scenario: 'drops the alias first',
      parts: { headline: 'H'.repeat(55), alias: 'a-long-account-alias', sourceIp: '203.0.113.10' },
      subject: `[HIGH] ${'H'.repeat(55)} in 111122223333 from 203.0.113.10`,
    },
    {
      scenario: 'then a source that is not an address',
      parts: { headline: 'H'.repeat(60), sourceIp: 'elasticloadbalancing.amazonaws.com' },
      subject: `[HIGH] ${'H'.repeat(60)} in 111122223333`,
    },
    {
      scenario: 'then shortens the headline, keeping the IP address',
      parts: { headline: 'H'.repeat(90), sourceIp: '2001:db8::ff00:42:8329' },
      subject: `[HIGH] ${'H'.repeat(45)}... in 111122223333 from 2001:db8::ff00:42:8329`,
    },
    {
      scenario: 'and keeps ASCII only, on one line',
      parts: { headline: 'Root sign-in\nwithout MFA ✓', alias: 'prod-é' },
      subject: '[HIGH] Root sign-in without MFA in 111122223333 (prod-e)',
    },
  ])('$scenario', ({ parts, subject }) => {
    // Act
    const made = emailSubject({ tag: '[HIGH]', account: '111122223333', ...parts });

    // Assess
    expect(made).toBe(subject);
    expect(made.length).toBeLessThan(100);
  });
});

describe('Notifications: body and chat', () => {
  it('builds the body from the finding: summary, key fields, CloudTrail link, runbook', async () => {
    // Prepare
    const { finding } = await onlyFinding('access-key/root-access-key-put-bucket-policy.json');

    // Act
    const { text } = findingNotification(finding);

    // Assess
    expect(text.split('\n').slice(0, 2)).toStrictEqual([`CRITICAL: ${finding.title}`, '']);
    expect(text).toContain('  Credential   access-key AKIAIOSFODNN7EXAMPLE; MFA no');
    expect(text).toContain(
      '  https://eu-west-1.console.aws.amazon.com/cloudtrailv2/home?region=eu-west-1#/events/EXAMPLE-0000',
    );
    expect(text).toContain('Runbook: Root access key used\nWho to call\n');
    expect(text).not.toContain('"userIdentity"');
  });

  it('fills every placeholder of every runbook for every sample', async () => {
    // Prepare
    const samples = await sampleFindings();

    // Act
    const steps = samples.flatMap(({ finding }) => {
      const runbook = runbookFor(finding);
      return [...runbook.call, ...runbook.contain, ...runbook.check];
    });

    // Assess
    expect(steps.filter((step) => /\{\w+\}/.test(step))).toStrictEqual([]);
  });

  it('cites only AWS pages in the runbooks', () => {
    // Act
    const urls = Object.values(FINDING_KINDS).flatMap(({ runbook }) =>
      runbook.references.map((reference) => reference.url),
    );

    // Assess
    expect(
      urls.filter((url) => !/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//.test(url)),
    ).toStrictEqual([]);
  });

  it('makes a custom notification for Amazon Q Developer in chat applications, threaded by incident', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const notification = findingNotification({
      ...finding,
      incident: {
        id: 'incident-7f3a',
        count: 2,
        alert: 'update' as const,
        actions: [],
        regions: [],
        sourceIps: [],
        firstSeen: finding.time,
        lastSeen: finding.time,
      },
    });

    // Act
    const chat = chatbotNotification(notification);

    // Assess
    expect(chat).toStrictEqual({
      version: '1.0',
      source: 'custom',
      id: finding.eventId,
      content: {
        textType: 'client-markdown',
        title: notification.subject,
        description: notification.chat.description,
        nextSteps: runbookFor(finding).contain,
        keywords: ['critical', 'password', 'sign-in', '111122223333'],
      },
      metadata: {
        threadId: 'incident-7f3a',
        summary: finding.title,
        eventType: 'Root Activity Finding',
        relatedResources: ['arn:aws:iam::111122223333:root'],
      },
    });
  });
});
