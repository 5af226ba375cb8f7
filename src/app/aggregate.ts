// `aggregate`: person-level extracts → the Monatswerte table (docs/vertrag.md §3), one row per
// month and group, as `report --monatswerte` reads it back.

import { FILTER_SPALTEN, type Filter } from '../core/filter.js';
import { gruppierung } from '../core/merkmale.js';
import type { Monatswerte } from '../core/monatswerte/monatswerte.js';
import { einheitIso } from '../report/lzb-bericht.js';
import type { MonatswerteKopf } from '../report/monatswerte.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { wirkungslos } from './lesen.js';
import { ereignisseVorStichtag, leseReihe, type ReihenAnfrage } from './personendaten.js';
import { aggregiereSichtenMitThreads } from './teilrechnung.js';

export interface AggregateAnfrage extends ReihenAnfrage {
  filter: Filter | null;
  /** The Jobcenter's key, written as a column of every row. */
  regionalschluessel: string | null;
}

export interface AggregateModell {
  monatswerte: Monatswerte;
  kopf: MonatswerteKopf;
}

export function aggregate(a: AggregateAnfrage, leser: Leser): Promise<Ergebnis<AggregateModell>> {
  return fuehreAus(async (notizen) => {
    const { daten, von, bis } = await leseReihe(a, leser, notizen, a.filter ? [{ wer: `--filter ${a.filter}`, spalten: FILTER_SPALTEN[a.filter] }] : []);
    ereignisseVorStichtag(daten, bis, a.personen.dateien, notizen);
    const [monatswerte] = await aggregiereSichtenMitThreads(daten, von, bis, [{ filter: a.filter, gruppierung: a.nach && daten.merkmale ? gruppierung(a.nach, daten.merkmale) : undefined }], a.personen.lesen.threads);
    const kopf: MonatswerteKopf = { jobcenter: a.jobcenter, regionalschluessel: a.regionalschluessel, datenstand: einheitIso(daten.regel, daten.abdeckung.datenstand), filter: a.filter, nach: a.nach, eingaben: daten.eingaben, von, bis };
    for (const t of wirkungslos(a.personen.lesen, daten.eingaben)) notizen.hinweis(t);
    return { modell: { monatswerte, kopf } };
  });
}
