// `kennzahlen report`: the § 48a indicators for a Berichtsmonat, their year-to-date values and the
// targets, from Monatswerte or from person-level extracts. `kennzahlen demo` runs it on the
// bundled sample Jobcenter.

import { isAbsolute, relative } from 'node:path';
import { Command, Option } from 'commander';
import type { Filter } from '../../core/filter.js';
import { isoMonat, isoTag, monatTeile } from '../../core/kalender.js';
import { definitionen } from '../../core/kennzahlen/definitionen.js';
import { januarVon, kennzahlen, verlauf } from '../../core/kennzahlen/kennzahlen.js';
import { gruppierung } from '../../core/merkmale.js';
import { aggregiereSichten } from '../../core/monatswerte/aggregation.js';
import { letzterMonatMitWerten, vereinige, type Monatswerte } from '../../core/monatswerte/monatswerte.js';
import { bewerteZiel, zielSpalten, zielVerlauf, type Quelle } from '../../core/ziele/ziele.js';
import { nutzungsfehler } from '../../fehler.js';
import { leseMonatswerte } from '../../input/monatswerte.js';
import type { EingabeInfo } from '../../input/tabelle.js';
import { leseZiele } from '../../input/ziele.js';
import type { Grafikdaten, KennzahlenBericht } from '../../report/kennzahlen-bericht.js';
import { kennzahlenCsv, kennzahlenJson } from '../../report/kennzahlen-json.js';
import { kennzahlenDokument } from '../../report/kennzahlen-dokument.js';
import { einheitIso } from '../../report/lzb-bericht.js';
import { berichtsformate, dateiname, gibBerichtAus } from '../ausgabe.js';
import { liesEingabe } from '../eingaben.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import { Meldungen } from '../meldungen.js';
import { paketDatei } from '../../paket.js';
import { ausgabeFormat, darstellung, eingabeDatei, einstellung, konfiguration, leseOptionen, maxFehler, mitAusgabeOptionen, mitEingabeOptionen, mitFarbe, tagOption } from '../optionen.js';
import { berichtsmonate, dezimal, lesePersonendaten, letzterMonat, mitPersonenOptionen, monatsAuswahl, type PersonenOptionen } from '../personendaten.js';

interface ReportOptionen extends PersonenOptionen {
  monat?: string;
  monatswerte?: string;
  ziele?: string;
  nach?: string;
  failOnMiss?: boolean;
  k1e3Nenner?: string;
}

const PERSONEN_ROLLEN = ['personen', 'integrationen', 'massnahmen', 'leistungen'] as const;

function reportOptionen(cmd: Command): Command {
  cmd
    .option('--monat <monat>', 'Berichtsmonat, z. B. 2017-06 (Standard: der letzte Monat der Daten)')
    .option('--monatswerte <datei>', 'fertige Monatswerte (CSV): monat;gruppe;elb;integrationen;… und Spalten lokaler Ziele')
    .option('--ziele <datei>', 'Zielwerte eines Jahres (JSON)')
    .addOption(new Option('--nach <merkmal>', 'Kennzahlen für Frauen und Männer daneben').choices(['geschlecht']))
    .option('--fail-on-miss', 'Exit-Code 1, wenn ein Ziel verfehlt ist (für CI)')
    .addOption(new Option('--k1e3-nenner <monat>', 'Nenner der Zugangsrate K1E3: Bestand des Bezugsmonats (VO) oder des Vormonats').choices(['bezugsmonat', 'vormonat']));
  mitPersonenOptionen(cmd, PERSONEN_ROLLEN);
  mitEingabeOptionen(cmd);
  return mitAusgabeOptionen(cmd);
}

export function reportBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('report')
    .summary('Kennzahlen K1–K3E4, Jahresfortschrittswerte und Ziele für einen Berichtsmonat')
    .description(
      'Berechnet alle Kennzahlen nach § 48a SGB II für den Berichtsmonat, denselben Monat im Vorjahr und die ' +
        'Jahresfortschrittswerte, und vergleicht sie mit den Zielwerten (--ziele). Quelle sind fertige Monatswerte ' +
        '(--monatswerte) oder personenbezogene Extrakte (--zeitraeume, --personen, --integrationen, --massnahmen, --leistungen).',
    )
    .addHelpText(
      'after',
      '\nBeispiele:\n' +
        '  kennzahlen report --monatswerte monatswerte.csv --monat 2017-06\n' +
        '  kennzahlen report --config fixtures/demo/kennzahlen.json --monat 2017-06 --ziele fixtures/demo/ziele-2017.json --fail-on-miss\n',
    );
  reportOptionen(cmd);
  return cmd.action(async (o: ReportOptionen) => fertig(await report(o, io, false)));
}

/** A file of the sample Jobcenter, named relative to the working folder when it lies below it. */
function demoDatei(name: string): string {
  const datei = paketDatei('fixtures', 'demo', name);
  const rel = relative(process.cwd(), datei);
  return rel.startsWith('..') || isAbsolute(rel) ? datei : rel;
}

export function demoBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('demo')
    .summary('den Bericht für 06/2017 auf den mitgelieferten Beispieldaten zeigen (synthetisch)')
    .description('Führt `report` für den Berichtsmonat 06/2017 auf dem synthetischen Beispiel-Jobcenter in fixtures/demo/ aus, mit den Zielen 2017 des Arbeitsmarktprogramms Elbe-Elster.');
  reportOptionen(cmd);
  return cmd.action(async (o: ReportOptionen) => fertig(await report({ config: demoDatei('kennzahlen.json'), ziele: demoDatei('ziele-2017.json'), monat: '2017-06', ...o }, io, true)));
}

async function report(o: ReportOptionen, io: Io, demo: boolean): Promise<number> {
  const format = ausgabeFormat(o, io);
  const farbe = farben(mitFarbe(o, io, format));
  const d = darstellung(o);
  const melde = new Meldungen(io, o);
  const k = await konfiguration(o);
  const auswahl = monatsAuswahl({ monat: o.monat });
  const k1e3 = einstellung(o.k1e3Nenner, k, 'k1e3_nenner') ?? 'bezugsmonat';
  if (k1e3 !== 'bezugsmonat' && k1e3 !== 'vormonat') throw nutzungsfehler(`k1e3_nenner erwartet bezugsmonat oder vormonat, nicht „${k1e3}“.`);

  const daten = await lesePersonendaten(o, k, io, melde, PERSONEN_ROLLEN);
  const eingaben: EingabeInfo[] = [...(daten?.eingaben ?? [])];
  const mwDatei = eingabeDatei(o.monatswerte, k, 'monatswerte');
  if (!daten && !mwDatei) throw nutzungsfehler('report braucht Monatswerte (--monatswerte) oder Personendaten (--zeitraeume …).', 'kennzahlen report --help zeigt die Optionen.');
  if (o.nach && daten && !daten.merkmale) throw nutzungsfehler('--nach geschlecht braucht Personenmerkmale: --personen DATEI.');
  // The targets are read first: their local goals name the Monatswerte columns to read, their
  // filters the views the aggregation makes.
  const zieleDatei = eingabeDatei(o.ziele, k, 'ziele');
  const vorgabe = zieleDatei ? await leseZiele(zieleDatei) : null;
  let ausDatei: Monatswerte | null = null;
  if (mwDatei) {
    const e = await liesEingabe(io, mwDatei, 'monatswerte', leseOptionen(o, k, 'monatswerte', maxFehler(o)), (t) => leseMonatswerte(t, dezimal(o, k, t), zielSpalten(vorgabe?.vorgabe ?? null)), melde);
    eingaben.push(e.info);
    ausDatei = e.monatswerte;
    if (e.ungelesen.length) melde.ausfuehrlich(`${mwDatei}: nicht gelesen, da weder Kennzahl noch Ziel sie nutzt: ${e.ungelesen.join(', ')}`);
  }
  const letzter = () => {
    if (daten) return letzterMonat(daten.regel, daten.abdeckung);
    const m = letzterMonatMitWerten(ausDatei!);
    if (m === null) throw nutzungsfehler(`${mwDatei}: keine Monate; --monat JJJJ-MM nennt den Berichtsmonat.`);
    return m;
  };
  const t = berichtsmonate(auswahl, letzter, melde).bis;

  if (vorgabe) {
    eingaben.push(vorgabe.info);
    if (vorgabe.vorgabe.jahr !== monatTeile(t).jahr) throw nutzungsfehler(`${zieleDatei}: die Ziele gelten für ${vorgabe.vorgabe.jahr}, der Berichtsmonat ist ${isoMonat(t)}.`);
  }
  const filter = [...new Set((vorgabe?.vorgabe.ziele ?? []).flatMap((z) => (z.art === 'kennzahl' && z.filter ? [z.filter] : [])))];

  // One pass over the persons for every view: everybody (with Frauen/Männer for --nach) and each
  // filter a target needs. Three years back every window is there: the charts' first month (t−23)
  // needs its quota's stocks from t−35.
  let mw: Monatswerte;
  const gefiltert = new Map<Filter, Quelle>();
  if (daten) {
    const sichten = [
      { filter: null, gruppierung: o.nach === 'geschlecht' && daten.merkmale ? gruppierung('geschlecht', daten.merkmale) : undefined },
      ...(daten.merkmale ? filter.map((f) => ({ filter: f })) : []),
    ];
    // Charts (HTML) show two years of monthly values, whose first quota needs stocks from t−35;
    // every other output needs no more than January two years ago.
    const grafiken = format === 'html' || Boolean(o.outDir);
    const [alle, ...teile] = aggregiereSichten(daten, grafiken ? t - 36 : januarVon(t) - 24, t, sichten);
    mw = alle;
    teile.forEach((f, i) => gefiltert.set(filter[i], { reihe: f.gruppen.get('gesamt')!, spalten: new Set(f.spalten) }));
    if (ausDatei) {
      const v = vereinige(mw, ausDatei);
      if ('konflikt' in v) throw nutzungsfehler(`${mwDatei}: ${v.konflikt.join(', ')} ${v.konflikt.length === 1 ? 'kommt' : 'kommen'} auch aus den Personendaten; bitte nur eine Quelle je Spalte.`);
      mw = v;
    }
  } else mw = ausDatei!;

  const defs = definitionen({ k1e3Nenner: k1e3 });
  const spalten = new Set(mw.spalten);
  const gesamt = mw.gruppen.get('gesamt');
  // As the BA publishes them: Frauen and Männer next to the total (other groups stay in the data).
  const gruppen = o.nach
    ? (['w', 'frauen', 'm', 'maenner'] as const)
        .filter((name) => mw.gruppen.has(name))
        .map((gruppe) => ({ gruppe, kennzahlen: kennzahlen(defs, mw.gruppen.get(gruppe), spalten, t) }))
    : [];

  let ziele: KennzahlenBericht['ziele'] = null;
  let zielVerlaeufe: () => Grafikdaten['zielVerlauf'] = () => [];
  if (vorgabe) {
    const quelle = (f: Filter | null): Quelle => {
      if (f === null) return gesamt ? { reihe: gesamt, spalten } : { fehlt: { art: 'keine_gesamtwerte' } };
      return gefiltert.get(f) ?? { fehlt: { art: 'filter_ohne_personen', filter: f } };
    };
    const zq = (z: (typeof vorgabe.vorgabe.ziele)[number]) => quelle(z.art === 'kennzahl' ? z.filter : null);
    ziele = { jahr: vorgabe.vorgabe.jahr, ergebnisse: vorgabe.vorgabe.ziele.map((z) => bewerteZiel(z, defs, t, zq(z))) };
    zielVerlaeufe = () => vorgabe.vorgabe.ziele.map((z) => zielVerlauf(z, defs, t, zq(z)));
  }

  const datenstandTag = tagOption('--datenstand', einstellung(o.datenstand, k, 'datenstand'), true);
  const jobcenter = o.jobcenter ?? k?.jobcenter ?? vorgabe?.vorgabe.jobcenter ?? null;
  // Another Jobcenter's targets file is an easy slip with a folder of them; names are compared as
  // file names are made, so case, umlauts and punctuation do not matter.
  const zieleFuer = vorgabe?.vorgabe.jobcenter;
  if (zieleFuer && jobcenter && dateiname(zieleFuer) !== dateiname(jobcenter)) {
    melde.hinweis(`${zieleDatei}: die Ziele nennen das Jobcenter „${zieleFuer}“, der Bericht ist für „${jobcenter}“.`);
  }
  const bericht: KennzahlenBericht = {
    demo,
    jobcenter,
    berichtsmonat: t,
    datenstand: daten ? einheitIso(daten.regel, daten.abdeckung.datenstand) : datenstandTag !== undefined ? isoTag(datenstandTag) : isoMonat(letzterMonatMitWerten(mw) ?? t),
    eingaben,
    kennzahlen: kennzahlen(defs, gesamt, spalten, t),
    gruppen,
    ziele,
    monatswerte: mw,
    // Charts show two years of monthly values up to the Berichtsmonat.
    grafikdaten: () => ({ verlauf: { von: t - 23, kennzahlen: verlauf(defs, gesamt, spalten, t - 23, t) }, zielVerlauf: zielVerlaeufe() }),
  };
  const geschrieben = await gibBerichtAus(io, o, format, berichtsformate((mitGrafiken) => kennzahlenDokument(bericht, d, mitGrafiken), () => kennzahlenJson(bericht, d), () => kennzahlenCsv(bericht, d), farbe), 'kennzahlen-{jobcenter}-{monat}', { jobcenter: bericht.jobcenter, monat: isoMonat(t) }, eingaben);
  for (const datei of geschrieben) melde.ausfuehrlich(`geschrieben: ${datei}`);
  const verfehlt = (ziele?.ergebnisse ?? []).filter((z) => z.status === 'verfehlt');
  if (verfehlt.length) melde.hinweis(`${verfehlt.length === 1 ? 'ein Ziel' : `${verfehlt.length} Ziele`} verfehlt: ${verfehlt.map((z) => z.ziel.id).join(', ')}${o.failOnMiss ? ' (Exit-Code 1)' : ''}.`);
  melde.speicher();
  return o.failOnMiss && verfehlt.length ? 1 : 0;
}
