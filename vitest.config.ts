/**
 * Four projects, as the runtimes split them: `unit` (no server, browser or workerd; files share
 * their worker, so the real report's engine is built once per worker), `e2e` (the real Node
 * server), `browser` (real Chromium) and `workerd` (the Worker bundle, built and run in workerd).
 * `npm test` runs them all; `npm run test:unit` (or `vitest run --project unit`) the first alone.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const WORKERD = ['test/worker.e2e.test.ts', 'test/worker-rate-limit.e2e.test.ts', 'test/library-worker.e2e.test.ts'];
const BROWSER = ['test/widget.e2e.test.ts', 'test/library.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // End-to-end files mostly wait on the servers, browsers and workerd they start: two files at
    // a time keep both cores of a small machine busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'widget/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/helpers/setup-run-cache.ts'],
        },
      },
      // The question-cost guards time the whole engine over a fixture report: seconds, not a unit's milliseconds.
      { extends: true, test: { name: 'e2e', include: ['test/**/*.e2e.test.ts', 'test/question-cost.test.ts'], exclude: [...WORKERD, ...BROWSER], globalSetup: ['test/helpers/setup-e2e.ts'] } },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: ['test/helpers/setup-e2e.ts'] } },
      // One workerd at a time: two side by side on a small machine starve each other's requests.
      { extends: true, test: { name: 'workerd', include: WORKERD, globalSetup: ['test/helpers/setup-run-cache.ts'], maxWorkers: 1 } },
    ],
  },
});
