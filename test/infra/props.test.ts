import { Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import type { RootActivityDetectorProps } from '../../infra/root-activity-detector-props.ts';
import type { DetectorConfigInput } from '../../schemas/detector-config.ts';
import { RECORD_ONLY, synthDetector, testApp } from './synth.ts';

/** Builds a detector in a fresh stack; the props may need that stack (for an existing bus). */
const build = (props: (stack: Stack) => RootActivityDetectorProps) => () => {
  const stack = new Stack(testApp(), 'Props');
  new RootActivityDetector(stack, 'Detector', {
    code: lambda.Code.fromInline('export const handler = async () => {};'),
    ...RECORD_ONLY,
    ...props(stack),
  });
};

describe('Props: RootActivityDetector', () => {
  it.each<{ scenario: string; props: (stack: Stack) => RootActivityDetectorProps; message: string }>([
    {
      scenario: 'an existing alert bus and a name for a new one',
      props: (stack) => ({
        alertBus: events.EventBus.fromEventBusName(stack, 'Bus', 'soc'),
        alertBusName: 'rootwatch-alerts',
      }),
      message:
        'RootActivityDetector: give either alertBus (an existing bus) or alertBusName (for a new bus), not both',
    },
    {
      scenario: 'a heartbeat interval that is not whole hours',
      props: () => ({ heartbeatInterval: Duration.minutes(90) }),
      message:
        'RootActivityDetector: heartbeatInterval must be a whole number of hours from 1 to 144, got 1 hour 30 minutes',
    },
    {
      scenario: 'a heartbeat interval longer than the alarm can look back',
      props: () => ({ heartbeatInterval: Duration.days(7) }),
      message:
        'RootActivityDetector: heartbeatInterval must be a whole number of hours from 1 to 144, got 7 days',
    },
    {
      scenario: 'a memory size Lambda refuses',
      props: () => ({ memorySize: 100 }),
      message: 'RootActivityDetector: memorySize must be a whole number of MiB from 128 to 10240, got 100',
    },
    {
      scenario: 'a name prefix that cannot name buses and log groups',
      props: () => ({ namePrefix: 'Root Watch' }),
      message:
        'RootActivityDetector: namePrefix must be 1 to 32 lower-case letters, digits or "-", starting with a letter, got "Root Watch"',
    },
    {
      scenario: 'an organisation id of the wrong form',
      props: () => ({ organizationId: '123456789012' }),
      message: 'RootActivityDetector: organizationId must look like o-a1b2c3d4e5, got "123456789012"',
    },
    {
      scenario: 'a SIEM endpoint without TLS',
      props: () => ({
        siemApiDestination: {
          endpoint: 'http://splunk.example.com:8088/services/collector/event',
          authorization: events.Authorization.apiKey(
            'Authorization',
            SecretValue.unsafePlainText('Splunk x'),
          ),
        },
      }),
      message:
        'RootActivityDetector: siemApiDestination.endpoint must be an https:// URL, got "http://splunk.example.com:8088/services/collector/event"',
    },
    {
      scenario: 'a detector config the function would refuse',
      props: () => ({ detectorConfig: { cisVersions: ['9.9.9'] } as unknown as DetectorConfigInput }),
      message: 'RootActivityDetector: detectorConfig is invalid:\n✖ Invalid option: expected one of',
    },
  ])('refuses $scenario', ({ props, message }) => {
    expect(build(props)).toThrow(message);
  });

  it('names every bus and log group after the prefix, so that two detectors can share an account', () => {
    // Act
    const { template } = synthDetector({ namePrefix: 'rootwatch-staging' });

    // Assess
    for (const name of ['rootwatch-staging-alerts', 'rootwatch-staging-ingest']) {
      template.hasResourceProperties('AWS::Events::EventBus', { Name: name });
    }
    for (const name of [
      '/rootwatch-staging/records',
      '/rootwatch-staging/function',
      '/rootwatch-staging/heartbeats',
    ]) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: name });
    }
  });

  it('warns when deployed outside us-east-1, where sign-in and IAM events would be missed', () => {
    // Prepare
    const stack = new Stack(testApp(), 'Ireland', { env: { account: '111122223333', region: 'eu-west-1' } });

    // Act
    new RootActivityDetector(stack, 'Detector', {
      code: lambda.Code.fromInline('export const handler = async () => {};'),
      ...RECORD_ONLY,
    });

    // Assess
    expect(JSON.stringify(stack.node.findAll().flatMap((node) => node.node.metadata))).toContain(
      'Root sign-ins and IAM events arrive only in us-east-1',
    );
  });
});
