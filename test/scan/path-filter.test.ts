import { describe, expect, it } from 'vitest';
import { parseArchivePath } from '../../scan/archive-path.ts';
import type { PathFilterOptions } from '../../scan/path-filter.ts';
import { pathFilter } from '../../scan/path-filter.ts';

const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
const none: PathFilterOptions = { accounts: [], regions: [] };

describe('Scan: archive paths', () => {
  it.each([
    {
      path: 'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/01/31/111122223333_CloudTrail_eu-west-1_20260131T2355Z_a.json.gz',
      parsed: {
        account: '111122223333',
        kind: 'CloudTrail',
        region: 'eu-west-1',
        year: 2026,
        month: 1,
        day: 31,
      },
    },
    {
      path: '/data/trail/AWSLogs/o-abcdef1234/111122223333/CloudTrail/us-east-1/2026/02',
      parsed: {
        organisation: 'o-abcdef1234',
        account: '111122223333',
        kind: 'CloudTrail',
        region: 'us-east-1',
        year: 2026,
        month: 2,
      },
    },
    { path: 'AWSLogs/o-abcdef1234', parsed: { organisation: 'o-abcdef1234' } },
    {
      path: 'AWSLogs/111122223333/CloudTrail-Digest',
      parsed: { account: '111122223333', kind: 'CloudTrail-Digest' },
    },
    { path: 'exports/athena/2026-01.jsonl', parsed: undefined },
    { path: 'AWSLogs/not-an-account/CloudTrail', parsed: undefined },
    { path: 'AWSLogs/', parsed: {} },
    { path: '/copies/AWSLogs/111122223333/AWSLogs/444455556666/', parsed: { account: '444455556666' } },
    { path: '/data/myAWSLogs/111122223333/CloudTrail', parsed: undefined },
    { path: '/data/AWSLogs-old/111122223333/CloudTrail', parsed: undefined },
    {
      path: 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/07/AWSLogs.json',
      parsed: { account: '111122223333', kind: 'CloudTrail', region: 'us-east-1', year: 2026, month: 7 },
    },
  ])('reads $path', ({ path, parsed }) => {
    expect(parseArchivePath(path)).toStrictEqual(parsed);
  });
});

describe('Scan: path filter', () => {
  const base = 'AWSLogs/o-abcdef1234/111122223333/CloudTrail/us-east-1';
  it.each([
    {
      path: `${base}/2026/01/14`,
      options: { ...none, since: day('2026-01-15') },
      keeps: true,
      why: 'the day before since (slack)',
    },
    {
      path: `${base}/2026/01/13`,
      options: { ...none, since: day('2026-01-15') },
      keeps: false,
      why: 'two days before since',
    },
    {
      path: `${base}/2026/01/16`,
      options: { ...none, until: day('2026-01-15') + 86_399_999 },
      keeps: true,
      why: 'the day after until (delayed delivery)',
    },
    {
      path: `${base}/2026/01/17`,
      options: { ...none, until: day('2026-01-15') + 86_399_999 },
      keeps: false,
      why: 'two days after until',
    },
    {
      path: `${base}/2025/12`,
      options: { ...none, since: day('2026-01-01') },
      keeps: true,
      why: 'December holds the 31st (slack)',
    },
    {
      path: `${base}/2025/11`,
      options: { ...none, since: day('2026-01-01') },
      keeps: false,
      why: 'November is over a day before',
    },
    {
      path: `${base}/2025`,
      options: { ...none, since: day('2026-01-02') },
      keeps: false,
      why: 'a whole year before',
    },
    { path: base, options: { ...none, regions: ['eu-west-1'] }, keeps: false, why: 'another region' },
    { path: base, options: { ...none, accounts: ['444455556666'] }, keeps: false, why: 'another account' },
    {
      path: base,
      options: { ...none, accounts: ['111122223333'], regions: ['us-east-1'] },
      keeps: true,
      why: 'the account and region asked',
    },
    {
      path: 'AWSLogs/111122223333/CloudTrail-Digest',
      options: none,
      keeps: false,
      why: 'digests hold no records',
    },
    {
      path: 'AWSLogs/o-aa11bb22cc/111122223333/CloudTrail-Digest/us-east-1/2026/01/05/x.json.gz',
      options: none,
      keeps: false,
      why: 'a digest file, no filters given',
    },
    {
      path: 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1',
      options: { ...none, accounts: ['111122223333'] },
      keeps: false,
      why: 'a digest folder of an account asked for',
    },
    {
      path: `${base}/111122223333_CloudTrail_us-east-1_20260105T1000Z_x.json.gz`,
      options: none,
      keeps: true,
      why: 'a log file, no filters given',
    },
    {
      path: 'exports/CloudTrail-Digest/athena.jsonl',
      options: none,
      keeps: true,
      why: 'a name with the digest kind outside the layout',
    },
    {
      path: 'exports/athena-2020.jsonl',
      options: { ...none, accounts: ['444455556666'], since: day('2026-01-01') },
      keeps: true,
      why: 'outside the layout: only the records tell',
    },
  ])('$why: $path', ({ path, options, keeps }) => {
    expect(pathFilter(options)(path)).toBe(keeps);
  });
});
