import { describe, expect, it } from 'vitest';
import { toAsffFinding } from '../../../findings/formats/asff.ts';
import { findingKind } from '../../../findings/finding-kind.ts';
import type { FindingKind } from '../../../findings/finding-kind.ts';
import { findingText } from '../../../findings/formats/finding-text.ts';
import { toOcsfDetectionFinding } from '../../../findings/formats/ocsf.ts';
import { FINDING_FORMATS, renderFinding } from '../../../findings/formats/render-finding.ts';
import { FINDING_KINDS } from '../../../findings/catalogue.ts';
import { onlyFinding, sampleFindings } from '../../helpers/sample-findings.ts';

describe('Format: renderFinding', () => {
  it('renders native as the finding itself, ocsf and asff as their converters, text as findingText', async () => {
    // Prepare
    const { event, finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const asff = { productAccount: '999988887777', productRegion: 'us-east-1' };

    // Act
    const rendered = FINDING_FORMATS.map((format) =>
      renderFinding(format, finding, { rawEvent: event, asff }),
    );

    // Assess
    expect(rendered).toStrictEqual([
      JSON.stringify(finding),
      JSON.stringify(toOcsfDetectionFinding(finding, { rawEvent: event })),
      JSON.stringify(toAsffFinding(finding, asff)),
      findingText(finding),
    ]);
    expect(rendered.slice(0, 3).every((line) => !line.includes('\n'))).toBe(true);
  });
});

describe('Format: text', () => {
  it('adds the incident and the suppression when the finding has them', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');
    const annotated = {
      ...finding,
      incident: {
        id: 'incident-7f3a',
        count: 1,
        alert: 'update' as const,
        actions: ['signin:ConsoleLogin', 'iam:CreateUser'],
        regions: ['us-east-1'],
        sourceIps: ['192.0.2.0', '198.51.100.7'],
        firstSeen: '2022-11-10T16:24:34Z',
        lastSeen: '2022-11-10T16:40:02Z',
      },
      suppression: { ruleId: 'break-glass-7', reason: 'SEC-42', expires: '2022-11-11T00:00:00Z' },
    };

    // Act
    const lines = findingText(annotated).split('\n');

    // Assess
    expect(lines.slice(-3)).toStrictEqual([
      '  incident incident-7f3a: 1 finding, 2 actions, 1 region, 2 source IPs, 2022-11-10T16:24:34Z to 2022-11-10T16:40:02Z',
      '  suppressed by break-glass-7 until 2022-11-11T00:00:00Z: SEC-42',
      '  event deb1e1f9-c99b-4612-8e9f-21f93b5d79c0  signin:ConsoleLogin  CIS 3.0.0 1.7, 1.5',
    ]);
    expect(findingText(finding).split('\n')).toHaveLength(lines.length - 2);
  });
});

describe('Finding kinds', () => {
  it('gives every kind to at least one sample, so that each has a golden notification', async () => {
    // Act
    const kinds = new Set((await sampleFindings()).map(({ finding }) => findingKind(finding)));

    // Assess
    expect([...kinds].sort()).toStrictEqual((Object.keys(FINDING_KINDS) as FindingKind[]).sort());
  });

  it.each<[string, FindingKind]>([
    ['sign-in/root-console-login-without-mfa.json', 'sign-in-without-mfa'],
    ['sign-in/root-console-login-mfa-not-recorded.json', 'sign-in'],
    ['credential-change/root-delete-virtual-mfa-device.json', 'mfa-removed'],
    ['credential-change/root-enable-mfa-device.json', 'mfa-change'],
    ['password/root-password-updated.json', 'password-change'],
    ['credential-change/root-upload-signing-certificate.json', 'credential-change'],
    ['access-key/root-access-key-failed-run-instances.json', 'access-key-use'],
    ['unknown-credential/root-activity-without-credential-details.json', 'unknown-credential'],
  ])('calls %s a %s finding', async (file, kind) => {
    expect(findingKind((await onlyFinding(file)).finding)).toBe(kind);
  });

  it('ignores a severity override: the kind follows the facts', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');

    // Act
    const kind = findingKind({ ...finding, severity: 'low', severityRule: 'override:lab' });

    // Assess
    expect(kind).toBe('sign-in-without-mfa');
  });
});
