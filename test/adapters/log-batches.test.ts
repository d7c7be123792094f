import { describe, expect, it } from 'vitest';
import { LOG_LIMITS, planLogBatches } from '../../adapters/log-batches.ts';

const at = (timestamp: number, message = 'm') => ({ timestamp, message });

describe('Batches: PutLogEvents limits', () => {
  it('sorts events chronologically', () => {
    expect(planLogBatches([at(3), at(1), at(2)])).toStrictEqual([[at(1), at(2), at(3)]]);
  });

  it('splits at 10,000 events', () => {
    expect(
      planLogBatches(Array.from({ length: 10_001 }, (_, i) => at(i))).map((batch) => batch.length),
    ).toStrictEqual([10_000, 1]);
  });

  it('splits at 1,048,576 bytes, counting 26 bytes per event and UTF-8 bytes of the message', () => {
    // Prepare: three events of 349,500 UTF-8 bytes (é is 2 bytes) + 26: two fit, three do not.
    const events = Array.from({ length: 3 }, (_, i) => at(i, 'é'.repeat(174_750)));

    // Assess
    expect(planLogBatches(events).map((batch) => batch.length)).toStrictEqual([2, 1]);
  });

  it('splits batches that would span more than 24 hours', () => {
    expect(
      planLogBatches([at(0), at(LOG_LIMITS.maxSpanMs), at(LOG_LIMITS.maxSpanMs + 1)]).map(
        (batch) => batch.length,
      ),
    ).toStrictEqual([2, 1]);
  });

  it('refuses an event larger than a batch can hold', () => {
    expect(() => planLogBatches([at(0, 'x'.repeat(LOG_LIMITS.maxBatchBytes))])).toThrow(RangeError);
  });
});
