import { describe, expect, it } from 'vitest';
import { makeNotifierHandler } from '../../handlers/notifier/make-notifier-handler.ts';
import type { TopicMessage } from '../../adapters/sns-publisher.ts';
import { ALERT_DETAIL_TYPES, ALERT_SOURCE } from '../../schemas/alert-event.ts';
import type { CoverageAlertDetail } from '../../schemas/coverage-alert.ts';
import { memoryLogger } from '../helpers/fake-sinks.ts';

const SILENT: CoverageAlertDetail = {
  eventId: 'coverage:444455556666:eu-west-1:2026-11-29T07:00:00.000Z',
  account: '444455556666',
  region: 'eu-west-1',
  liveness: 'silent',
  lastHeard: '2026-11-29T07:00:00.000Z',
  silentForMinutes: 300,
  silentAfterMinutes: 180,
  trail: 'read-write',
  asOf: '2026-11-29T12:00:00.000Z',
};

const notify = async (detail: CoverageAlertDetail) => {
  const messages: TopicMessage[] = [];
  const handler = makeNotifierHandler({
    topic: { publish: async (message) => (messages.push(message), 'message-1') },
    logger: memoryLogger().logger,
  });
  const result = await handler({ source: ALERT_SOURCE, 'detail-type': ALERT_DETAIL_TYPES.coverage, detail });
  return { result, message: messages[0]! };
};

describe('Notifier: Rootwatch Coverage Gap', () => {
  it.each([
    {
      scenario: 'a forwarder gone silent',
      detail: SILENT,
      subject: '[COVERAGE GAP] Forwarder silent: eu-west-1 in 444455556666',
      says: 'its last liveness event was heard at 2026-11-29T07:00:00.000Z, 300 minutes before',
      fix: 'Look at the forwarder dead-letter queue',
    },
    {
      scenario: 'a Region never heard (enabled after the StackSet was made)',
      detail: {
        ...SILENT,
        eventId: 'coverage:444455556666:af-south-1:never',
        region: 'af-south-1',
        liveness: 'never-heard' as const,
        lastHeard: null,
        silentForMinutes: null,
      },
      subject: '[COVERAGE GAP] Forwarder never heard: af-south-1 in 444455556666',
      says: 'no liveness event was ever heard from it',
      fix: 'add a stack instance of the RootwatchForwarder StackSet',
    },
  ])('emails $scenario with its id, what was found and the fix', async ({ detail, subject, says, fix }) => {
    // Act
    const { result, message } = await notify(detail);

    // Assess
    expect(result.id).toBe(detail.eventId);
    expect(message.subject).toBe(subject);
    // The body is wrapped: compare its words.
    const words = (message.byProtocol.email ?? '').replace(/\s+/g, ' ');
    expect(words).toContain(says);
    expect(words).toContain(fix);
    expect(JSON.parse(message.byProtocol.default)).toMatchObject({
      id: detail.eventId,
      metadata: { threadId: detail.eventId, eventType: 'Rootwatch Coverage Gap' },
    });
  });
});
