import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { matchesPattern } from '../../detection/event-pattern-matcher.ts';
import type { EventPattern } from '../../detection/rule-pattern.ts';
import { DELIVERED_PATTERN } from '../../detection/rule-pattern.ts';
import { RULE_STATE } from '../../infra/root-activity-rule.ts';
import { RootwatchForwarderStack } from '../../infra/rootwatch-forwarder-stack.ts';
import { EXPECTED_DETECTIONS } from '../detection/expected-detections.ts';
import { listSampleFiles, sampleValues } from '../helpers/sample-events.ts';
import { INGEST_BUS_ARN, synthDetector, testApp } from './synth.ts';

/**
 * The inputs the rule delivers although they give no finding, by file and input index: the function
 * records them as ignored. A root-typed service event (CIS excludes it; the code decides, so it is
 * recorded) and the management account's `sts:AssumeRoot` calls (kept to recognise the session's
 * root events in member accounts).
 */
const DELIVERED_WITHOUT_FINDING = [
  'aws-service/root-typed-aws-service-event.json#0',
  'assumed-root/assume-root-task-create-login-profile.log.json#1',
  'assumed-root/assume-root-task-delete-bucket-policy.log.json#0',
];

type Case = { input: string; delivered: unknown; expected: 'match' | 'no match'; why: string };

/** Every input of every sample, with what the rule must do with it. */
const cases = async (): Promise<Case[]> => {
  const all: Case[] = [];
  for (const file of listSampleFiles()) {
    const detections = EXPECTED_DETECTIONS[file]?.detections ?? [];
    const values = await sampleValues(file);
    values.forEach((value, index) => {
      const input = `${file}#${index}`;
      const detection = detections[index] ?? { ignored: 'not-root-activity' };
      const delivered = asEventBridgeEvent(value);
      if (file.startsWith('liveness/'))
        all.push({
          input,
          delivered,
          expected: 'match',
          why: 'is a forwarder liveness event, heard or refused',
        });
      else if ('finding' in detection)
        all.push({ input, delivered, expected: 'match', why: 'gives a finding' });
      else if ('invalid' in detection)
        all.push({
          input,
          delivered,
          expected: 'match',
          why: 'is root activity, delivered and recorded as invalid',
        });
      else if (detection.ignored === 'not-root-activity')
        all.push({ input, delivered, expected: 'no match', why: 'is not root activity' });
      else if (DELIVERED_WITHOUT_FINDING.includes(input))
        all.push({
          input,
          delivered,
          expected: 'match',
          why: `is delivered and recorded as ${detection.ignored}`,
        });
      else
        throw new Error(`${input} is ignored as ${detection.ignored}: list it in DELIVERED_WITHOUT_FINDING`);
    });
  }
  return all;
};

describe('Rule pattern: the synthesized rules against every sample in events/', () => {
  const patterns: { rule: string; pattern: EventPattern }[] = [];
  let all: Case[];

  beforeAll(async () => {
    // Prepare: every root-activity rule the two stacks synthesize, read back from the templates
    const { template } = synthDetector();
    const forwarder = Template.fromStack(
      new RootwatchForwarderStack(testApp(), 'RootwatchForwarder', { ingestBusArn: INGEST_BUS_ARN }),
    );
    for (const [stack, found] of [
      ['Rootwatch', template],
      ['RootwatchForwarder', forwarder],
    ] as const) {
      for (const [id, rule] of Object.entries(
        found.findResources('AWS::Events::Rule', { Properties: { State: RULE_STATE } }),
      )) {
        const capture = new Capture();
        Template.fromJSON({ Resources: { [id]: rule } }).hasResourceProperties('AWS::Events::Rule', {
          EventPattern: capture,
        });
        patterns.push({ rule: `${stack}/${id}`, pattern: capture.asObject() as EventPattern });
      }
    }
    all = await cases();
  });

  it('synthesizes three rules (default bus, ingest bus, forwarder), each with the pattern of detection/', () => {
    // Assess
    expect(patterns).toHaveLength(3);
    for (const { pattern } of patterns) expect(pattern).toStrictEqual(DELIVERED_PATTERN);
  });

  it('lists only inputs that exist and are delivered without a finding', () => {
    // Assess
    const listed = all.filter((one) => one.why.startsWith('is delivered')).map((one) => one.input);
    expect(listed.sort()).toStrictEqual([...DELIVERED_WITHOUT_FINDING].sort());
  });

  it('covers findings and negatives', () => {
    // Assess
    expect(all.filter((one) => one.expected === 'match').length).toBeGreaterThan(40);
    expect(all.filter((one) => one.expected === 'no match').length).toBeGreaterThan(10);
  });

  it('matches every input that should reach the detector, and no other', () => {
    // Act
    const wrong = patterns.flatMap(({ rule, pattern }) =>
      all
        .filter(({ delivered, expected }) => matchesPattern(pattern, delivered) !== (expected === 'match'))
        .map(
          ({ input, expected, why }) =>
            `${rule}: ${input} should ${expected === 'match' ? 'match' : 'not match'}: it ${why}`,
        ),
    );

    // Assess
    expect(wrong).toStrictEqual([]);
  });

  it('refuses a root event whose source is not AWS (PutEvents cannot forge aws.*)', () => {
    // Prepare
    const forged = {
      ...(all.find((one) => one.expected === 'match')!.delivered as object),
      source: 'custom.cloudtrail',
    };

    // Assess
    for (const { pattern } of patterns) expect(matchesPattern(pattern, forged)).toBe(false);
  });
});

describe('Rule state', () => {
  it('includes read-only management events on every root-activity rule', () => {
    // Prepare
    const { template } = synthDetector();

    // Assess
    template.resourcePropertiesCountIs(
      'AWS::Events::Rule',
      { EventPattern: DELIVERED_PATTERN, State: RULE_STATE },
      2,
    );
    template.resourcePropertiesCountIs(
      'AWS::Events::Rule',
      { EventPattern: DELIVERED_PATTERN, State: Match.not(RULE_STATE) },
      0,
    );
  });
});
