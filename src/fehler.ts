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
  /** The sheet of a workbook: `zeile` and `spalte` are then its row and column (`Tabelle1!C17`). */
  blatt?: string;
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

/** How a run ended: well, or with the kind of its error. */
export type Ausgang = 'ok' | FehlerArt;

/** What each ending means, as the help says it (German, English). */
export const AUSGANG_TEXTE: Record<Ausgang, readonly [string, string]> = {
  ok: ['ok', 'ok'],
  ziel_verfehlt: ['ein Ziel verfehlt (nur mit --fail-on-miss)', 'a target missed (only with --fail-on-miss)'],
  nutzung: ['Aufruf falsch (unbekannte Option, fehlender oder ungültiger Wert)', 'wrong call (unknown option, missing or invalid value)'],
  eingabedaten: ['Eingabedaten ungültig', 'invalid input data'],
  datei_fehlt: ['Eingabedatei fehlt oder ist nicht lesbar', 'input file missing or unreadable'],
  intern: ['interner Fehler', 'internal error'],
  ausgabe: ['Ausgabe nicht schreibbar', 'output not writable'],
};

/** The kind of any thrown value: one without a kind is a bug. */
export const artVon = (fehler: unknown): FehlerArt => (fehler instanceof KennzahlenFehler ? fehler.art : 'intern');

/** The one place that turns how a run ended into the process's exit code. */
export function exitCode(ausgang: Ausgang): number {
  return EXIT_CODE[ausgang];
}

/** `datei:zeile:spalte: meldung`, the form editors and grep understand. */
export function problemZeile(p: Problem): string {
  const ort = p.blatt !== undefined ? `${p.datei}:${zellAdresse(p.blatt, p.zeile, p.spalte)}` : [p.datei, p.zeile, p.spalte].filter((x) => x !== undefined).join(':');
  return `${ort}: ${p.meldung}`;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function spaltenBuchstaben(spalte: number): string {
  let s = '';
  for (let n = spalte; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A place in a workbook as Excel writes it: `Tabelle1!C17`, `Tabelle1!17` (a row), `'Daten 2017'!C17`. */
export function zellAdresse(blatt: string, zeile?: number, spalte?: number): string {
  const name = /^[\p{L}\d_]+$/u.test(blatt) ? blatt : `'${blatt.replace(/'/g, "''")}'`;
  return `${name}!${spalte !== undefined ? spaltenBuchstaben(spalte) : ''}${zeile ?? ''}`;
}
