import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The files that start processes, npm or a browser take longest. Started first, they run beside the
// quick ones instead of ending the run alone: a fresh clone has no timings of an earlier run for
// vitest to order by, and the suite must stay under 25 s on two cores.
const LANGSAM = ['paket', 'parallel.e2e', 'ausgabe.e2e', 'vertrauen', 'html', 'report.e2e', 'readme', 'lzb.e2e', 'spaltenvertrag', 'geheimhaltung.e2e', 'arbeitsmappe.e2e', 'libreoffice', 'xlsx.e2e'];

class LangsameZuerst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rang = (f: TestSpecification) => {
      const i = LANGSAM.findIndex((n) => basename(f.moduleId).startsWith(`${n}.`));
      return i < 0 ? LANGSAM.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rang(a) - rang(b));
  }
}

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
    // no test mocks a module or changes process-wide settings, and a test that lowers a threshold
    // (VORAUSSCHAU, NEBENHER, TEILUNG, TEILRECHNUNG) or spies on a method restores it before its file ends.
    isolate: false,
    sequence: { sequencer: LangsameZuerst },
  },
});
