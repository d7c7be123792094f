// A CDK app of someone who installed rootwatch from its tarball: the construct with its defaults, in
// a stack of theirs, the SOC's address subscribed to its alert topic (synthesis fails when the alerts
// reach nobody: docs/deploy-and-settings.md), checked by cdk-nag's AwsSolutions pack as they would check it.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RootActivityDetector } from 'rootwatch/cdk';

const app = new App({ outdir: process.argv[2] });
const stack = new Stack(app, 'Security', { env: { account: '111122223333', region: 'us-east-1' } });
const detector = new RootActivityDetector(
  stack,
  'RootActivity',
  JSON.parse(process.env.DETECTOR_PROPS ?? '{}'),
);
detector.alertTopic.addSubscription(new EmailSubscription('soc@example.com'));
const report = new AwsSolutionsChecks().validateScope(app);
const assembly = app.synth();
const template = assembly.getStackByName('Security').template;
const functions = Object.values(template.Resources).filter(
  (resource) => resource.Type === 'AWS::Lambda::Function',
);
console.log(
  JSON.stringify({
    violations: report.violations.map((violation) => violation.ruleName),
    functions: functions.length,
    lambdaAssets: readdirSync(assembly.directory).filter((entry) =>
      existsSync(join(assembly.directory, entry, 'index.mjs')),
    ).length,
  }),
);
