import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'cross-cutting', include: ['**/*.test.ts'], exclude: ['node_modules/**', 'bench/**'], environment: 'node' },
});
