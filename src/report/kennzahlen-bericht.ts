// What a § 48a report shows, independent of its format, and the wording shared by the formats.

import type { Filter } from '../core/filter.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { Monatswerte } from '../core/monatswerte/monatswerte.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import type { EingabeInfo } from '../core/modell.js';
import type { VergleichModell } from './vergleich-bericht.js';

export interface KennzahlenBericht {
  demo: boolean;
  jobcenter: string | null;
  berichtsmonat: number;
  /** ISO date or month. */
  datenstand: string;
  eingaben: EingabeInfo[];
  kennzahlen: KennzahlWert[];
  /** With `--nach geschlecht`: the indicators per group. */
  gruppen: { gruppe: string; kennzahlen: KennzahlWert[] }[];
  ziele: { jahr: number; ergebnisse: ZielErgebnis[] } | null;
  /**
   * The Monatswerte the indicators come from. Disclosure control needs their single months: windows
   * that overlap (a year and its year-to-date part) give away the months they do not share.
   */
  monatswerte: Monatswerte;
  /** With peers given: the Jobcenter among them (the section `vergleich` shows alone). */
  vergleich: VergleichModell | null;
  /** Series for the charts, computed only when a chart is drawn. */
  grafikdaten: () => Grafikdaten;
}

export interface Grafikdaten {
  /** Months von … t: each indicator's monthly and year-to-date values. */
  verlauf: { von: number; kennzahlen: Map<string, { monat: Berechnung[]; jfw: Berechnung[] }> };
  /** Per target (same order as `ziele.ergebnisse`): Ist and Soll for January … t. */
  zielVerlauf: { ist: (number | null)[]; soll: (number | null)[] }[];
}

export const FILTER_NAMEN: Record<Filter, [string, string]> = {
  ohne_flucht: ['ohne Fluchtkontext', 'without refugee context'],
  u25: ['unter 25', 'under 25'],
  u25_ohne_flucht: ['unter 25, ohne Fluchtkontext', 'under 25, without refugee context'],
  alleinerziehend: ['Alleinerziehende', 'single parents'],
  frauen: ['Frauen', 'women'],
  maenner: ['Männer', 'men'],
};
