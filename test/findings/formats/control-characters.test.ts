import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../../findings/formats/control-characters.ts';
import { topicMessage } from '../../../handlers/notifier/topic-message.ts';
import { findingNotification } from '../../../findings/notifications/finding-notification.ts';
import { onlyFinding } from '../../helpers/sample-findings.ts';

/** Any character a terminal could act on: C0 but newline, DEL, C1, separators, bidi controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const HOSTILE = 'Mozilla\u001b]0;owned\u0007\u001b[2J\rspoofed\u009b31m\u202egnp.exe';

describe('Control characters: escapeControl', () => {
  it.each([
    { name: 'an ANSI colour', given: 'a\u001b[31mred', shown: 'a\\u001b[31mred' },
    { name: 'an OSC title', given: '\u001b]0;title\u0007', shown: '\\u001b]0;title\\u0007' },
    { name: 'a carriage return', given: 'ok\rfake', shown: 'ok\\rfake' },
    { name: 'a tab', given: 'a\tb', shown: 'a\\tb' },
    { name: 'a one-byte CSI (C1)', given: 'x\u009b2J', shown: 'x\\u009b2J' },
    { name: 'DEL and backspace', given: 'a\u007f\u0008', shown: 'a\\u007f\\u0008' },
    { name: 'a bidi override', given: 'txt.\u202eexe', shown: 'txt.\\u202eexe' },
    { name: 'a line separator', given: 'a\u2028b', shown: 'a\\u2028b' },
    { name: 'a newline', given: 'a\nb', shown: 'a\\nb' },
    { name: 'plain text, accents and emoji', given: 'Zoë 🙂 192.0.2.0', shown: 'Zoë 🙂 192.0.2.0' },
  ])('shows $name, never writes it raw', ({ given, shown }) => {
    expect(escapeControl(given)).toBe(shown);
  });

  it('keeps newlines when asked, for multi-line text', () => {
    expect(escapeControl('line 1\n\u001b[2Kline 2', { keepNewlines: true })).toBe('line 1\n\\u001b[2Kline 2');
  });

  it('leaves a line of JSON valid, with the same value', () => {
    // Prepare
    const value = { userAgent: HOSTILE };

    // Act
    const line = escapeControl(JSON.stringify(value));

    // Assess
    expect(RAW.test(line)).toBe(false);
    expect(JSON.parse(line)).toStrictEqual(value);
  });

  it('keeps control characters of record fields out of the SNS message: subject, email and chat', async () => {
    // Prepare
    const { finding } = await onlyFinding('sign-in/root-console-login-without-mfa.json');

    // Act
    const message = topicMessage(
      findingNotification({ ...finding, userAgent: HOSTILE, summary: `x${HOSTILE}` }),
    );

    // Assess
    for (const text of [message.subject, ...Object.values(message.byProtocol)])
      expect(RAW.test(text)).toBe(false);
    expect(message.byProtocol.email).toContain('\\u001b]0;owned');
    expect(JSON.parse(message.byProtocol.default)).toMatchObject({ content: expect.anything() });
  });
});
