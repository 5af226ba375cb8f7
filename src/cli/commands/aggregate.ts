// `kennzahlen aggregate`: person-level extracts → the Monatswerte table (docs/vertrag.md §3), one row per month
// and group, as `report --monatswerte` reads it back.

import { Command, Option } from 'commander';
import { FILTER, FILTER_SPALTEN, type Filter } from '../../core/filter.js';
import { gruppierung, MERKMAL_SPALTE, MERKMALE, type Merkmal } from '../../core/merkmale.js';
import { aggregiere } from '../../core/monatswerte/aggregation.js';
import { nutzungsfehler } from '../../fehler.js';
import { einheitIso } from '../../report/lzb-bericht.js';
import { monatswerteCsv, monatswerteDokument, monatswerteJson } from '../../report/monatswerte.js';
import { isoMonat } from '../../core/kalender.js';
import { berichtsformate, gibBerichtAus } from '../ausgabe.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import { Meldungen } from '../meldungen.js';
import { ALLE_FORMATE, ausgabeFormat, darstellung, eingabeDatei, konfiguration, mitAusgabeOptionen, mitEingabeOptionen, mitFarbe } from '../optionen.js';
import { berichtsmonate, lesePersonendaten, letzterMonat, ereignisseVorStichtag, pruefeMerkmale, pruefeMonate, mitPersonenOptionen, monatsAuswahl, ZUSATZ_ROLLEN, type MonatsOptionen, type PersonenOptionen } from '../personendaten.js';

interface AggregateOptionen extends PersonenOptionen, MonatsOptionen {
  nach?: string;
  filter?: string;
}

export function aggregateBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('aggregate')
    .summary('personenbezogene Extrakte zu Monatswerten verdichten (CSV für Excel oder JSON)')
    .description(
      'Verdichtet Leistungszeiträume, Personen, Integrationen, Maßnahmen und Leistungen zu Monatswerten: eine Zeile je ' +
        'Monat (und Gruppe) mit den Spalten, aus denen `report` die Kennzahlen rechnet. Integrationen zählen im Monat t, ' +
        'wenn ihr Beginn zwischen den Stichtagen S(t−1) und S(t) liegt und die Person am Stichtag S(t−1) ELB war.',
    )
    .option('--monat <monat>', 'ein Monat, z. B. 2017-06')
    .option('--von <monat>', 'erster Monat')
    .option('--bis <monat>', 'letzter Monat')
    .addOption(new Option('--nach <merkmal>', 'zusätzlich eine Zeile je Gruppe (braucht --personen)').choices(MERKMALE))
    .addOption(new Option('--filter <filter>', 'nur diese Personen, in Zählern und Nennern (braucht --personen)').choices(FILTER))
    .addHelpText('after', '\nBeispiel:\n  kennzahlen aggregate --config fixtures/demo/kennzahlen.json --von 2016-01 --bis 2017-12 --format csv --out monatswerte.csv\n');
  mitPersonenOptionen(cmd, ZUSATZ_ROLLEN);
  mitEingabeOptionen(cmd);
  mitAusgabeOptionen(cmd);
  return cmd.action(async (o: AggregateOptionen) => fertig(await aggregate(o, io)));
}

async function aggregate(o: AggregateOptionen, io: Io): Promise<number> {
  const format = ausgabeFormat(o, io, ALLE_FORMATE);
  const d = darstellung(o);
  const farbe = farben(mitFarbe(o, io, format));
  const melde = new Meldungen(io, o);
  const k = await konfiguration(o, io, ['zeitraeume', 'personen', 'integrationen', 'massnahmen', 'leistungen']);
  const auswahl = monatsAuswahl(o);
  const nach = (o.nach as Merkmal | undefined) ?? null;
  const filter = (o.filter as Filter | undefined) ?? null;
  if ((nach || filter) && !eingabeDatei(o.personen, k, 'personen')) throw nutzungsfehler(`--${nach ? 'nach' : 'filter'} braucht Personenmerkmale: --personen DATEI.`);
  const daten = await lesePersonendaten(o, k, io, melde, ZUSATZ_ROLLEN);
  if (!daten) throw nutzungsfehler('Es fehlt die Eingabe --zeitraeume (oder "eingaben.zeitraeume" in --config).', 'kennzahlen aggregate --help zeigt die Optionen.');
  pruefeMerkmale(daten, eingabeDatei(o.personen, k, 'personen'), [
    ...(nach ? [{ wer: `--nach ${nach}`, spalten: [MERKMAL_SPALTE[nach]] }] : []),
    ...(filter ? [{ wer: `--filter ${filter}`, spalten: FILTER_SPALTEN[filter] }] : []),
  ]);
  const { von, bis } = berichtsmonate(auswahl, () => letzterMonat(daten.regel, daten.abdeckung), melde);
  pruefeMonate(daten, von, bis);
  ereignisseVorStichtag(daten, bis, { integrationen: eingabeDatei(o.integrationen, k, 'integrationen'), massnahmen: eingabeDatei(o.massnahmen, k, 'massnahmen') }, melde);
  const mw = aggregiere(daten, { von, bis, filter, gruppierung: nach && daten.merkmale ? gruppierung(nach, daten.merkmale) : undefined });
  const kopf = {
    jobcenter: o.jobcenter ?? k?.jobcenter ?? null,
    datenstand: einheitIso(daten.regel, daten.abdeckung.datenstand),
    filter,
    nach,
    eingaben: daten.eingaben,
    von,
    bis,
  };
  const geschrieben = await gibBerichtAus(io, o, format, berichtsformate(() => monatswerteDokument(mw, kopf, d), () => monatswerteJson(mw, kopf, d), () => monatswerteCsv(mw, kopf, d), farbe), 'monatswerte-{jobcenter}-{monat}', { jobcenter: kopf.jobcenter, monat: isoMonat(bis) }, daten.eingaben);
  for (const datei of geschrieben) melde.ausfuehrlich(`geschrieben: ${datei}`);
  melde.speicher();
  return 0;
}
