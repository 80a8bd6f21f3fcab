import { defineConfig } from 'vitest/config';

// `npm run test:load`: the 200-school autosave load test against the started product, apart from `npm test`.
export default defineConfig({
  test: {
    name: 'load',
    root: import.meta.dirname,
    include: ['load/**/*.test.ts'],
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    reporters: ['default', './support/summary-reporter.ts'],
  },
});
