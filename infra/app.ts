import { App } from 'aws-cdk-lib';
import { readDeploySettings } from './deploy-settings.ts';
import { buildRootwatchApp } from './rootwatch-app.ts';

// `npx cdk synth|deploy`: cdk.json runs `npm run bundle` first, then this file.
const app = new App();
buildRootwatchApp(app, readDeploySettings(app.node), {
  ...(process.env.CDK_DEFAULT_ACCOUNT && { defaultAccount: process.env.CDK_DEFAULT_ACCOUNT }),
});
app.synth();
