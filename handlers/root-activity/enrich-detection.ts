import type { Detection, Detector } from '../../detection/detector.ts';
import { admitFinding } from '../../incidents/admit-finding.ts';
import type { IncidentTracker } from '../../incidents/incident-tracker.ts';
import type { StoreCallOptions } from '../../incidents/versioned-store.ts';
import { field } from '../../detection/root-relation.ts';
import type { SuppressionRule } from '../../schemas/suppression-config.ts';

interface EnrichDeps {
  detector: Detector;
  incidents?: IncidentTracker | undefined;
  suppressions?: readonly SuppressionRule[] | undefined;
  now: () => Date;
}

const recordOf = (event: unknown): unknown => field(event, 'detail') ?? event;

/**
 * Detects one event, with what the shared state adds (docs/incidents-and-suppression.md): a
 * temporary key first looked up among the centralized-root sessions other invocations learnt; an
 * AssumeRoot call's session kept for them (relabelling its session's incident); a finding checked
 * against the suppression rules and placed in its incident. Without incident store or rules, this
 * is the detector alone.
 */
const detectWithState = async (
  event: unknown,
  deps: EnrichDeps,
  options: StoreCallOptions = {},
): Promise<{ detection: Detection; relabelled?: string }> => {
  const { detector, incidents } = deps;
  const key = field(field(recordOf(event), 'userIdentity'), 'accessKeyId');
  if (incidents && typeof key === 'string' && key.startsWith('ASIA')) {
    const session = await incidents.rootSession(key, options);
    if (session) detector.sessions.add(session);
  }
  const detection = detector.detect(event);
  if (detection.kind === 'ignored') {
    const relabelled =
      detection.session && incidents
        ? await incidents.learnRootSession(detection.session, options)
        : undefined;
    return relabelled ? { detection, relabelled } : { detection };
  }
  if (detection.kind !== 'finding') return { detection };
  const finding = await admitFinding(detection.finding, {
    suppressions: deps.suppressions,
    now: deps.now(),
    tracker: incidents,
    signal: options.signal,
  });
  return { detection: { kind: 'finding', finding } };
};

export { detectWithState };
export type { EnrichDeps };
