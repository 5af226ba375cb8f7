// `kennzahlen lzb`: LZB classification at one or more Stichtage.

import { Command, Option } from 'commander';
import { deutscherMonat, ersterTag, isoMonat, monatVonTag } from '../../core/kalender.js';
import { klassifiziere } from '../../core/lzb/klassifikation.js';
import { monatsRegel, STANDARD_EINSTELLUNGEN, tagesRegel, type LzbRegel } from '../../core/lzb/regel.js';
import { gruppierung, Merkmale, MERKMALE, type Merkmal } from '../../core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../../core/zeitlinien.js';
import { KennzahlenFehler, nutzungsfehler } from '../../fehler.js';
import { lesePersonen } from '../../input/personen.js';
import { KODIERUNG_NAMEN } from '../../input/dekodierung.js';
import { TRENNZEICHEN_NAMEN, type EingabeInfo } from '../../input/tabelle.js';
import { leseZeitraeume, type ZeitraeumeErgebnis } from '../../input/zeitraeume.js';
import { lzbJson } from '../../report/lzb-json.js';
import { lzbListe } from '../../report/lzb-liste.js';
import { lzbTabelle } from '../../report/lzb-tabelle.js';
import { grundText } from '../../report/lzb-bericht.js';
import { gibAus, schreibeAtomar } from '../ausgabe.js';
import { liesEingabe } from '../eingaben.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import {
  ausgabeFormat, eingabeDatei, einstellung, ganzzahl, konfiguration, leseOptionen, maxFehler, mitAusgabeOptionen,
  mitEingabeOptionen, mitFarbe, monatOption, tagOption, type GemeinsameOptionen,
} from '../optionen.js';
import { Meldungen } from '../meldungen.js';

interface LzbOptionen extends GemeinsameOptionen {
  zeitraeume?: string;
  personen?: string;
  monat?: string;
  von?: string;
  bis?: string;
  nach?: string;
  list?: string;
  datenAb?: string;
  datenstand?: string;
  stichtagTag?: string;
  lzbMin?: string;
  lzbWindow?: string;
}

export function lzbBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('lzb')
    .summary('Langzeitleistungsbeziehende je Stichtag: Bestände, Zu- und Abgänge, Übergang, Prognose')
    .description(
      'Klassifiziert Langzeitleistungsbeziehende (LZB: ELB in mindestens 21 der letzten 24 Monate; bei ' +
        'tagesgenauen Zeiträumen mindestens 638 von 730 Tagen bis einschließlich Stichtag) für jeden Monat.',
    )
    .option('--zeitraeume <datei>', 'Leistungszeiträume (CSV; "-" = stdin): person_id;beginn;ende;status oder person_id;monat;status')
    .option('--personen <datei>', 'Personenmerkmale (CSV): person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext')
    .option('--monat <monat>', 'ein Berichtsmonat, z. B. 2017-06')
    .option('--von <monat>', 'erster Monat einer Reihe')
    .option('--bis <monat>', 'letzter Monat einer Reihe (= Berichtsmonat)')
    .addOption(new Option('--nach <merkmal>', 'jede Zahl aufgliedern (braucht --personen)').choices(MERKMALE))
    .option('--list <datei>', 'Personenliste des Berichtsmonats als CSV schreiben (die einzige Ausgabe mit Personen-IDs)')
    .option('--daten-ab <datum>', 'ab wann die Daten vollständig sind (Standard: früheste Angabe im Extrakt)')
    .option('--datenstand <datum>', 'bis wann die Daten reichen (Standard: späteste Angabe im Extrakt)')
    .option('--stichtag-tag <tag>', `Tag des Monats, der Stichtag ist (Standard ${STANDARD_EINSTELLUNGEN.stichtagTag})`)
    .option('--lzb-min <m>', `LZB ab m Monaten Bezug … (Standard ${STANDARD_EINSTELLUNGEN.lzbMin})`)
    .option('--lzb-window <w>', `… in den letzten w Monaten (Standard ${STANDARD_EINSTELLUNGEN.lzbFenster})`)
    .addHelpText(
      'after',
      '\nBeispiele:\n' +
        '  kennzahlen lzb --zeitraeume zeitraeume.csv --monat 2017-06\n' +
        '  kennzahlen lzb --config fixtures/demo/kennzahlen.json --von 2017-01 --bis 2017-12 --nach geschlecht\n' +
        '  kennzahlen lzb --zeitraeume zr.csv --von 2016-01 --bis 2017-12 --json | jq \'.stichtage[] | {monat, lzb}\'\n',
    );
  mitEingabeOptionen(cmd);
  mitAusgabeOptionen(cmd);
  return cmd.action(async (o: LzbOptionen) => fertig(await lzb(o, io)));
}

async function lzb(o: LzbOptionen, io: Io): Promise<number> {
  const format = ausgabeFormat(o, io);
  const farbe = farben(mitFarbe(o, io, format));
  const melde = new Meldungen(io, o);
  const k = await konfiguration(o);

  const zeitraeume = eingabeDatei(o.zeitraeume, k, 'zeitraeume');
  if (!zeitraeume) throw nutzungsfehler('Es fehlt die Eingabe --zeitraeume (oder "eingaben.zeitraeume" in --config).', 'kennzahlen lzb --help zeigt die Optionen.');
  const personen = eingabeDatei(o.personen, k, 'personen');
  const nach = (o.nach as Merkmal | undefined) ?? null;
  if (nach && !personen) throw nutzungsfehler(`--nach ${nach} braucht Personenmerkmale: --personen DATEI.`);
  if (o.monat && (o.von || o.bis)) throw nutzungsfehler('--monat oder --von/--bis, nicht beides.');
  let von = o.monat ? monatOption('--monat', o.monat) : monatOption('--von', o.von);
  let bis = o.monat ? von : monatOption('--bis', o.bis);
  if (von !== undefined && bis !== undefined && bis < von) throw nutzungsfehler(`--bis ${o.bis} liegt vor --von ${o.von}.`);
  const einstellungen = {
    stichtagTag: ganzzahl('--stichtag-tag', einstellung(o.stichtagTag, k, 'stichtag_tag'), 1, 31) ?? STANDARD_EINSTELLUNGEN.stichtagTag,
    lzbMin: ganzzahl('--lzb-min', einstellung(o.lzbMin, k, 'lzb_min'), 1, 120) ?? STANDARD_EINSTELLUNGEN.lzbMin,
    lzbFenster: ganzzahl('--lzb-window', einstellung(o.lzbWindow, k, 'lzb_window'), 1, 120) ?? STANDARD_EINSTELLUNGEN.lzbFenster,
  };
  if (einstellungen.lzbMin > einstellungen.lzbFenster) throw nutzungsfehler(`--lzb-min ${einstellungen.lzbMin} ist größer als --lzb-window ${einstellungen.lzbFenster}.`);
  const datenAbTag = tagOption('--daten-ab', einstellung(o.datenAb, k, 'daten_ab'), false);
  const datenstandTag = tagOption('--datenstand', einstellung(o.datenstand, k, 'datenstand'), true);
  const max = maxFehler(o);

  const register = new PersonRegister();
  const zeitlinien = new Zeitlinien();
  const merkmale = new Merkmale();
  const eingaben: EingabeInfo[] = [];

  const zr: ZeitraeumeErgebnis = await melde.gemessen('zeitraeume', () =>
    liesEingabe(io, zeitraeume, 'zeitraeume', leseOptionen(o, k, 'zeitraeume', max), (t) => leseZeitraeume(t, register, zeitlinien)),
  );
  eingaben.push(zr.info);
  melde.ausfuehrlich(
    `zeitraeume: ${KODIERUNG_NAMEN[zr.info.kodierung]}, ${TRENNZEICHEN_NAMEN[zr.info.trennzeichen]}, ${zr.form === 'tage' ? 'tagesgenaue Zeiträume' : 'Monatsform'}, ` +
      `${zr.info.zeilen} Zeilen (${zr.zeilenNef} NEF), ${zeitlinien.anzahlPersonen} Personen mit ELB-Zeiten, ${zeitlinien.anzahlLaeufe} zusammengeführte Zeiträume`,
  );
  if (zr.erstes === null || zr.letztes === null) {
    throw new KennzahlenFehler('eingabedaten', `${zeitraeume}: keine Datenzeilen; erwartet wird mindestens ein Zeitraum.`, [{ datei: zeitraeume, zeile: 2, meldung: 'keine Datenzeilen nach der Kopfzeile' }]);
  }
  if (personen) {
    const p = await melde.gemessen('personen', () =>
      liesEingabe(io, personen, 'personen', leseOptionen(o, k, 'personen', max), (t) => lesePersonen(t, register, merkmale)),
    );
    eingaben.push(p.info);
  }

  const regel: LzbRegel = zr.form === 'tage' ? tagesRegel(einstellungen) : monatsRegel(einstellungen);
  // Coverage in the rule's units. For the monthly form a declared day means its month; a data
  // begin after the 1st leaves that month incomplete.
  const alsEinheit = (tag: number, beginn: boolean) => {
    if (regel.einheit === 'tag') return tag;
    const m = monatVonTag(tag);
    return beginn && tag !== ersterTag(m) ? m + 1 : m;
  };
  const abdeckung = {
    datenAb: datenAbTag === undefined ? zr.erstes : alsEinheit(datenAbTag, true),
    datenstand: datenstandTag === undefined ? zr.letztes : alsEinheit(datenstandTag, false),
  };
  if (bis === undefined) {
    // Without --bis (or --monat): the latest month whose Stichtag the data reach.
    let m = regel.einheit === 'tag' ? monatVonTag(abdeckung.datenstand) : abdeckung.datenstand;
    while (regel.stichtag(m) > abdeckung.datenstand) m--;
    bis = m;
    melde.hinweis(`Berichtsmonat ${deutscherMonat(m)}: der letzte Monat, dessen Stichtag der Datenstand erreicht (sonst --monat oder --bis).`);
  }
  von ??= bis;
  if (von > bis) throw nutzungsfehler(`--von ${isoMonat(von)} liegt nach dem Berichtsmonat ${isoMonat(bis)}.`);

  const ergebnis = klassifiziere(zeitlinien, {
    regel,
    von,
    bis,
    abdeckung,
    gruppierung: nach ? gruppierung(nach, merkmale) : undefined,
    listeFuer: o.list ? bis : undefined,
  });

  const letzter = ergebnis.monate[ergebnis.monate.length - 1];
  if (letzter.werte.lzb === null) {
    melde.hinweis(`LZB im Berichtsmonat ${deutscherMonat(bis)} nicht berechenbar: ${letzter.nichtBerechenbar.map((g) => grundText(regel, g)).join('; ')}.`);
  }
  if (nach) {
    let ohne = 0;
    for (let p = 0; p < zeitlinien.anzahlPersonen; p++) if (!merkmale.hat(p) && zeitlinien.hatBezug(p)) ohne++;
    if (ohne) melde.hinweis(`${ohne} Personen mit Leistungszeiten fehlen in ${personen}; sie stehen in der Gruppe „unbekannt“.`);
  }

  const bericht = {
    jobcenter: o.jobcenter ?? k?.jobcenter ?? null,
    regel,
    berichtsmonat: bis,
    datenAb: abdeckung.datenAb,
    datenstand: abdeckung.datenstand,
    eingaben,
    nach,
    ergebnis,
  };

  if (o.list) {
    if (!ergebnis.liste) {
      throw new KennzahlenFehler('eingabedaten', `--list: der Berichtsmonat ${isoMonat(bis)} ist nicht berechenbar, also auch keine Personenliste.`, [], letzter.nichtBerechenbar.map((g) => grundText(regel, g)).join('; '));
    }
    await schreibeAtomar(o.list, lzbListe(ergebnis, regel, register, bis));
    melde.hinweis(`Personenliste ${deutscherMonat(bis)}: ${ergebnis.liste.length} Personen → ${o.list}`);
  }
  await gibAus(io, format === 'json' ? lzbJson(bericht) : lzbTabelle(bericht, farbe), o.out);
  melde.speicher();
  return 0;
}
