import type { ScanInputs } from '../schemas/scan-summary.ts';
import type { ObjectScan } from './scan-object.ts';
import type { ScanProgress } from './scan-listener.ts';

const emptyInputs = (): ScanInputs => ({
  objectsListed: 0,
  objectsScanned: 0,
  objectsWithRecords: 0,
  objectsWithMarker: 0,
  objectsPruned: 0,
  foldersPruned: 0,
  bytesStored: 0,
  bytesScanned: 0,
  recordsParsed: 0,
  unreadable: 0,
  invalidRecords: 0,
});

const emptyProgress = (): ScanProgress => ({
  objectsListed: 0,
  bytesListed: 0,
  listingDone: false,
  objectsDone: 0,
  bytesDone: 0,
  bytesScanned: 0,
  recordsParsed: 0,
  findings: 0,
  problems: 0,
});

/** Counts one scanned object in the totals (for the summary) and the live progress. */
const countScanned = (inputs: ScanInputs, progress: ScanProgress, scan: ObjectScan): void => {
  inputs.objectsScanned += 1;
  inputs.bytesStored += scan.stored;
  inputs.bytesScanned += scan.bytes;
  inputs.recordsParsed += scan.parsed;
  if (scan.records) inputs.objectsWithRecords += 1;
  if (scan.marked) inputs.objectsWithMarker += 1;
  progress.objectsDone += 1;
  progress.bytesDone += scan.stored;
  progress.bytesScanned += scan.bytes;
  progress.recordsParsed += scan.parsed;
};

export { emptyInputs, emptyProgress, countScanned };
