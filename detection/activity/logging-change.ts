import { EventTable } from '../event-table.ts';
import type { ActivityRule } from './activity-rule.ts';

/**
 * Changes that blind CloudTrail-based detection, rootwatch included: the trail and CloudTrail Lake,
 * the EventBridge rules, targets and bus permissions that carry events to the detector, the log
 * groups and metric filters of the CIS alarm (and the alarm itself), and leaving the organisation
 * (which ends the organisation trail and forwarding).
 */
const LOGGING_CHANGE_EVENTS = EventTable.of([
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:StopEventDataStoreIngestion',
  'events:DisableRule',
  'events:DeleteRule',
  'events:PutRule',
  'events:PutTargets',
  'events:RemoveTargets',
  'events:DeleteEventBus',
  'events:PutPermission',
  'events:RemovePermission',
  'logs:DeleteLogGroup',
  'logs:PutRetentionPolicy',
  'logs:DeleteMetricFilter',
  'logs:DeleteSubscriptionFilter',
  'monitoring:DeleteAlarms',
  'monitoring:DisableAlarmActions',
  'organizations:LeaveOrganization',
]);

const loggingChange: ActivityRule = {
  id: 'logging-change',
  activity: 'logging-change',
  source: 'CIS AWS Foundations section 3/4 (logging, monitoring); [EB-CT]; [SH-CW]',
  applies: (record) => LOGGING_CHANGE_EVENTS.has(record),
};

export { loggingChange, LOGGING_CHANGE_EVENTS };
