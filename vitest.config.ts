import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the `@switchboard/source`
// export condition), so `npm test` needs no build of the package under test.
const conditions = ['@switchboard/source', ...defaultServerConditions];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    // The JSON report is what .ci/run counts; without a terminal, dots keep CI logs readable
    // (the default reporter lists each of the thousands of derived cases there).
    reporters: [process.stdout.isTTY ? 'default' : 'dot', ['json', { outputFile: '.vitest/results.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'codegen', root: 'packages/codegen', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'runtime', root: 'packages/runtime', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'redis', root: 'packages/redis', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'server', root: 'packages/server', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          root: 'conformance',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 60_000,
          typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        // A smoke test of the benchmark harness on a tiny workload (bench/README.md), not a benchmark.
        test: { name: 'bench', root: 'bench', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
