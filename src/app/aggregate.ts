// `aggregate`: person-level extracts → the Monatswerte table (docs/vertrag.md §3), one row per
// month and group, as `report --monatswerte` reads it back.

import { FILTER_SPALTEN, type Filter } from '../core/filter.js';
import { letzterMonat } from '../core/lzb/stichtage.js';
import { gruppierung, MERKMAL_SPALTE, type Merkmal } from '../core/merkmale.js';
import { aggregiere } from '../core/monatswerte/aggregation.js';
import type { Monatswerte } from '../core/monatswerte/monatswerte.js';
import { einheitIso } from '../report/lzb-bericht.js';
import type { MonatswerteKopf } from '../report/monatswerte.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { berichtsmonate, ereignisseVorStichtag, lesePersonendaten, pruefeMerkmale, pruefeMonate, type MonatsAuswahl, type PersonenAnfrage } from './personendaten.js';

export interface AggregateAnfrage {
  personen: PersonenAnfrage;
  monate: MonatsAuswahl;
  nach: Merkmal | null;
  filter: Filter | null;
  jobcenter: string | null;
}

export interface AggregateModell {
  monatswerte: Monatswerte;
  kopf: MonatswerteKopf;
}

export function aggregate(a: AggregateAnfrage, leser: Leser): Promise<Ergebnis<AggregateModell>> {
  return fuehreAus(async (notizen) => {
    const daten = await lesePersonendaten(a.personen, leser, notizen);
    pruefeMerkmale(daten, a.personen.dateien.personen, [
      ...(a.nach ? [{ wer: `--nach ${a.nach}`, spalten: [MERKMAL_SPALTE[a.nach]] }] : []),
      ...(a.filter ? [{ wer: `--filter ${a.filter}`, spalten: FILTER_SPALTEN[a.filter] }] : []),
    ]);
    const { von, bis } = berichtsmonate(a.monate, () => letzterMonat(daten.regel, daten.abdeckung), notizen);
    pruefeMonate(daten, von, bis);
    ereignisseVorStichtag(daten, bis, a.personen.dateien, notizen);
    const monatswerte = aggregiere(daten, { von, bis, filter: a.filter, gruppierung: a.nach && daten.merkmale ? gruppierung(a.nach, daten.merkmale) : undefined });
    const kopf: MonatswerteKopf = { jobcenter: a.jobcenter, datenstand: einheitIso(daten.regel, daten.abdeckung.datenstand), filter: a.filter, nach: a.nach, eingaben: daten.eingaben, von, bis };
    return { modell: { monatswerte, kopf } };
  });
}
