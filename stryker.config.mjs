// Mutation testing of the pure rules in shared/ against the unit and integration tests (`npm run mutate`).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vite.config.ts', related: false },
  testFiles: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
  mutate: ['shared/**/*.ts', '!shared/**/*.events.ts', '!shared/session/events.ts', '!shared/session/state.ts', '!shared/session/module.ts', '!shared/protocol/socket.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level values such as the zod schemas) each rerun the whole suite, real servers included:
  // about 450 of them took three quarters of a two-hour run on two shared cores. The schemas have their own tests.
  ignoreStatic: true,
  // Other work shares the machine's two cores.
  concurrency: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Kept in the repository so that `npm run mutate -- --incremental` retests only what changed since: a full run takes
  // over an hour on two cores. Refresh it by committing the file an incremental run rewrites.
  incrementalFile: 'tests/mutation/stryker-incremental.json',
};
