import type { Finding } from '../../schemas/finding.ts';

/** A root event the trail holds, as the detector found it, and the object it was read from. */
interface TrailFinding {
  finding: Finding;
  /** `s3://bucket/key`. */
  object: string;
}

/** What the live path recorded: the event ids of its findings, and their shared event ids. */
interface RecordedIds {
  eventIds: ReadonlySet<string>;
  sharedEventIds: ReadonlySet<string>;
}

/**
 * Whether the live path recorded this event: its own event id, or another copy of the same event.
 * An event that concerns two accounts is logged once in each, with its own `eventID` and the same
 * `sharedEventID` [CT-REC]; EventBridge delivers each copy to its account's bus [EB-CT]. When one
 * copy reached the live path, its alert already told the SOC what root did.
 */
const isRecorded = (finding: Finding, recorded: RecordedIds): boolean =>
  recorded.eventIds.has(finding.eventId) ||
  (finding.sharedEventId !== undefined && recorded.sharedEventIds.has(finding.sharedEventId));

/**
 * The trail's root events the live path missed: not recorded, whatever their severity (the live
 * path records every finding, and pages for some), one per event id (CloudTrail may deliver an
 * event twice), earliest first. Pure.
 */
const missedEvents = (found: Iterable<TrailFinding>, recorded: RecordedIds): TrailFinding[] => {
  const missed = new Map<string, TrailFinding>();
  for (const entry of found) {
    const { finding } = entry;
    if (isRecorded(finding, recorded)) continue;
    if (!missed.has(finding.eventId)) missed.set(finding.eventId, entry);
  }
  return [...missed.values()].sort(
    (a, b) =>
      Date.parse(a.finding.time) - Date.parse(b.finding.time) ||
      (a.finding.eventId < b.finding.eventId ? -1 : 1),
  );
};

/** The finding of a missed event as the completeness scan records and alerts it. */
const lateFinding = ({ finding, object }: TrailFinding, detectedAt: Date): Finding => ({
  ...finding,
  lateDetection: { detectedAt: detectedAt.toISOString(), object },
});

export { missedEvents, isRecorded, lateFinding };
export type { TrailFinding, RecordedIds };
