import { SecretValue, Stack } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { RootActivityDetector } from '../../infra/root-activity-detector.ts';
import type { RootActivityDetectorProps } from '../../infra/root-activity-detector-props.ts';
import { SECURITY_ACCOUNT, testApp } from './synth.ts';

const NO_DESTINATION =
  "RootActivityDetector: the detector's alerts reach nobody: no alert destination is set.";

/** A detector with `props`, then whatever `after` adds to the app; the app, ready to synthesize. */
const build = (
  props: RootActivityDetectorProps,
  after: (detector: RootActivityDetector, stack: Stack) => void = () => {},
): App => {
  const app = testApp();
  const stack = new Stack(app, 'Security', { env: { account: SECURITY_ACCOUNT, region: 'us-east-1' } });
  after(new RootActivityDetector(stack, 'Detector', props), stack);
  return app;
};

describe('Alert destinations: a detector whose alerts reach nobody does not synthesize', () => {
  it('fails synthesis without a destination, naming the props and the opt-out', () => {
    // Act
    const synth = () => build({}).synth();

    // Assess
    expect(synth).toThrow(NO_DESTINATION);
    expect(synth).toThrow(/Set one of alertEmails, siemQueue, siemApiDestination or securityHubImport/);
    expect(synth).toThrow(/or set allowNoAlertDestination: true/);
  });

  it.each<{ scenario: string; props: RootActivityDetectorProps }>([
    { scenario: 'alertEmails', props: { alertEmails: ['soc@example.com'] } },
    { scenario: 'siemQueue', props: { siemQueue: true } },
    {
      scenario: 'siemApiDestination',
      props: {
        siemApiDestination: {
          endpoint: 'https://siem.example.com/hec',
          authorization: events.Authorization.apiKey('Authorization', SecretValue.secretsManager('hec')),
        },
      },
    },
    { scenario: 'securityHubImport', props: { securityHubImport: true } },
    { scenario: 'the explicit opt-out', props: { allowNoAlertDestination: true } },
  ])('synthesizes with $scenario', ({ props }) => {
    expect(() => build(props).synth()).not.toThrow();
  });

  it.each<{ scenario: string; add: (detector: RootActivityDetector, stack: Stack) => void }>([
    {
      scenario: 'an email subscribed to the alert topic after construction',
      add: (detector) =>
        detector.alertTopic.addSubscription(new subscriptions.EmailSubscription('soc@example.com')),
    },
    {
      scenario: 'a queue subscribed to the alert topic',
      add: (detector, stack) =>
        detector.alertTopic.addSubscription(new subscriptions.SqsSubscription(new sqs.Queue(stack, 'Soc'))),
    },
    {
      scenario: 'an AWS Chatbot Slack channel fed by the alert topic',
      add: (detector, stack) =>
        new chatbot.SlackChannelConfiguration(stack, 'Slack', {
          slackChannelConfigurationName: 'soc',
          slackWorkspaceId: 'T0123456789',
          slackChannelId: 'C0123456789',
          notificationTopics: [detector.alertTopic],
        }),
    },
    {
      scenario: 'a rule of the app on the alert bus',
      add: (detector, stack) =>
        new events.Rule(stack, 'ToSoc', {
          eventBus: detector.alertBus,
          eventPattern: { source: ['rootwatch'] },
          targets: [new targets.SqsQueue(new sqs.Queue(stack, 'SocQueue'))],
        }),
    },
  ])('synthesizes with $scenario', ({ add }) => {
    expect(() => build({}, add).synth()).not.toThrow();
  });

  it.each<{ scenario: string; add: (detector: RootActivityDetector, stack: Stack) => void }>([
    {
      scenario: 'a subscription to another topic',
      add: (_detector, stack) =>
        new sns.Topic(stack, 'Other').addSubscription(new subscriptions.EmailSubscription('x@example.com')),
    },
    {
      scenario: 'a rule on another bus',
      add: (_detector, stack) =>
        new events.Rule(stack, 'Elsewhere', {
          eventBus: new events.EventBus(stack, 'OtherBus'),
          eventPattern: { source: ['rootwatch'] },
          targets: [new targets.SqsQueue(new sqs.Queue(stack, 'OtherQueue'))],
        }),
    },
  ])('still fails with $scenario', ({ add }) => {
    expect(() => build({}, add).synth()).toThrow(NO_DESTINATION);
  });
});
