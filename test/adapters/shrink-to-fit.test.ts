import { describe, expect, it } from 'vitest';
import { shrinkToFit } from '../../adapters/shrink-to-fit.ts';

const size = (value: unknown) => JSON.stringify(value).length;

describe('Alert size: shrinkToFit', () => {
  it('returns a detail that fits unchanged', () => {
    // Prepare
    const detail = { eventId: 'e1', userAgent: 'x'.repeat(1_000) };

    // Act
    const shrunk = shrinkToFit(detail, (candidate) => size(candidate) <= 2_000);

    // Assess
    expect(shrunk).toStrictEqual({ detail, truncated: [] });
  });

  it.each([
    { limit: 25_000, truncated: ['userAgent'] },
    { limit: 6_000, truncated: ['errorMessage', 'userAgent'] },
  ])(
    'cuts the longest free text first until it fits under $limit, naming what it cut',
    ({ limit, truncated }) => {
      // Prepare
      const detail = {
        eventId: 'e'.repeat(5_000),
        userAgent: 'u'.repeat(30_000),
        errorMessage: 'm'.repeat(8_000),
      };

      // Act
      const shrunk = shrinkToFit(detail, (candidate) => size(candidate) <= limit);

      // Assess
      expect(shrunk.truncated).toStrictEqual(truncated);
      expect((shrunk.detail as { truncated?: string[] }).truncated).toStrictEqual(truncated);
      expect(size(shrunk.detail)).toBeLessThanOrEqual(limit);
      expect(shrunk.detail.eventId).toBe(detail.eventId);
    },
  );

  it('cuts nested free text (an incident address) and never identifying fields', () => {
    // Prepare
    const detail = {
      eventId: 'e'.repeat(9_000),
      incident: { id: 'i'.repeat(9_000), sourceIps: ['192.0.2.1', 's'.repeat(9_000)] },
    };

    // Act
    const shrunk = shrinkToFit(detail, (candidate) => size(candidate) <= 20_000);

    // Assess
    expect(shrunk.truncated).toStrictEqual(['incident.sourceIps.1']);
    expect(shrunk.detail.incident.id).toBe(detail.incident.id);
    expect(shrunk.detail.incident.sourceIps[0]).toBe('192.0.2.1');
  });

  it('stops when nothing more can be cut, rather than dropping the alert', () => {
    // Prepare
    const detail = { eventId: 'e'.repeat(10_000) };

    // Act
    const shrunk = shrinkToFit(detail, (candidate) => size(candidate) <= 100);

    // Assess
    expect(shrunk).toStrictEqual({ detail, truncated: [] });
  });
});
