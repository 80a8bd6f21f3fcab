// Type-checks every workspace with its own tsconfig (the domain core gets no DOM and no Node types).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [["packages/criteria", "tsconfig.json"], ["packages/criteria", "tsconfig.node.json"], ["services", "tsconfig.json"], ["web", "tsconfig.json"], ["infra", "tsconfig.json"], ["test", "tsconfig.json"]].filter(([dir, file]) => existsSync(`${dir}/${file}`));
let failed = false;
for (const [dir, file] of projects) {
  const project = `${dir}/${file}`;
  const started = Date.now();
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  console.log(`typecheck ${project}: ${run.status === 0 ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
