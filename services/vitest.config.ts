import { defineProject } from 'vitest/config';

// One in-memory DynamoDB Local serves the whole run; each test file makes its own table in it.
export default defineProject({
  test: {
    name: 'services',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./src/testing/global-setup.ts'],
    // The SDK warns once per worker that it will need Node 22 from 2027; true, but noise in every run.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});
