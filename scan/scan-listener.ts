import type { Finding } from '../schemas/finding.ts';
import type { ValidationIssue } from '../schemas/validation-issue.ts';
import type { InputPosition } from './documents/input-item.ts';

/** Live counts for a progress line; `listingDone` says whether the totals are final. */
interface ScanProgress {
  objectsListed: number;
  bytesListed: number;
  listingDone: boolean;
  objectsDone: number;
  bytesDone: number;
  bytesScanned: number;
  recordsParsed: number;
  findings: number;
  problems: number;
}

/** What a scan tells its caller as it goes. Findings come in no particular order. */
interface ScanListener {
  finding(finding: Finding, position: InputPosition): void;
  unreadable(position: InputPosition, reason: string): void;
  invalid(position: InputPosition, issues: readonly ValidationIssue[]): void;
  /**
   * A root (a folder, prefix or object named on the command line) under which nothing was listed:
   * no input file there, or every one pruned by the filters (`pruned` says how many by their path).
   */
  emptyRoot?(location: string, pruned: { folders: number; objects: number }): void;
  /**
   * An object listed under an account folder, so that the fleet knows every account present; with
   * the delivery day (midnight UTC, ms) its key's date folder names, when it has one.
   */
  archiveAccount?(account: string, deliveryDay?: number): void;
  ignored?(reason: string): void;
  outsideFilters?(finding: Finding): void;
  progress?(progress: Readonly<ScanProgress>): void;
}

export type { ScanProgress, ScanListener };
