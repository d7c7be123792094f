import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { progressLine } from '../../cli/format/scan-progress.ts';
import type { ScanProgress } from '../../scan/scan-archive.ts';
import { join } from 'node:path';
import { EVENTS_DIR } from '../helpers/paths.ts';

const progress = (fields: Partial<ScanProgress>): ScanProgress => ({
  objectsListed: 100,
  bytesListed: 0,
  listingDone: true,
  objectsDone: 25,
  bytesDone: 0,
  bytesScanned: 50_000_000,
  recordsParsed: 12,
  findings: 3,
  problems: 1,
  ...fields,
});

describe('CLI: scan progress', () => {
  it.each([
    {
      why: 'local listing (no sizes): the ETA from objects',
      state: progress({}),
      line: 'scan: 25/100 objects, 50.0 MB, 12 records parsed, 3 findings, 1 problems, 10.0 MB/s, ETA 15s',
    },
    {
      why: 'S3 listing (sizes): the ETA from stored bytes',
      state: progress({ bytesListed: 40_000_000, bytesDone: 30_000_000 }),
      line: 'scan: 25/100 objects, 50.0 MB, 12 records parsed, 3 findings, 1 problems, 10.0 MB/s, ETA 2s',
    },
    {
      why: 'listing still going: no ETA yet',
      state: progress({ listingDone: false }),
      line: 'scan: 25/100+ objects, 50.0 MB, 12 records parsed, 3 findings, 1 problems, 10.0 MB/s, listing…',
    },
  ])('$why', ({ state, line }) => {
    expect(progressLine(state, 5)).toBe(line);
  });

  it('shows progress on a terminal and clears it at the end', async () => {
    // Prepare
    const statuses: string[] = [];

    // Act
    await main(['scan', '--json', join(EVENTS_DIR, 'sign-in')], {
      out: () => {},
      err: () => {},
      status: (line) => statuses.push(line),
    });

    // Assess
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses[0]).toMatch(
      /^scan: \d+\/\d+\+? objects, [\d.]+ k?B, \d+ records parsed, \d+ findings, 0 problems, /,
    );
    expect(statuses.at(-1)).toBe('');
  });
});
