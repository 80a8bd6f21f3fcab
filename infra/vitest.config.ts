import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'infra',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Loading aws-cdk-lib and synthesising a stage costs seconds, the assertions milliseconds. One worker
    // with one module graph lets every file reuse the cached synth of each stage (src/testing/synth.ts).
    isolate: false,
    fileParallelism: false,
    // The bundle test loads SDK v3 on Node 20, which warns that it will need Node 22 from 2027 (Lambda runs 22).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
