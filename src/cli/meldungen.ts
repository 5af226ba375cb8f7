// Messages for people on stderr: notes (silenced by --quiet) and details (only with --verbose).
// stdout stays reserved for the data.

import type { Notiz } from '../app/ergebnis.js';
import type { Io } from './io.js';

export class Meldungen {
  constructor(
    private io: Io,
    private o: { quiet?: boolean; verbose?: boolean },
  ) {}

  /** `--quiet`: no hints and no progress bar. */
  get leise(): boolean {
    return Boolean(this.o.quiet);
  }

  hinweis(text: string): void {
    if (!this.o.quiet) this.io.stderr.write(`kennzahlen: ${text}\n`);
  }

  ausfuehrlich(text: string): void {
    if (this.o.verbose) this.io.stderr.write(`kennzahlen: ${text}\n`);
  }

  /** A use case's notes, in their order. */
  notizen(liste: readonly Notiz[]): void {
    for (const n of liste) (n.art === 'hinweis' ? this.hinweis(n.text) : this.ausfuehrlich(n.text));
  }

  /** Peak resident memory of the whole process, for `npm run bench` and curious users. */
  speicher(): void {
    this.ausfuehrlich(`Spitzen-RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
}
