import { describe, expect, it } from 'vitest';
import { auditOrder, radicalInverse } from '../../handlers/root-posture/audit-order.ts';

const HOME = '111122223333';
const members = (count: number) => Array.from({ length: count }, (_, index) => String(100000000000 + index));
const DAY = 86_400_000;
/** A run's UTC day, as a date in it. */
const day = (index: number) => new Date(index * DAY + 6 * 3_600_000);

describe('Posture audit order: which accounts a run takes first', () => {
  it.each([
    { n: 0, inverse: 0 },
    { n: 1, inverse: 0.5 },
    { n: 2, inverse: 0.25 },
    { n: 3, inverse: 0.75 },
    { n: 4, inverse: 0.125 },
    { n: 6, inverse: 0.375 },
  ])('radical inverse of $n is $inverse', ({ n, inverse }) => {
    expect(radicalInverse(n)).toBe(inverse);
  });

  it("puts the function's own account first, once, and every member once", () => {
    // Act
    const order = auditOrder(HOME, ['444455556666', HOME, '777788889999', '444455556666'], day(20_429));

    // Assess
    expect(order[0]).toBe(HOME);
    expect([...order].sort()).toStrictEqual([HOME, '444455556666', '777788889999'].sort());
  });

  it('gives the same order all day (a retry redoes what its run did first) and another the next day', () => {
    // Prepare
    const list = members(10);
    const morning = new Date(20_429 * DAY + 60_000);
    const evening = new Date(20_430 * DAY - 60_000);

    // Act
    const orders = [morning, evening, day(20_430)].map((at) => auditOrder(HOME, list, at)[1]);

    // Assess
    expect(orders[0]).toBe(orders[1]);
    expect(orders[2]).not.toBe(orders[0]);
  });

  // A run reaches its first K members; each member must be reached within 2^⌈log2(2N/K)⌉ days.
  it('reaches every member within 2^⌈log2(2N/K)⌉ days, for 1 to 60 members and any K, from any day', () => {
    const late: string[] = [];
    for (let n = 1; n <= 60; n += 1) {
      const list = members(n);
      for (let reached = 1; reached <= n; reached += 1) {
        const window = 2 ** Math.ceil(Math.log2((2 * n) / reached));
        for (const first of [20_429, 20_430, 20_433, 20_480]) {
          const seen = new Set<string>();
          for (let offset = 0; offset < window; offset += 1)
            for (const account of auditOrder(HOME, list, day(first + offset)).slice(1, reached + 1))
              seen.add(account);
          if (seen.size !== n) late.push(`N ${n}, K ${reached}, from day ${first}: ${seen.size} reached`);
        }
      }
    }
    expect(late).toStrictEqual([]);
  });
});
