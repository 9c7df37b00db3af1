import { defineConfig } from 'vitest/config';

/** The memory checks of `npm run bench` (bench/memory.test.ts): one fresh module graph, nothing else in it. */
export default defineConfig({
  test: { include: ['bench/**/*.test.ts'], isolate: true, testTimeout: 60_000 },
});
