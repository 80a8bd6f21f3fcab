import { App } from 'aws-cdk-lib';
import { defaultRegion, isStageName, stageNames, stageSettings } from '../src/config.ts';
import { ChisoStack } from '../src/stack.ts';

// `cdk synth|diff|deploy Chiso-<stage>`; `-c region=...` (or CHISO_REGION) moves every stage to another region.
const app = new App();
const region = contextString(app, 'region') ?? process.env.CHISO_REGION ?? defaultRegion;
// Set by the CLI from the credentials in use; absent offline, which leaves the stacks account-agnostic.
const account = contextString(app, 'account') ?? process.env.CDK_DEFAULT_ACCOUNT;

const only = contextString(app, 'stage');
if (only !== undefined && !isStageName(only)) {
  throw new Error(`Unknown stage "${only}"; expected one of: ${stageNames.join(', ')}`);
}
for (const stage of stageNames) {
  if (only !== undefined && only !== stage) continue;
  const settings = stageSettings(stage, { region, account });
  new ChisoStack(app, `Chiso-${stage}`, { settings, env: { region, account } });
}

function contextString(scope: App, key: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
