/**
 * The metrics each run of the completeness scan publishes (embedded metric format, in the
 * function's log), with the function's name as the one dimension; the CDK stack's alarms read them.
 */
const COMPLETENESS_METRICS = {
  namespace: 'rootwatch',
  dimension: 'FunctionName',
  /** Root events the live path missed, found in the trail (recorded, and alerted when they page). */
  missed: 'MissedRootEvents',
  /** 1 for a run that read every object of its window, 0 for one that could not. */
  complete: 'CompleteScans',
  /** Trail objects (or account listings) that could not be read. */
  unreadable: 'UnreadableTrailObjects',
  scanned: 'TrailObjectsScanned',
} as const;

export { COMPLETENESS_METRICS };
