import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The core counts calendar days as integers; a time zone far from UTC proves it.
    env: { TZ: 'Pacific/Kiritimati' },
    testTimeout: 60_000,
  },
});
