import type { TrailState } from '../../schemas/coverage-report.ts';

/** A basic event selector, as GetEventSelectors returns it [CT-GES]. */
interface BasicSelector {
  ReadWriteType?: string;
  IncludeManagementEvents?: boolean;
  ExcludeManagementEventSources?: string[];
}

/** An advanced event selector: field selectors ANDed together [CT-MGMT]. */
interface AdvancedSelector {
  FieldSelectors?: {
    Field?: string;
    Equals?: string[];
    NotEquals?: string[];
    StartsWith?: string[];
    NotStartsWith?: string[];
  }[];
}

/** One trail, as seen from one Region (DescribeTrails with shadow trails, its selectors and status). */
interface TrailFacts {
  arn: string;
  /** The Region whose DescribeTrails listed it: it logs there, if at all. */
  seenIn: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  /** GetTrailStatus IsLogging; undefined when the status could not be read. */
  logging: boolean | undefined;
  /** GetEventSelectors; undefined when they could not be read. */
  selectors: { basic?: BasicSelector[]; advanced?: AdvancedSelector[] } | undefined;
}

/** Which management events a trail logs, and the event sources its selectors leave out. */
interface ManagementLogging {
  read: boolean;
  write: boolean;
  excludedSources: string[];
}

const accountOf = (arn: string): string => arn.split(':')[4] ?? '';

/** Read and write from a `readOnly` field selector: absent means both [CT-MGMT]. */
const readWriteOf = (field: NonNullable<AdvancedSelector['FieldSelectors']>[number] | undefined) => {
  if (!field) return { read: true, write: true };
  const equals = field.Equals?.map((value) => value.toLowerCase());
  const notEquals = field.NotEquals?.map((value) => value.toLowerCase());
  if (equals) return { read: equals.includes('true'), write: equals.includes('false') };
  if (notEquals) return { read: !notEquals.includes('true'), write: !notEquals.includes('false') };
  return { read: true, write: true };
};

/**
 * The management events a trail's selectors log. Basic selectors: `IncludeManagementEvents`
 * (true when absent) with `ReadWriteType` `All`, `ReadOnly` or `WriteOnly` (`All` when absent).
 * Advanced selectors: those with `eventCategory` = `Management`, read and write as their `readOnly`
 * field says; `eventSource` `NotEquals` values are sources left out. No selector read: nothing known.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 */
const managementLogging = (selectors: TrailFacts['selectors']): ManagementLogging | undefined => {
  if (!selectors) return undefined;
  const logging: ManagementLogging = { read: false, write: false, excludedSources: [] };
  for (const selector of selectors.basic ?? []) {
    if (selector.IncludeManagementEvents === false) continue;
    const type = selector.ReadWriteType ?? 'All';
    logging.read ||= type === 'All' || type === 'ReadOnly';
    logging.write ||= type === 'All' || type === 'WriteOnly';
    logging.excludedSources.push(...(selector.ExcludeManagementEventSources ?? []));
  }
  for (const selector of selectors.advanced ?? []) {
    const fields = selector.FieldSelectors ?? [];
    const category = fields.find((field) => field.Field === 'eventCategory');
    if (!category?.Equals?.includes('Management')) continue;
    const { read, write } = readWriteOf(fields.find((field) => field.Field === 'readOnly'));
    logging.read ||= read;
    logging.write ||= write;
    const source = fields.find((field) => field.Field === 'eventSource');
    logging.excludedSources.push(...(source?.NotEquals ?? []));
  }
  logging.excludedSources = [...new Set(logging.excludedSources)].sort();
  return logging;
};

/**
 * What the trails seen from `region` log for `account` there: an organisation trail applies to
 * every account of the organisation, any other trail to its own account only; the rule sees
 * nothing a trail does not log [EB-CT], [KC-EBROOT].
 */
const trailStateAt = (
  account: string,
  region: string,
  trails: readonly TrailFacts[],
): { trail: TrailState; trails: string[]; excludedSources: string[] } => {
  const applying = trails.filter(
    (trail) => trail.seenIn === region && (trail.organization || accountOf(trail.arn) === account),
  );
  const logging = applying.filter((trail) => trail.logging === true);
  const ordered = [...logging, ...applying.filter((trail) => trail.logging !== true)].map((t) => t.arn);
  if (applying.length === 0) return { trail: 'no-trail', trails: [], excludedSources: [] };
  if (logging.length === 0) {
    const unknown = applying.some((trail) => trail.logging === undefined);
    return { trail: unknown ? 'unknown' : 'not-logging', trails: ordered, excludedSources: [] };
  }
  const kinds = logging.map((trail) => managementLogging(trail.selectors));
  const read = kinds.some((kind) => kind?.read);
  const write = kinds.some((kind) => kind?.write);
  const excludedSources = [...new Set(kinds.flatMap((kind) => kind?.excludedSources ?? []))].sort();
  const trail: TrailState =
    read && write
      ? 'read-write'
      : write
        ? 'write-only'
        : read
          ? 'read-only'
          : kinds.some((kind) => kind === undefined)
            ? 'unknown'
            : 'no-management-events';
  return { trail, trails: ordered, excludedSources };
};

export { managementLogging, trailStateAt, accountOf };
export type { TrailFacts, ManagementLogging, BasicSelector, AdvancedSelector };
