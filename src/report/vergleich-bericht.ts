// What a comparison shows (docs/vertrag.md §4.5), independent of its format: the own Jobcenter
// among its peers per group, indicator and window.

import type { Definition } from '../core/kennzahlen/definitionen.js';
import type { EingabeInfo } from '../core/modell.js';
import type { Reihe } from '../core/monatswerte/monatswerte.js';
import type { Aggregat, Vergleichswert } from '../core/vergleich/vergleich.js';

/** One window (monthly value or JFW): the comparison within the peers, and the Land's and Bund's aggregates. */
export interface Vergleichsfenster extends Vergleichswert {
  land: Aggregat | null;
  bund: Aggregat;
}

export interface VergleichKennzahl {
  definition: Definition;
  monat: Vergleichsfenster;
  jfw: Vergleichsfenster;
  /** The monthly value's rank in the same month a year earlier (null: not computable then). */
  rangVorjahr: number | null;
}

export interface VergleichModell {
  jobcenter: string;
  name: string | null;
  land: string | null;
  berichtsmonat: number;
  /** Who the peers are and why: a Vergleichstyp, a list, or every row. */
  gruppe: { art: 'vergleichstyp'; typ: string } | { art: 'liste' } | { art: 'alle' } | { art: 'nachbarn'; merkmale: string[]; abstaende: { schluessel: string; abstand: number }[] };
  peers: string[];
  /** Every Jobcenter of the table in its order (the Bund aggregate's units). */
  schluessel: string[];
  /** The Jobcenters of the own Land (the Land aggregate's units); null without a Land. */
  landSchluessel: string[] | null;
  /** Each Jobcenter's series per group: what disclosure control relates the printed values to. */
  reihen: ReadonlyMap<string, ReadonlyMap<string, Reihe>>;
  eingaben: EingabeInfo[];
  gruppen: { gruppe: string; kennzahlen: VergleichKennzahl[] }[];
}
