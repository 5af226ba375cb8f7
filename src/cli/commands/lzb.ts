// `kennzahlen lzb`: LZB classification at one or more Stichtage.

import { Command, Option } from 'commander';
import { deutscherMonat, isoMonat } from '../../core/kalender.js';
import { klassifiziere } from '../../core/lzb/klassifikation.js';
import { gruppierung, MERKMAL_SPALTE, MERKMALE, type Merkmal } from '../../core/merkmale.js';
import { KennzahlenFehler, nutzungsfehler } from '../../fehler.js';
import { grundText } from '../../report/lzb-bericht.js';
import { lzbJson } from '../../report/lzb-json.js';
import { lzbCsv, lzbDokument } from '../../report/lzb-dokument.js';
import { lzbListe } from '../../report/lzb-liste.js';
import { berichtsformate, gibBerichtAus, pruefeNichtEingabe, schreibeAtomar } from '../ausgabe.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import { Meldungen } from '../meldungen.js';
import { ausgabeFormat, darstellung, eingabeDatei, konfiguration, mitAusgabeOptionen, mitEingabeOptionen, mitFarbe } from '../optionen.js';
import { berichtsmonate, lesePersonendaten, letzterMonat, pruefeMerkmale, pruefeMonate, mitPersonenOptionen, monatsAuswahl, type MonatsOptionen, type PersonenOptionen } from '../personendaten.js';

interface LzbOptionen extends PersonenOptionen, MonatsOptionen {
  nach?: string;
  list?: string;
}

export function lzbBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('lzb')
    .summary('Langzeitleistungsbeziehende je Stichtag: Bestände, Zu- und Abgänge, Übergang, Prognose')
    .description(
      'Klassifiziert Langzeitleistungsbeziehende (LZB: ELB in mindestens 21 der letzten 24 Monate; bei ' +
        'tagesgenauen Zeiträumen mindestens 638 von 730 Tagen bis einschließlich Stichtag) für jeden Monat.',
    )
    .option('--monat <monat>', 'ein Berichtsmonat, z. B. 2017-06')
    .option('--von <monat>', 'erster Monat einer Reihe')
    .option('--bis <monat>', 'letzter Monat einer Reihe (= Berichtsmonat)')
    .addOption(new Option('--nach <merkmal>', 'jede Zahl aufgliedern (braucht --personen)').choices(MERKMALE))
    .option('--list <datei>', 'Personenliste des Berichtsmonats als CSV schreiben (die einzige Ausgabe mit Personen-IDs)')
    .addHelpText(
      'after',
      '\nBeispiele:\n' +
        '  kennzahlen lzb --zeitraeume zeitraeume.csv --monat 2017-06\n' +
        '  kennzahlen lzb --config fixtures/demo/kennzahlen.json --von 2017-01 --bis 2017-12 --nach geschlecht\n' +
        '  kennzahlen lzb --zeitraeume zr.csv --von 2016-01 --bis 2017-12 --json | jq \'.stichtage[] | {monat, lzb}\'\n',
    );
  mitPersonenOptionen(cmd, ['personen']);
  mitEingabeOptionen(cmd);
  mitAusgabeOptionen(cmd);
  return cmd.action(async (o: LzbOptionen) => fertig(await lzb(o, io)));
}

async function lzb(o: LzbOptionen, io: Io): Promise<number> {
  const format = ausgabeFormat(o, io);
  const farbe = farben(mitFarbe(o, io, format));
  const d = darstellung(o);
  const melde = new Meldungen(io, o);
  const k = await konfiguration(o, io, ['zeitraeume', 'personen']);

  const nach = (o.nach as Merkmal | undefined) ?? null;
  if (nach && !eingabeDatei(o.personen, k, 'personen')) throw nutzungsfehler(`--nach ${nach} braucht Personenmerkmale: --personen DATEI.`);
  const auswahl = monatsAuswahl(o);
  const daten = await lesePersonendaten(o, k, io, melde, ['personen']);
  if (!daten) throw nutzungsfehler('Es fehlt die Eingabe --zeitraeume (oder "eingaben.zeitraeume" in --config).', 'kennzahlen lzb --help zeigt die Optionen.');
  if (nach) pruefeMerkmale(daten, eingabeDatei(o.personen, k, 'personen'), [{ wer: `--nach ${nach}`, spalten: [MERKMAL_SPALTE[nach]] }]);
  const { regel, abdeckung, zeitlinien, merkmale, register } = daten;
  const { von, bis } = berichtsmonate(auswahl, () => letzterMonat(regel, abdeckung), melde);
  pruefeMonate(daten, von, bis);

  const ergebnis = klassifiziere(zeitlinien, {
    regel,
    von,
    bis,
    abdeckung,
    gruppierung: nach && merkmale ? gruppierung(nach, merkmale) : undefined,
    listeFuer: o.list ? bis : undefined,
  });

  const letzter = ergebnis.monate[ergebnis.monate.length - 1];
  if (letzter.werte.lzb === null) {
    melde.hinweis(`LZB im Berichtsmonat ${deutscherMonat(bis)} nicht berechenbar: ${letzter.nichtBerechenbar.map((g) => grundText(regel, g, d)).join('; ')}.`);
  }

  const bericht = {
    jobcenter: o.jobcenter ?? k?.jobcenter ?? null,
    regel,
    berichtsmonat: bis,
    datenAb: abdeckung.datenAb,
    datenstand: abdeckung.datenstand,
    eingaben: daten.eingaben,
    nach,
    ergebnis,
  };

  if (o.list) {
    if (!ergebnis.liste) {
      throw new KennzahlenFehler('eingabedaten', `--list: der Berichtsmonat ${isoMonat(bis)} ist nicht berechenbar, also auch keine Personenliste.`, [], letzter.nichtBerechenbar.map((g) => grundText(regel, g, d)).join('; '));
    }
    pruefeNichtEingabe(o.list, daten.eingaben);
    await schreibeAtomar(o.list, lzbListe(ergebnis, regel, register, bis));
    melde.hinweis(`Personenliste ${deutscherMonat(bis)}: ${ergebnis.liste.length} Personen → ${o.list}`);
  }
  const geschrieben = await gibBerichtAus(io, o, format, berichtsformate(() => lzbDokument(bericht, d), () => lzbJson(bericht, d), () => lzbCsv(bericht, d), farbe), 'lzb-{jobcenter}-{monat}', { jobcenter: bericht.jobcenter, monat: isoMonat(bis) }, daten.eingaben);
  for (const datei of geschrieben) melde.ausfuehrlich(`geschrieben: ${datei}`);
  melde.speicher();
  return 0;
}
