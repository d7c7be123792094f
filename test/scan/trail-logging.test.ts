import { describe, expect, it } from 'vitest';
import { managementLogging } from '../../scan/coverage/trail-logging.ts';
import type { AdvancedSelector, BasicSelector } from '../../scan/coverage/trail-logging.ts';

const management = (...more: NonNullable<AdvancedSelector['FieldSelectors']>): AdvancedSelector => ({
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, ...more],
});

describe('Coverage: the management events a trail logs', () => {
  it.each<{
    scenario: string;
    basic?: BasicSelector[];
    advanced?: AdvancedSelector[];
    read: boolean;
    write: boolean;
    excluded?: string[];
  }>([
    {
      scenario: 'a basic selector with nothing set (the defaults: All, management included)',
      basic: [{}],
      read: true,
      write: true,
    },
    {
      scenario: 'a basic WriteOnly selector',
      basic: [{ ReadWriteType: 'WriteOnly' }],
      read: false,
      write: true,
    },
    {
      scenario: 'a ReadOnly and a WriteOnly basic selector together',
      basic: [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }],
      read: true,
      write: true,
    },
    {
      scenario: 'a basic selector of data events only',
      basic: [{ IncludeManagementEvents: false }],
      read: false,
      write: false,
    },
    {
      scenario: 'a basic selector leaving out KMS events',
      basic: [{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }],
      read: true,
      write: true,
      excluded: ['kms.amazonaws.com'],
    },
    {
      scenario: 'an advanced management selector without readOnly',
      advanced: [management()],
      read: true,
      write: true,
    },
    {
      scenario: 'an advanced selector readOnly = true',
      advanced: [management({ Field: 'readOnly', Equals: ['true'] })],
      read: true,
      write: false,
    },
    {
      scenario: 'an advanced selector readOnly NotEquals true',
      advanced: [management({ Field: 'readOnly', NotEquals: ['true'] })],
      read: false,
      write: true,
    },
    {
      scenario: 'two advanced selectors, read and write',
      advanced: [
        management({ Field: 'readOnly', Equals: ['true'] }),
        management({ Field: 'readOnly', Equals: ['false'] }),
      ],
      read: true,
      write: true,
    },
    {
      scenario: 'an advanced selector of data events only',
      advanced: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }],
      read: false,
      write: false,
    },
  ])('$scenario: read $read, write $write', ({ basic, advanced, read, write, excluded = [] }) => {
    // Act
    const logging = managementLogging({ ...(basic && { basic }), ...(advanced && { advanced }) });

    // Assess
    expect(logging).toStrictEqual({ read, write, excludedSources: excluded });
  });

  it('knows nothing when the selectors could not be read', () => {
    expect(managementLogging(undefined)).toBeUndefined();
  });
});
