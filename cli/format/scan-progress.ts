import type { ScanProgress } from '../../scan/scan-archive.ts';
import { formatBytes } from './bytes.ts';

/**
 * One status line: objects and bytes done, records parsed, findings, problems, throughput (of the
 * uncompressed bytes) and, once the listing is complete, the ETA from what is left.
 */
const progressLine = (progress: Readonly<ScanProgress>, elapsedSeconds: number): string => {
  const rate = elapsedSeconds > 0 ? progress.bytesScanned / elapsedSeconds : 0;
  // S3 listings give sizes, local listings do not (no stat per file): then objects stand for bytes.
  const [done, total] =
    progress.bytesListed > 0
      ? [progress.bytesDone, progress.bytesListed]
      : [progress.objectsDone, progress.objectsListed];
  const pace = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = !progress.listingDone
    ? 'listing…'
    : pace > 0
      ? `ETA ${Math.ceil((total - done) / pace)}s`
      : 'ETA -';
  const objects = `${progress.objectsDone}/${progress.objectsListed}${progress.listingDone ? '' : '+'}`;
  return (
    `scan: ${objects} objects, ${formatBytes(progress.bytesScanned)}, ${progress.recordsParsed} records parsed, ` +
    `${progress.findings} findings, ${progress.problems} problems, ${formatBytes(rate)}/s, ${eta}`
  );
};

export { progressLine };
