// `rootwatch/cdk`: the constructs and stacks, with the Lambda code shipped in the package.
// aws-cdk-lib and constructs are peer dependencies: the app's own copies are used.
export { RootActivityDetector } from './root-activity-detector.ts';
export type { RootActivityDetectorProps } from './root-activity-detector.ts';
export { RootActivityForwarder } from './root-activity-forwarder.ts';
export type { RootActivityForwarderProps } from './root-activity-forwarder.ts';
export { RootPostureAudit } from './root-posture-audit.ts';
export type { RootPostureAuditProps } from './root-posture-audit.ts';
export { CompletenessScan } from './completeness-scan.ts';
export type { CompletenessScanProps } from './completeness-scan.ts';
export { CoverageCheck } from './coverage-check.ts';
export type { CoverageCheckProps } from './coverage-check.ts';
export { ForwarderLiveness } from './forwarder-liveness.ts';
export type { ForwarderLivenessProps } from './forwarder-liveness.ts';
export { LivenessTable } from './liveness-table.ts';
export { RootwatchStack } from './rootwatch-stack.ts';
export type { RootwatchStackProps } from './rootwatch-stack.ts';
export { RootwatchForwarderStack } from './rootwatch-forwarder-stack.ts';
export type { RootwatchForwarderStackProps } from './rootwatch-forwarder-stack.ts';
export { ROOT_ACTIVITY_PATTERN, DELIVERED_PATTERN } from '../detection/rule-pattern.ts';
