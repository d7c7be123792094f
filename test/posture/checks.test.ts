import { describe, expect, it } from 'vitest';
import type { PostureCheckId, PostureStatus } from '../../schemas/posture-result.ts';
import type { RowText } from '../helpers/credential-reports.ts';
import { checkResult } from '../helpers/posture.ts';

interface Case {
  name: string;
  changes: Partial<RowText>;
  settings?: { windowDays?: number; minAccountAgeDays?: number };
  status: PostureStatus;
  detail: string;
  evidence?: Record<string, string>;
}

const run = (check: PostureCheckId) => (c: Case) => {
  // Act
  const result = checkResult(check, c.changes, { settings: c.settings ?? {} });

  // Assess
  expect({ status: result.status, detail: result.detail }).toStrictEqual({
    status: c.status,
    detail: c.detail,
  });
  if (c.evidence) expect(result.evidence).toStrictEqual(c.evidence);
};

const WHEN = 'as of 2025-06-01T12:00:00Z (given)';

describe('Check: root-access-keys', () => {
  it.each<Case>([
    {
      name: 'no active key',
      changes: {},
      status: 'pass',
      detail: 'root has no active access key',
      evidence: { access_key_1_active: 'false', access_key_2_active: 'false' },
    },
    {
      name: 'key 2 active, upper-case as the docs write it',
      changes: { access_key_2_active: 'TRUE' },
      status: 'fail',
      detail: 'root access key 2 is active',
      evidence: { access_key_1_active: 'false', access_key_2_active: 'TRUE' },
    },
    {
      name: 'both keys active',
      changes: { access_key_1_active: 'true', access_key_2_active: 'true' },
      status: 'fail',
      detail: 'root access keys 1 and 2 are active',
    },
    {
      name: 'an inactive key that still exists',
      changes: { access_key_1_last_rotated: '2020-01-01T00:00:00+00:00' },
      status: 'pass',
      detail: 'root has no active access key',
    },
  ])('$name: $status', run('root-access-keys'));
});

describe('Check: root-key-rotation', () => {
  it.each<Case>([
    { name: 'no active key', changes: {}, status: 'pass', detail: 'root has no active access key to rotate' },
    {
      name: 'a key rotated 90 days before, to the second',
      changes: { access_key_1_active: 'true', access_key_1_last_rotated: '2025-03-03T12:00:00+00:00' },
      status: 'pass',
      detail: `root access key 1 last rotated 2025-03-03T12:00:00Z, 90 days before: within 90 days ${WHEN}`,
    },
    {
      name: 'a key rotated 90 days and a second before',
      changes: { access_key_1_active: 'true', access_key_1_last_rotated: '2025-03-03T11:59:59+00:00' },
      status: 'fail',
      detail: `root access key 1 last rotated 2025-03-03T11:59:59Z, 90 days before: over 90 days ${WHEN}`,
      evidence: {
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2025-03-03T11:59:59+00:00',
        access_key_2_active: 'false',
        access_key_2_last_rotated: 'N/A',
      },
    },
    {
      name: 'an old inactive key beside a fresh active one',
      changes: {
        access_key_1_last_rotated: '2019-01-01T00:00:00+00:00',
        access_key_2_active: 'true',
        access_key_2_last_rotated: '2025-05-30T12:00:00+00:00',
      },
      status: 'pass',
      detail: `root access key 2 last rotated 2025-05-30T12:00:00Z, 2 days before: within 90 days ${WHEN}`,
    },
    {
      name: 'one fresh and one old active key',
      changes: {
        access_key_1_active: 'true',
        access_key_1_last_rotated: '2025-05-31T12:00:00+00:00',
        access_key_2_active: 'true',
        access_key_2_last_rotated: '2024-06-01T12:00:00+00:00',
      },
      status: 'fail',
      detail:
        'root access key 1 last rotated 2025-05-31T12:00:00Z, 24 hours before; access key 2 last rotated ' +
        `2024-06-01T12:00:00Z, 365 days before: over 90 days ${WHEN}`,
    },
    {
      name: 'an active key whose rotation is N/A (an inconsistent fixture)',
      changes: { access_key_1_active: 'true' },
      status: 'unknown',
      detail: `root access key 1 is active but its last_rotated is N/A: age unknown ${WHEN}`,
    },
    {
      name: 'an active key rotated after the as-of',
      changes: { access_key_1_active: 'true', access_key_1_last_rotated: '2025-06-02T00:00:00+00:00' },
      status: 'unknown',
      detail: `root access key 1 was rotated later (2025-06-02T00:00:00Z): age unknown ${WHEN}`,
    },
  ])('$name: $status', run('root-key-rotation'));
});

describe('Check: root-mfa (credential report alone)', () => {
  it.each<Case>([
    {
      name: 'MFA active',
      changes: {},
      status: 'pass',
      detail: 'root has an MFA device',
      evidence: { mfa_active: 'true' },
    },
    {
      name: 'no MFA',
      changes: { mfa_active: 'false' },
      status: 'fail',
      detail: 'root has no MFA device; a credential report cannot show a root user left without credentials',
      evidence: { mfa_active: 'false' },
    },
    {
      name: 'no MFA, no key, and a fixture-style password_enabled false: never skipped from a CSV',
      changes: { mfa_active: 'false', password_enabled: 'false' },
      status: 'fail',
      detail: 'root has no MFA device; a credential report cannot show a root user left without credentials',
    },
  ])('$name: $status', run('root-mfa'));
});

describe('Check: root-hardware-mfa (credential report alone)', () => {
  it.each<Case>([
    {
      name: 'MFA active',
      changes: {},
      status: 'unknown',
      detail:
        'root has MFA; a credential report cannot tell virtual from hardware (needs ListVirtualMFADevices)',
      evidence: { mfa_active: 'true' },
    },
    {
      name: 'no MFA at all',
      changes: { mfa_active: 'false' },
      status: 'fail',
      detail: 'root has no MFA device at all',
    },
  ])('$name: $status', run('root-hardware-mfa'));
});

describe('Check: root-recent-use', () => {
  it.each<Case>([
    {
      name: 'password used a day before, to the second',
      changes: { password_last_used: '2025-05-31T12:00:00+00:00' },
      status: 'fail',
      detail: `root password used 2025-05-31T12:00:00Z, 24 hours before: within 1 day ${WHEN}`,
      evidence: {
        user_creation_time: '2017-05-09T12:01:00+00:00',
        password_last_used: '2025-05-31T12:00:00+00:00',
        access_key_1_last_used_date: 'N/A',
        access_key_2_last_used_date: 'N/A',
      },
    },
    {
      name: 'password used a day and a second before',
      changes: { password_last_used: '2025-05-31T11:59:59+00:00' },
      status: 'pass',
      detail: `root last used 2025-05-31T11:59:59Z (password), 24 hours before: not within 1 day ${WHEN}`,
    },
    {
      name: 'the same use with a 7-day window',
      changes: { password_last_used: '2025-05-31T11:59:59+00:00' },
      settings: { windowDays: 7 },
      status: 'fail',
      detail: `root password used 2025-05-31T11:59:59Z, 24 hours before: within 7 days ${WHEN}`,
    },
    {
      name: 'key 2 used minutes before, password long ago',
      changes: { access_key_2_last_used_date: '2025-06-01T11:50:00+00:00' },
      status: 'fail',
      detail: `root access key 2 used 2025-06-01T11:50:00Z, 10 minutes before: within 1 day ${WHEN}`,
    },
    {
      name: 'password used seconds before',
      changes: { password_last_used: '2025-06-01T11:59:30+00:00' },
      status: 'fail',
      detail: `root password used 2025-06-01T11:59:30Z, less than a minute before: within 1 day ${WHEN}`,
    },
    {
      name: 'never used (no_information, N/A)',
      changes: { password_last_used: 'no_information' },
      status: 'pass',
      detail: `no recorded root use (${WHEN})`,
    },
    {
      name: 'a last use after the as-of, none in the window',
      changes: { password_last_used: '2025-06-03T08:00:00+00:00' },
      status: 'unknown',
      detail: `root password last used 2025-06-03T08:00:00Z, after the as-of: the report keeps only the last use (${WHEN})`,
    },
    {
      name: 'a use in the window beside a later one',
      changes: {
        password_last_used: '2025-06-03T08:00:00+00:00',
        access_key_1_last_used_date: '2025-06-01T06:00:00+00:00',
      },
      status: 'fail',
      detail: `root access key 1 used 2025-06-01T06:00:00Z, 6 hours before: within 1 day ${WHEN}`,
    },
    {
      name: 'an account created 29 days before',
      changes: {
        user_creation_time: '2025-05-03T12:00:00+00:00',
        password_last_used: '2025-06-01T10:00:00+00:00',
      },
      status: 'skipped',
      detail: `root user created 2025-05-03T12:00:00Z, 29 days before, ${WHEN}: younger than 30 days`,
    },
    {
      name: 'an account created 30 days before',
      changes: {
        user_creation_time: '2025-05-02T12:00:00+00:00',
        password_last_used: '2025-06-01T10:00:00+00:00',
      },
      status: 'fail',
      detail: `root password used 2025-06-01T10:00:00Z, 2 hours before: within 1 day ${WHEN}`,
    },
    {
      name: 'an account created after the as-of',
      changes: { user_creation_time: '2025-06-05T00:00:00+00:00', password_last_used: 'no_information' },
      status: 'skipped',
      detail: `root user created 2025-06-05T00:00:00Z, after that, ${WHEN}: younger than 30 days`,
    },
    {
      name: 'a young account with the minimum age set to 0',
      changes: {
        user_creation_time: '2025-06-01T00:00:00+00:00',
        password_last_used: '2025-06-01T10:00:00+00:00',
      },
      settings: { minAccountAgeDays: 0 },
      status: 'fail',
      detail: `root password used 2025-06-01T10:00:00Z, 2 hours before: within 1 day ${WHEN}`,
    },
  ])('$name: $status', run('root-recent-use'));
});
