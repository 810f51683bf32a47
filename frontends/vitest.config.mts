import { defineConfig } from 'vitest/config';

// Unit and contract tests of the frontends (./test.sh runs them and adds their counts to its total).
export default defineConfig({
  test: {
    include: ['{shared,host,dashboard,user,admin}/src/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
