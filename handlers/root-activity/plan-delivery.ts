import type { Detection } from '../../detection/detector.ts';
import { boundedJson } from '../../detection/json-walk.ts';
import { redactSecrets } from '../../detection/redact-secrets.ts';
import { rank } from '../../detection/severity/severity-facts.ts';
import { ALERT_DETAIL_TYPES } from '../../schemas/alert-event.ts';
import type { Finding, Severity } from '../../schemas/finding.ts';
import type { RecordEntry } from '../../schemas/record-entry.ts';
import type { Alert } from '../../adapters/alert-sink.ts';

/** An invalid event is recorded as given, up to this size; beyond it, its head (a record must fit a log event). */
const MAX_RECORDED_EVENT_BYTES = 200_000;

interface Delivery {
  entry: RecordEntry;
  alerts: Alert[];
}

/** The event as recorded: secrets redacted; an event too large or too deep to log whole, its head. */
const recordedEvent = (event: unknown): unknown =>
  boundedJson(redactSecrets(event), { maxChars: MAX_RECORDED_EVENT_BYTES, headChars: 8_192 });

/**
 * Whether a finding pages: at or above the alert threshold, not suppressed, and, where incidents
 * are kept, the first of its incident or more severe than any before it.
 */
const pages = (finding: Finding, alertMinSeverity: Severity): boolean =>
  rank(finding.severity) <= rank(alertMinSeverity) &&
  !finding.suppression &&
  finding.incident?.alert !== 'update';

/**
 * What to record and what to alert for one delivered event: exactly one record entry, and an alert
 * for a finding that pages. `relabelled`: the incident an AssumeRoot call relabelled. Pure.
 */
const planDelivery = (
  detection: Detection,
  event: unknown,
  alertMinSeverity: Severity,
  relabelled?: string,
): Delivery => {
  switch (detection.kind) {
    case 'finding': {
      const { finding } = detection;
      const alerts: Alert[] = pages(finding, alertMinSeverity)
        ? [{ detailType: ALERT_DETAIL_TYPES.finding, detail: finding }]
        : [];
      return { entry: { kind: 'finding', finding }, alerts };
    }
    case 'invalid':
      return {
        entry: { kind: 'invalid-event', issues: detection.issues, event: recordedEvent(event) },
        alerts: [],
      };
    case 'ignored':
      return {
        entry: {
          kind: 'ignored',
          reason: detection.reason,
          ...(detection.eventId ? { eventId: detection.eventId } : {}),
          ...(relabelled ? { incidentId: relabelled } : {}),
        },
        alerts: [],
      };
  }
};

export { planDelivery, pages, recordedEvent, MAX_RECORDED_EVENT_BYTES };
export type { Delivery };
