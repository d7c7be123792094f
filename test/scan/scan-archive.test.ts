import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DetectorConfigSchema } from '../../schemas/detector-config.ts';
import { archiveDetector } from '../../scan/archive-detector.ts';
import type { DetectorContext } from '../../scan/archive-detector.ts';
import { scanArchive } from '../../scan/scan-archive.ts';
import { localSource } from '../../scan/sources/local-source.ts';
import { sourceCache } from '../../adapters/archive-sources.ts';
import { inlineScanner } from '../../scan/workers/inline-scanner.ts';
import type { ObjectScanner } from '../../scan/workers/object-scanner.ts';
import type { ObjectScan } from '../../scan/scan-object.ts';
import type { ObjectSource } from '../../scan/sources/object-source.ts';
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

describe('Scan: scanArchive while a local listing runs', () => {
  it('hears its scanner between listed objects, not only once the whole archive is listed', async () => {
    // Prepare: a listing that never waits on I/O (as a local one reads folders synchronously), and a
    // scanner whose answers come as macrotasks, as a worker's messages do.
    const objects = 500;
    const listedWhenAnswered: number[] = [];
    let listed = 0;
    const source: ObjectSource = {
      descriptor: { kind: 'local' },
      async *list() {
        for (let index = 0; index < objects; index += 1) {
          listed = index + 1;
          yield { kind: 'object', key: `archive/object-${index}.json.gz` };
        }
      },
      stat: async (key) => ({ kind: 'folder', key }),
      read: async () => Buffer.alloc(0),
      locate: (key) => key,
    };
    const scanner: ObjectScanner = {
      capacity: 2,
      scan: () =>
        new Promise<ObjectScan>((resolve) =>
          setImmediate(() => {
            listedWhenAnswered.push(listed);
            resolve({ stored: 0, bytes: 0, marked: false, records: true, parsed: 0, items: [] });
          }),
        ),
      close: async () => {},
    };

    // Act
    const inputs = await scanArchive(
      {
        roots: [{ source, key: 'archive' }],
        filters: { accounts: [], regions: [] },
        detector: (context) =>
          archiveDetector(DetectorConfigSchema.parse({}), { accounts: [], regions: [] })(context),
        scanner,
      },
      {
        finding: () => {},
        unreadable: () => {},
        invalid: () => {},
      },
    );

    // Assess: the first answers are heard a few dozen objects into the listing, not at its end.
    expect(inputs.objectsScanned).toBe(objects);
    expect(listedWhenAnswered[0]).toBeLessThan(50);
  });
});
