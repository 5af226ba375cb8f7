// Errors are values with a kind; the kind alone decides the exit code (docs/vertrag.md §2), here and nowhere else.

/**
 * `ziel_verfehlt` is the one kind that follows a complete run: with --fail-on-miss a target was
 * missed, and the report has been written before the run fails.
 */
export type FehlerArt = 'ziel_verfehlt' | 'nutzung' | 'eingabedaten' | 'datei_fehlt' | 'ausgabe' | 'intern';

export const EXIT_CODE = {
  ok: 0,
  ziel_verfehlt: 1,
  nutzung: 2,
  eingabedaten: 65,
  datei_fehlt: 66,
  intern: 70,
  ausgabe: 73,
} as const satisfies Record<FehlerArt | 'ok', number>;

/** One problem in an input: where it is, what was found and what was expected. */
export interface Problem {
  datei: string;
  zeile?: number;
  spalte?: number;
  spaltenname?: string;
  wert?: string;
  erwartet?: string;
  meldung: string;
}

export class KennzahlenFehler extends Error {
  constructor(
    readonly art: FehlerArt,
    meldung: string,
    readonly probleme: readonly Problem[] = [],
    readonly hinweis?: string,
  ) {
    super(meldung);
    this.name = 'KennzahlenFehler';
  }
}

export const nutzungsfehler = (meldung: string, hinweis?: string) =>
  new KennzahlenFehler('nutzung', meldung, [], hinweis);

export function exitCodeFuer(fehler: unknown): number {
  return fehler instanceof KennzahlenFehler ? EXIT_CODE[fehler.art] : EXIT_CODE.intern;
}

/** `datei:zeile:spalte: meldung`, the form editors and grep understand. */
export function problemZeile(p: Problem): string {
  const ort = [p.datei, p.zeile, p.spalte].filter((x) => x !== undefined).join(':');
  return `${ort}: ${p.meldung}`;
}
