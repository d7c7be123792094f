import type { ScanProgress } from '../../scan/scan-archive.ts';
import { formatBytes } from './bytes.ts';

/**
 * One status line: objects and bytes done, records parsed, findings, problems, throughput (of the
 * uncompressed bytes) and, once the listing is complete, the ETA from the stored bytes left.
 */
const progressLine = (progress: Readonly<ScanProgress>, elapsedSeconds: number): string => {
  const rate = elapsedSeconds > 0 ? progress.bytesScanned / elapsedSeconds : 0;
  const storedRate = elapsedSeconds > 0 ? progress.bytesDone / elapsedSeconds : 0;
  const left = progress.bytesListed - progress.bytesDone;
  const eta = !progress.listingDone
    ? 'listing…'
    : storedRate > 0
      ? `ETA ${Math.ceil(left / storedRate)}s`
      : 'ETA -';
  const objects = `${progress.objectsDone}/${progress.objectsListed}${progress.listingDone ? '' : '+'}`;
  return (
    `scan: ${objects} objects, ${formatBytes(progress.bytesScanned)}, ${progress.recordsParsed} records parsed, ` +
    `${progress.findings} findings, ${progress.problems} problems, ${formatBytes(rate)}/s, ${eta}`
  );
};

export { progressLine };
