import { defineConfig } from 'vitest/config';

/**
 * Two projects: the tests that replace a module or a global (vi.mock, vi.spyOn), or that measure the heap (what another
 * file left in a shared graph would count), run each in a fresh module graph; the others share one graph per worker,
 * which spares re-importing the sources for every file (the suite took 216 s on 2 cores, 131 s so). Both cores run
 * test files: the default keeps one core free, which the end-to-end tests' child processes use anyway.
 */
const ISOLATED = [
  'test/heap.test.ts',
  'test/io/pool.test.ts',
  'test/heap-collect.test.ts',
  'test/report/text-pool.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/e2e/global-setup.ts'],
    // End-to-end tests start the binary many times; give a loaded CI machine room.
    testTimeout: 30_000,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
