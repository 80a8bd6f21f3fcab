import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cross-cutting',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'bench/**'],
    environment: 'node',
    // One in-memory DynamoDB Local for the run, as in the services project; suites make their own tables in it.
    globalSetup: ['./support/dynamo-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
