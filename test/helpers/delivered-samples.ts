import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { deliveredByRule } from '../../detection/delivery/delivered-by-rule.ts';
import { EXPECTED_DETECTIONS } from '../detection/expected-detections.ts';
import type { ExpectedDetection } from '../detection/expected-detections.ts';
import { listSampleFiles, sampleValues } from './sample-events.ts';

interface DeliveredSample {
  file: string;
  event: Record<string, unknown>;
  expected: ExpectedDetection;
}

/**
 * Every item of every sample, as the rule would deliver it, with its expected detection; the rest is
 * left out, and so are the forwarders' liveness events (recorded as liveness, not detected:
 * test/handlers/liveness-samples.test.ts).
 */
const deliveredSamples = async (): Promise<DeliveredSample[]> => {
  const delivered: DeliveredSample[] = [];
  for (const file of listSampleFiles().filter((name) => !name.startsWith('liveness/'))) {
    const values = await sampleValues(file);
    values.forEach((value, index) => {
      const event = asEventBridgeEvent(value);
      const expected = EXPECTED_DETECTIONS[file]?.detections[index];
      if (expected && deliveredByRule(event)) delivered.push({ file, event, expected });
    });
  }
  return delivered;
};

/** The record entry kind the handler must write for an expected detection. */
const recordKindOf = (expected: ExpectedDetection): 'finding' | 'ignored' | 'invalid-event' =>
  'finding' in expected ? 'finding' : 'ignored' in expected ? 'ignored' : 'invalid-event';

export { deliveredSamples, recordKindOf };
export type { DeliveredSample };
