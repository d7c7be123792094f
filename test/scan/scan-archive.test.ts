import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectorConfigSchema } from '../../schemas/detector-config.ts';
import { archiveDetector } from '../../scan/archive-detector.ts';
import type { DetectorContext } from '../../scan/archive-detector.ts';
import { scanArchive } from '../../scan/scan-archive.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import { sourceCache } from '../../adapters/archive-sources.ts';
import { inlineScanner } from '../../scan/workers/inline-scanner.ts';
import { rootRecord, scratchDir, writeLogFile } from '../helpers/archive.ts';

describe('Scan: scanArchive', () => {
  it('reads on while its detector loads, and detects every record once it is there', async () => {
    // Prepare: ten objects with a root record each, and a detector that takes a while to come.
    const dir = scratchDir('lazy');
    for (let index = 0; index < 10; index += 1) {
      writeLogFile(join(dir, `object-${index}.json.gz`), [
        rootRecord('access-key/root-access-key-put-bucket-policy.json', {
          eventID: `root-${index}`,
          eventTime: '2026-01-05T10:00:00Z',
          account: '111122223333',
        }),
      ]);
    }
    const filters = { accounts: [], regions: [] };
    let scannedWhenReady = -1;
    const slowDetector = async (context: DetectorContext) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      scannedWhenReady = context.progress.objectsDone;
      return archiveDetector(DetectorConfigSchema.parse({}), filters)(context);
    };
    const found: string[] = [];

    // Act
    const inputs = await scanArchive(
      {
        roots: [{ source: localSource(), key: dir }],
        filters,
        detector: slowDetector,
        scanner: inlineScanner(sourceCache()),
      },
      { finding: (finding) => found.push(finding.eventId), unreadable: () => {}, invalid: () => {} },
    );

    // Assess
    expect(scannedWhenReady).toBe(10);
    expect(inputs).toMatchObject({ objectsScanned: 10, objectsWithMarker: 10, recordsParsed: 10 });
    expect(found.sort()).toStrictEqual(Array.from({ length: 10 }, (_, index) => `root-${index}`).sort());
  });
});
