import { describe, expect, it } from 'vitest';
import { asEventBridgeEvent } from '../../detection/delivery/as-eventbridge-event.ts';
import { matchesPattern } from '../../detection/event-pattern-matcher.ts';
import { TAMPERING_CALLS } from '../../detection/tampering/tampering-events.ts';
import type { NameForm } from '../../detection/tampering/tampering-events.ts';
import { namedEntry, patternLeaves } from '../../detection/tampering/tampering-names.ts';
import { tamperingPattern, tamperingRulePatterns } from '../../detection/tampering-pattern.ts';
import { tamperedResource } from '../../detection/tampering/tampered-resource.ts';
import { PROTECTED_RESOURCE_KINDS } from '../../schemas/protected-resources.ts';
import { DEPLOYED_CONFIG, listSampleFiles, sampleValues } from '../helpers/sample-events.ts';
import { EXPECTED_DETECTIONS } from './expected-detections.ts';

const RESOURCES = DEPLOYED_CONFIG.protectedResources!;

/** Every input of events/tampering/, as the default bus delivers it, with whether it is tampering. */
const tamperingSamples = async () => {
  const samples: { input: string; event: Record<string, unknown>; record: unknown; tampering: boolean }[] =
    [];
  for (const file of listSampleFiles().filter((name) => name.startsWith('tampering/'))) {
    const values = await sampleValues(file);
    values.forEach((value, index) => {
      const event = asEventBridgeEvent(value);
      const expected = EXPECTED_DETECTIONS[file]?.detections[index];
      const tampering =
        expected !== undefined && 'finding' in expected && expected.finding.activity === 'detector-tampering';
      samples.push({ input: `${file}#${index}`, event, record: event.detail, tampering });
    });
  }
  return samples;
};

const apiCall = (eventSource: string, eventName: string, requestParameters: Record<string, unknown>) => ({
  source: `aws.${eventSource.split('.')[0]}`,
  'detail-type': 'AWS API Call via CloudTrail',
  detail: { eventSource, eventName, requestParameters },
});

describe('Tampering pattern: the rules of the example deployment against events/tampering/', async () => {
  const samples = await tamperingSamples();
  const pattern = tamperingPattern(RESOURCES)!;

  it('has tampering samples and negatives', () => {
    // Assess
    expect(samples.filter((sample) => sample.tampering).length).toBeGreaterThanOrEqual(16);
    expect(samples.filter((sample) => !sample.tampering).length).toBeGreaterThanOrEqual(3);
  });

  it('delivers exactly the tampering samples, and the classifier agrees with the rule', () => {
    // Act
    const wrong = samples.flatMap(({ input, event, record, tampering }) => {
      const delivered = matchesPattern(pattern, event);
      const classified = tamperedResource(record, RESOURCES) !== undefined;
      return delivered === tampering && classified === tampering
        ? []
        : [`${input}: delivered ${delivered}, classified ${classified}, expected ${tampering}`];
    });

    // Assess
    expect(wrong).toStrictEqual([]);
  });

  it('has a tampering sample for every kind of protected resource', () => {
    // Act
    const kinds = new Set(
      samples
        .filter((sample) => sample.tampering)
        .map((sample) => tamperedResource(sample.record, RESOURCES)?.kind),
    );

    // Assess
    expect([...kinds].sort()).toStrictEqual([...PROTECTED_RESOURCE_KINDS].sort());
  });

  it('refuses a tampering event whose source is not AWS (PutEvents cannot forge aws.*)', () => {
    // Prepare
    const forged = { ...samples.find((sample) => sample.tampering)!.event, source: 'custom.cloudtrail' };

    // Assess
    expect(matchesPattern(pattern, forged)).toBe(false);
  });
});

describe('Tampering pattern: rules that watch each other, each within the limit', async () => {
  const samples = await tamperingSamples();
  const ruleName = (index: number) =>
    ['rootwatch-tampering', 'rootwatch-tampering-watch'][index] ?? `rootwatch-tampering-${index + 1}`;
  const disabling = (rule: string) => apiCall('events.amazonaws.com', 'DisableRule', { name: rule });

  it('names its rules in order and keeps each pattern within the limit; a lower limit takes more rules', () => {
    // Act
    const [wide, narrow] = [4096, 1500].map((maxLength) =>
      tamperingRulePatterns(RESOURCES, ruleName, { maxLength }),
    );

    // Assess
    for (const [plans, limit] of [
      [wide!, 4096],
      [narrow!, 1500],
    ] as const) {
      expect(plans.map((plan) => plan.name)).toStrictEqual(plans.map((_, index) => ruleName(index)));
      for (const { pattern } of plans) expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(limit);
    }
    expect(wide!.length).toBeGreaterThanOrEqual(2);
    expect(narrow!.length).toBeGreaterThan(wide!.length);
  });

  it.each([4096, 1500])(
    'at most %i characters: together they match what one pattern of the same resources matches, each sample once',
    (limit) => {
      // Prepare
      const plans = tamperingRulePatterns(RESOURCES, ruleName, { maxLength: limit });
      const whole = tamperingPattern({
        ...RESOURCES,
        eventRules: [...RESOURCES.eventRules!, ...plans.map((plan) => plan.name)],
      })!;

      // Act
      const wrong = samples.flatMap(({ input, event }) => {
        const matched = plans.filter((plan) => matchesPattern(plan.pattern, event)).map((plan) => plan.name);
        return matched.length === (matchesPattern(whole, event) ? 1 : 0)
          ? []
          : [`${input}: ${matched.join(', ')}`];
      });

      // Assess
      expect(wrong).toStrictEqual([]);
    },
  );

  it('sees every tampering rule disabled through another rule, never through itself', () => {
    // Prepare
    const plans = tamperingRulePatterns(RESOURCES, ruleName, { maxLength: 1500 });

    // Act
    const seenBy = plans.map(({ name }) =>
      plans.filter((plan) => matchesPattern(plan.pattern, disabling(name))).map((plan) => plan.name),
    );

    // Assess
    expect(seenBy).toStrictEqual([
      ['rootwatch-tampering-watch'],
      ...plans.slice(1).map(() => ['rootwatch-tampering']),
    ]);
  });

  it('counts tokens at their deployed length: a plan that fits as text needs one more rule once deployed', () => {
    // Prepare: a function name the CDK only knows as a token, 64 characters once deployed
    const token = '${Token[TOKEN.42]}';
    const lengthOf = (text: string) => text.length + (text.includes(token) ? 64 - token.length : 0);
    const asText = tamperingRulePatterns({ functions: [token] }, ruleName);
    const maxLength = Math.max(...asText.map((plan) => JSON.stringify(plan.pattern).length));

    // Act
    const deployed = tamperingRulePatterns({ functions: [token] }, ruleName, { maxLength, lengthOf });

    // Assess
    expect([asText.length, deployed.length]).toStrictEqual([2, 3]);
  });

  it('fails, naming it, when one resource alone cannot fit a pattern', () => {
    // Assess
    expect(() =>
      tamperingRulePatterns({ functions: ['f'.repeat(64)] }, ruleName, { maxLength: 300 }),
    ).toThrow(/^a tampering pattern cannot fit functions f{64}$/);
  });
});

describe('Tampering pattern: built from data', () => {
  it('protects nothing without protected resources', () => {
    // Assess
    expect(tamperingPattern({})).toBeUndefined();
  });

  it('has one branch without $or when one kind of call is protected', () => {
    // Act
    const pattern = tamperingPattern({ configRecorders: ['default'] });

    // Assess
    expect(pattern).toStrictEqual({
      source: ['aws.config'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['config.amazonaws.com'],
        eventName: ['StopConfigurationRecorder', 'DeleteConfigurationRecorder'],
        requestParameters: { configurationRecorderName: ['default'] },
      },
    });
  });

  it('does not filter on the name when every resource of a kind is protected ("*")', () => {
    // Act
    const pattern = tamperingPattern({ guardDutyDetectors: ['*'] })!;

    // Assess
    expect(
      matchesPattern(pattern, apiCall('guardduty.amazonaws.com', 'DeleteDetector', { detectorId: 'x1' })),
    ).toBe(true);
    expect(
      matchesPattern(
        pattern,
        apiCall('guardduty.amazonaws.com', 'UpdateDetector', { detectorId: 'x1', enable: true }),
      ),
    ).toBe(false);
  });

  it('lists every call once, each of a service EventBridge names aws.<service>', () => {
    // Act
    const events = TAMPERING_CALLS.flatMap((calls) =>
      calls.eventNames.map((name) => `${calls.service}:${name}`),
    );

    // Assess
    expect(new Set(events).size).toBe(events.length);
    for (const calls of TAMPERING_CALLS) expect(calls.source.length).toBeGreaterThan(10);
  });
});

describe('Tampering names: how calls name a protected resource', () => {
  /** `rule`: whether the rule's pattern lets it through, when not the same as `named`. */
  const cases: { form: NameForm; entry: string; value: string; named: boolean; rule?: boolean }[] = [
    { form: 'name', entry: 'rootwatch-tampering', value: 'rootwatch-tampering', named: true },
    { form: 'name', entry: 'rootwatch-tampering', value: 'rootwatch-tampering-watch', named: false },
    { form: 'name', entry: 'rootwatch-forward-*', value: 'rootwatch-forward-tampering', named: true },
    { form: 'function', entry: 'fn', value: 'fn', named: true },
    {
      form: 'function',
      entry: 'fn',
      value: 'arn:aws:lambda:us-east-1:111122223333:function:fn',
      named: true,
    },
    { form: 'function', entry: 'fn', value: '111122223333:function:fn', named: true },
    {
      form: 'function',
      entry: 'fn',
      value: 'arn:aws:lambda:us-east-1:111122223333:function:fn:live',
      named: true,
    },
    // The rule lets a look-alike through; the classifier refuses it.
    { form: 'function', entry: 'fn', value: 'other-fn', named: false, rule: true },
    { form: 'function', entry: 'fn', value: 'fn-copy', named: false },
    { form: 'key', entry: 'arn:aws:kms:us-east-1:111122223333:key/k-1', value: 'k-1', named: true },
    { form: 'key', entry: 'k-1', value: 'arn:aws:kms:us-east-1:111122223333:key/k-1', named: true },
    { form: 'key', entry: 'k-1', value: 'k-10', named: false },
    {
      form: 'topic',
      entry: 'arn:aws:sns:us-east-1:111122223333:t',
      value: 'arn:aws:sns:us-east-1:111122223333:t',
      named: true,
    },
    {
      form: 'subscription',
      entry: 'arn:aws:sns:us-east-1:111122223333:t',
      value: 'arn:aws:sns:us-east-1:111122223333:t:5f0e',
      named: true,
    },
    {
      form: 'subscription',
      entry: 'arn:aws:sns:us-east-1:111122223333:t',
      value: 'arn:aws:sns:us-east-1:111122223333:t2:5f0e',
      named: false,
    },
    {
      form: 'bus',
      entry: 'rootwatch-ingest',
      value: 'arn:aws:events:us-east-1:111122223333:event-bus/rootwatch-ingest',
      named: true,
    },
    {
      form: 'stack',
      entry: 'Rootwatch',
      value: 'arn:aws:cloudformation:us-east-1:111122223333:stack/Rootwatch/0a1b',
      named: true,
    },
    { form: 'stack', entry: 'Rootwatch', value: 'RootwatchForwarder', named: false },
    { form: 'stack-set', entry: 'rootwatch-forwarder', value: 'rootwatch-forwarder:6d3f', named: true },
    { form: 'stack-set', entry: 'rootwatch-forwarder', value: 'rootwatch-forwarder-test', named: false },
    {
      form: 'trail',
      entry: 'org',
      value: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org',
      named: true,
    },
    {
      form: 'trail',
      entry: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org',
      value: 'org',
      named: true,
    },
    {
      form: 'trail',
      entry: 'org',
      value: 'arn:aws:cloudtrail:us-east-1:999988887777:trail/org-copy',
      named: false,
    },
  ];

  it.each(cases)('$form $entry: "$value" is named: $named', ({ form, entry, value, named, rule = named }) => {
    // Act
    const found = namedEntry(form, [entry], value);
    const passes = matchesPattern({ value: patternLeaves(form, [entry]) }, { value });

    // Assess: the classifier decides; the rule lets through what it accepts, and may let more
    expect([found !== undefined, passes]).toStrictEqual([named, rule]);
  });

  it('names nothing with a value that is not a string', () => {
    // Assess
    expect(namedEntry('name', ['*'], undefined)).toBeUndefined();
    expect(namedEntry('name', ['x'], 42)).toBeUndefined();
  });
});
