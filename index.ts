// `rootwatch`: the detector, the contracts and the finding formats, for code that classifies
// CloudTrail events itself (a SIEM pipeline, a notebook, another Lambda). No AWS client is loaded.
export { Detector } from './detection/detector.ts';
export type { Detection, IgnoreReason } from './detection/detector.ts';
export { notCloudTrailInput, notCloudTrailRecord } from './detection/record-basis.ts';
export { RECORD_BASIS_FIELDS } from './schemas/cloudtrail-record-basis.ts';
export { ROOT_ACTIVITY_PATTERN, DELIVERED_PATTERN } from './detection/rule-pattern.ts';
export { tamperingPattern } from './detection/tampering-pattern.ts';
export type { EventPattern } from './detection/rule-pattern.ts';
export { matchesPattern } from './detection/event-pattern-matcher.ts';
export { suppressionFor } from './detection/suppression/suppression-for.ts';
export { groupFindings } from './incidents/group-findings.ts';
export { renderFinding, FINDING_FORMATS } from './findings/formats/render-finding.ts';
export type { FindingFormat, RenderOptions } from './findings/formats/render-finding.ts';
export { toOcsfDetectionFinding } from './findings/formats/ocsf.ts';
export { toAsffFinding } from './findings/formats/asff.ts';
export type { AsffOptions } from './findings/formats/asff.ts';
export { findingText } from './findings/formats/finding-text.ts';
export { FindingSchema } from './schemas/finding.ts';
export type {
  Finding,
  Severity,
  Credential,
  Activity,
  Outcome,
  Incident,
  Suppression,
} from './schemas/finding.ts';
export { SEVERITIES, CREDENTIALS, ACTIVITIES } from './schemas/finding-enums.ts';
export { CloudTrailRecordSchema } from './schemas/cloudtrail-record.ts';
export type { CloudTrailRecord } from './schemas/cloudtrail-record.ts';
export { EventBridgeEnvelopeSchema } from './schemas/eventbridge-envelope.ts';
export type { EventBridgeEnvelope } from './schemas/eventbridge-envelope.ts';
export { CloudTrailLogFileSchema } from './schemas/cloudtrail-log-file.ts';
export { DetectorConfigSchema } from './schemas/detector-config.ts';
export type { DetectorConfig, DetectorConfigInput } from './schemas/detector-config.ts';
export { SuppressionConfigSchema, SuppressionRuleSchema } from './schemas/suppression-config.ts';
export type { SuppressionRule } from './schemas/suppression-config.ts';
export { SanctionedTasksConfigSchema } from './schemas/sanctioned-tasks-config.ts';
export type { SanctionedTask } from './schemas/sanctioned-tasks-config.ts';
export { ProtectedResourcesSchema } from './schemas/protected-resources.ts';
export type { ProtectedResources } from './schemas/protected-resources.ts';
