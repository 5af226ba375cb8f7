import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The core counts calendar days as integers; a time zone far from UTC proves it.
    env: { TZ: 'Pacific/Kiritimati' },
    testTimeout: 60_000,
    // One worker per core (vitest leaves one core to itself): the end-to-end files spend much of
    // their time waiting for the binaries they start.
    maxWorkers: availableParallelism(),
    // Test files share a worker's modules instead of loading src/ again for each file. Safe here:
    // src/ keeps no state between runs of main() (its caches are WeakMaps keyed by a run's data),
    // and no test mocks a module or changes process-wide settings.
    isolate: false,
  },
});
