import { defineProject } from 'vitest/config';

// Unit tests of the web app's logic (API client, autosave): plain TypeScript, no DOM needed.
export default defineProject({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
