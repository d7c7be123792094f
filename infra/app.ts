import { App } from 'aws-cdk-lib';
import { DeploySettingsError, readDeploySettings } from './deploy-settings.ts';
import { buildRootwatchApp } from './rootwatch-app.ts';

// `npx cdk synth|deploy`: cdk.json runs `npm run build -- lambda` first, then this file.
const app = new App();
const settings = (() => {
  try {
    return readDeploySettings(app.node);
  } catch (error) {
    // The message names every bad setting; a stack trace around it would only hide it.
    if (!(error instanceof DeploySettingsError)) throw error;
    console.error(`rootwatch: ${error.message}`);
    process.exit(1);
  }
})();
buildRootwatchApp(app, settings, {
  ...(process.env.CDK_DEFAULT_ACCOUNT && { defaultAccount: process.env.CDK_DEFAULT_ACCOUNT }),
});
app.synth();
