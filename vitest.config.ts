import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One test command for the whole repository: each workspace with a vitest config is a project of its own.
const workspaces = ['packages/criteria', 'services', 'web', 'infra', 'test'];

export default defineConfig({
  test: {
    projects: workspaces.map((w) => `${w}/vitest.config.ts`).filter((config) => existsSync(config)),
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
