// Runs the pinned CDK CLI (aws-cdk@2.1148.1) from infra/ with the settings that keep it offline and quiet:
// no telemetry, no notices, no version check, no EC2 metadata probe. `npm run synth|diff|deploy -- <args>`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infraDir = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = createRequire(import.meta.url).resolve('aws-cdk/bin/cdk');

// aws-cdk-lib caches under ~/.cdk; with an unusable HOME the esbuild step inside synth hangs.
function usableHome() {
  const home = process.env.HOME;
  if (home) {
    try {
      accessSync(home, constants.W_OK);
      return home;
    } catch {
      // fall through to a private home
    }
  }
  const fallback = join(tmpdir(), 'chiso-cdk-home');
  mkdirSync(fallback, { recursive: true });
  return fallback;
}

const env = {
  ...process.env,
  HOME: usableHome(),
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  CDK_DISABLE_VERSION_CHECK: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2), '--no-notices'], { cwd: infraDir, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
