import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'criteria', include: ['src/**/*.test.ts'], environment: 'node' },
});
