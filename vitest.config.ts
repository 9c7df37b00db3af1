import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // End-to-end tests start the binary many times; give a loaded CI machine room.
    testTimeout: 30_000,
  },
});
