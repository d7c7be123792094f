// A TypeScript consumer of the library faces, type-checked against the installed package's declarations.
import { Detector, FindingSchema, renderFinding, ROOT_ACTIVITY_PATTERN } from 'rootwatch';
import type { Detection, Finding, Severity } from 'rootwatch';
import { RootActivityDetector } from 'rootwatch/cdk';
import type { RootActivityDetectorProps } from 'rootwatch/cdk';

const detector = new Detector();
const detection: Detection = detector.detect(JSON.parse(process.argv[2] ?? '{}'));
const severity: Severity | undefined = detection.kind === 'finding' ? detection.finding.severity : undefined;
const finding: Finding | undefined =
  detection.kind === 'finding' ? FindingSchema.parse(detection.finding) : undefined;
const props: RootActivityDetectorProps = {};
const pattern: object = ROOT_ACTIVITY_PATTERN;
// The declarations are real types, not `any` (skipLibCheck would hide a declaration that does not resolve):
// @ts-expect-error a severity is one of a closed vocabulary
const urgent: Severity = 'urgent';

console.log(
  JSON.stringify({
    kind: detection.kind,
    severity,
    text: finding ? renderFinding('text', finding).split('\n')[0] : undefined,
    construct: typeof RootActivityDetector,
    props: Object.keys(props).length,
    pattern: Object.keys(pattern).length > 0,
    urgent,
  }),
);
