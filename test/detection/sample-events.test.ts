import { describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import type { Detection } from '../../detection/detector.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { listSampleFiles, sampleConfig, sampleValues } from '../helpers/sample-events.ts';
import { EXPECTED_DETECTIONS } from './expected-detections.ts';
import type { ExpectedDetection } from './expected-detections.ts';

/** The comparable view of a detection: only what the expectation names. */
const view = (detection: Detection, expected: ExpectedDetection): unknown => {
  if (detection.kind === 'invalid') return { invalid: detection.issues.map((issue) => issue.path) };
  if (detection.kind === 'ignored') return { ignored: detection.reason };
  if (!('finding' in expected)) return { finding: detection.finding.eventName };
  const { finding } = detection;
  const picked: Record<string, unknown> = {
    credential: finding.credential,
    activity: finding.activity,
    outcome: finding.outcome,
    mfa: finding.mfa,
    severity: finding.severity,
    severityRule: finding.severityRule,
    controls: finding.controls.map((control) => control.id),
  };
  for (const key of [
    'account',
    'region',
    'accountAlias',
    'identityType',
    'recipientAccountId',
    'sharedEventId',
  ] as const) {
    if (key in expected.finding) picked[key] = finding[key];
  }
  if ('taskPolicyArn' in expected.finding) picked.taskPolicyArn = finding.assumedRoot?.taskPolicyArn;
  if ('protectedResource' in expected.finding) picked.protectedResource = finding.protectedResource;
  return { finding: picked };
};

const detectSample = async (file: string): Promise<Detection[]> => {
  const values = await sampleValues(file);
  const detector = new Detector(sampleConfig(file));
  detector.learnSessions(values);
  return values.map((value) => detector.detect(value));
};

describe('Samples: events/', () => {
  const files = listSampleFiles();

  it('has an expectation for every sample file, and a sample file for every expectation', () => {
    // Assess
    expect(files).toStrictEqual(Object.keys(EXPECTED_DETECTIONS).sort());
  });

  it.each(
    files
      .filter((file) => file in EXPECTED_DETECTIONS)
      .map((file) => ({ file, ...EXPECTED_DETECTIONS[file]! })),
  )('$file: $scenario', async ({ file, detections: expected }) => {
    // Act
    const detections = await detectSample(file);

    // Assess
    expect(
      detections.map((detection, index) =>
        view(detection, expected[index] ?? { ignored: 'not-root-activity' }),
      ),
    ).toStrictEqual(expected);
    for (const detection of detections) {
      if (detection.kind === 'finding')
        expect(FindingSchema.parse(detection.finding)).toStrictEqual(detection.finding);
    }
  });
});
