import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross-cutting',
    include: ['**/*.test.ts'],
    // The load test runs on its own (`npm run test:load`): it takes minutes and loads the whole machine.
    exclude: ['node_modules/**', 'bench/**', 'load/**'],
    environment: 'node',
    // One in-memory DynamoDB Local for the run, as in the services project; suites make their own tables in it.
    globalSetup: ['./support/dynamo-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
