import { describe, expect, it } from 'vitest';
import { browserPlan, isCi } from './browser.ts';

describe('Browser tests: run, skip with a reason, or fail in CI', () => {
  it.each([
    { scenario: 'Chromium present, locally', exists: true, ci: false, kind: 'run' },
    { scenario: 'Chromium present, in CI', exists: true, ci: true, kind: 'run' },
    { scenario: 'Chromium missing, locally', exists: false, ci: false, kind: 'skip' },
    { scenario: 'Chromium missing, in CI', exists: false, ci: true, kind: 'fail' },
  ])('$scenario: $kind', ({ exists, ci, kind }) => {
    // Act
    const plan = browserPlan('/opt/chromium', exists, ci);

    // Assess
    expect(plan.kind).toBe(kind);
    if (plan.kind !== 'run') expect(plan.reason).toMatch(/^no Chromium at \/opt\/chromium: install it/);
  });

  it.each([
    { CI: 'true', ci: true },
    { CI: '1', ci: true },
    { CI: 'false', ci: false },
    { CI: '0', ci: false },
    { CI: '', ci: false },
    { CI: undefined, ci: false },
  ])('CI=$CI is CI: $ci', ({ CI, ci }) => {
    expect(isCi({ CI })).toBe(ci);
  });
});
