// `kennzahlen report`: the § 48a indicators for a Berichtsmonat, their year-to-date values and the
// targets, from Monatswerte or from person-level extracts. `kennzahlen demo` runs it on the
// bundled sample Jobcenter.

import { isAbsolute, relative } from 'node:path';
import { Command, Option } from 'commander';
import { FILTER_SPALTEN, type Filter } from '../../core/filter.js';
import { deutscherMonat, isoMonat, isoTag, monatTeile, monatVonTag } from '../../core/kalender.js';
import { definitionen } from '../../core/kennzahlen/definitionen.js';
import { januarVon, kennzahlen, verlauf } from '../../core/kennzahlen/kennzahlen.js';
import { gruppierung } from '../../core/merkmale.js';
import { aggregiereSichten } from '../../core/monatswerte/aggregation.js';
import { letzterMonatMitWerten, vereinige, type Monatswerte } from '../../core/monatswerte/monatswerte.js';
import { bewerteZiel, zielSpalten, zielVerlauf, type Quelle, type ZielErgebnis } from '../../core/ziele/ziele.js';
import { KennzahlenFehler, nutzungsfehler, type Problem } from '../../fehler.js';
import { leseMonatswerte } from '../../input/monatswerte.js';
import type { EingabeInfo } from '../../core/modell.js';
import { leseZiele, pruefeZielSpalten } from '../../input/ziele.js';
import { hinweisText, STANDARD_DARSTELLUNG } from '../../report/darstellung.js';
import { anzahlText } from '../../report/zahlen.js';
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
import { berichtsmonate, dezimal, lesePersonendaten, letzterMonat, mitPersonenOptionen, monatsAuswahl, ereignisseVorStichtag, pruefeMerkmale, pruefeMonate, ZUSATZ_ROLLEN, type PersonenOptionen } from '../personendaten.js';

interface ReportOptionen extends PersonenOptionen {
  monat?: string;
  monatswerte?: string;
  ziele?: string;
  nach?: string;
  failOnMiss?: boolean;
  k1e3Nenner?: string;
}


/** `demo` brings its own inputs, so it takes the report's options without those that name inputs or read them. */
function reportOptionen(cmd: Command, demo = false): Command {
  cmd.option('--monat <monat>', 'Berichtsmonat, z. B. 2017-06 (Standard: der letzte Monat der Daten)');
  if (!demo) {
    cmd
      .option('--monatswerte <datei>', 'fertige Monatswerte (CSV): monat;gruppe;elb;integrationen;… und Spalten lokaler Ziele')
      .option('--ziele <datei>', 'Zielwerte eines Jahres (JSON)');
  }
  cmd
    .addOption(new Option('--nach <merkmal>', 'Kennzahlen für Frauen und Männer daneben').choices(['geschlecht']))
    .option('--fail-on-miss', 'Exit-Code 1, wenn ein Ziel verfehlt ist, 65, wenn eines nicht berechenbar ist (für CI)')
    .addOption(new Option('--k1e3-nenner <monat>', 'Nenner der Zugangsrate K1E3: Bestand des Bezugsmonats (VO) oder des Vormonats').choices(['bezugsmonat', 'vormonat']));
  mitPersonenOptionen(cmd, ZUSATZ_ROLLEN, !demo);
  if (!demo) mitEingabeOptionen(cmd);
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
  reportOptionen(cmd, true);
  return cmd.action(async (o: ReportOptionen) => fertig(await report({ config: demoDatei('kennzahlen.json'), ziele: demoDatei('ziele-2017.json'), monat: '2017-06', ...o }, io, true)));
}

async function report(o: ReportOptionen, io: Io, demo: boolean): Promise<number> {
  const format = ausgabeFormat(o, io);
  const farbe = farben(mitFarbe(o, io, format));
  const d = darstellung(o);
  const melde = new Meldungen(io, o);
  const k = await konfiguration(o, io, ['zeitraeume', ...ZUSATZ_ROLLEN, 'monatswerte', 'ziele']);
  const auswahl = monatsAuswahl({ monat: o.monat });
  const datenstandTag = tagOption('--datenstand', einstellung(o.datenstand, k, 'datenstand'), true);
  const k1e3 = einstellung(o.k1e3Nenner, k, 'k1e3_nenner') ?? 'bezugsmonat';
  if (k1e3 !== 'bezugsmonat' && k1e3 !== 'vormonat') throw nutzungsfehler(`k1e3_nenner erwartet bezugsmonat oder vormonat, nicht „${k1e3}“.`);

  const daten = await lesePersonendaten(o, k, io, melde, ZUSATZ_ROLLEN);
  const eingaben: EingabeInfo[] = [...(daten?.eingaben ?? [])];
  const mwDatei = eingabeDatei(o.monatswerte, k, 'monatswerte');
  if (!daten && !mwDatei) throw nutzungsfehler('report braucht Monatswerte (--monatswerte) oder Personendaten (--zeitraeume …).', 'kennzahlen report --help zeigt die Optionen.');
  if (o.nach && daten && !daten.merkmale) throw nutzungsfehler('--nach geschlecht braucht Personenmerkmale: --personen DATEI.');
  // The targets are read first: their local goals name the Monatswerte columns to read, their
  // filters the views the aggregation makes.
  const zieleDatei = eingabeDatei(o.ziele, k, 'ziele');
  if (o.failOnMiss && !zieleDatei) throw nutzungsfehler('--fail-on-miss braucht Ziele: --ziele DATEI (oder "eingaben.ziele" in --config).');
  const vorgabe = zieleDatei ? await leseZiele(zieleDatei, io.stdin) : null;
  let ausDatei: Monatswerte | null = null;
  let ungelesen: string[] = [];
  if (mwDatei) {
    const e = await liesEingabe(io, mwDatei, 'monatswerte', leseOptionen(o, k, 'monatswerte', maxFehler(o)), (t) => leseMonatswerte(t, dezimal(o, k, t), zielSpalten(vorgabe?.vorgabe ?? null)), melde);
    eingaben.push(e.info);
    ausDatei = e.monatswerte;
    ungelesen = e.ungelesen;
    if (e.ungelesen.length) melde.ausfuehrlich(`${mwDatei}: nicht gelesen, da weder Kennzahl noch Ziel sie nutzt: ${e.ungelesen.join(', ')}`);
  }
  const letzter = () => {
    if (daten) return letzterMonat(daten.regel, daten.abdeckung);
    const m = letzterMonatMitWerten(ausDatei!);
    if (m === null) throw nutzungsfehler(`${mwDatei}: keine Monate; --monat JJJJ-MM nennt den Berichtsmonat.`);
    return m;
  };
  const t = berichtsmonate(auswahl, letzter, melde).bis;
  if (daten) {
    pruefeMonate(daten, t, t);
    ereignisseVorStichtag(daten, t, { integrationen: eingabeDatei(o.integrationen, k, 'integrationen'), massnahmen: eingabeDatei(o.massnahmen, k, 'massnahmen') }, melde);
  }
  else {
    const stand = datenstandTag !== undefined ? monatVonTag(datenstandTag) : letzterMonatMitWerten(ausDatei!);
    if (stand !== null && t > stand) {
      throw new KennzahlenFehler(
        'eingabedaten',
        `Der Berichtsmonat ${deutscherMonat(t)} liegt nach dem Datenstand ${deutscherMonat(stand)} von ${mwDatei}.`,
        [],
        `Die Monatswerte reichen bis ${deutscherMonat(stand)}: --monat ${isoMonat(stand)} (oder früher).`,
      );
    }
  }

  if (vorgabe) {
    eingaben.push(vorgabe.info);
    if (vorgabe.vorgabe.jahr !== monatTeile(t).jahr) throw nutzungsfehler(`${zieleDatei}: die Ziele gelten für ${vorgabe.vorgabe.jahr}, der Berichtsmonat ist ${isoMonat(t)}.`);
  }
  const filter = [...new Set((vorgabe?.vorgabe.ziele ?? []).flatMap((z) => (z.art === 'kennzahl' && z.filter ? [z.filter] : [])))];
  if (daten) {
    pruefeMerkmale(daten, eingabeDatei(o.personen, k, 'personen'), [
      ...(o.nach ? [{ wer: '--nach geschlecht', spalten: ['geschlecht'] as const }] : []),
      ...(vorgabe?.vorgabe.ziele ?? []).flatMap((z) => (z.art === 'kennzahl' && z.filter ? [{ wer: `das Ziel ${z.id} (Filter ${z.filter})`, spalten: FILTER_SPALTEN[z.filter] }] : [])),
    ]);
  }

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
  if (vorgabe) {
    const probleme = pruefeZielSpalten(vorgabe.vorgabe, zieleDatei!, spalten, ungelesen);
    if (probleme.length) throw new KennzahlenFehler('eingabedaten', `${zieleDatei}: ${probleme.length === 1 ? 'ein Ziel nennt eine Spalte' : `Ziele nennen ${probleme.length} Spalten`}, die es in keiner Eingabe gibt.`, probleme, 'Spalten lokaler Ziele kommen aus --monatswerte (Kopfzeile, nach der Zuordnung der Konfiguration).');
  }
  const gesamt = mw.gruppen.get('gesamt');
  // As the BA publishes them: Frauen and Männer next to the total (other groups stay in the data).
  const gruppen = o.nach
    ? (['w', 'frauen', 'm', 'maenner'] as const)
        .filter((name) => mw.gruppen.has(name))
        .map((gruppe) => ({ gruppe, kennzahlen: kennzahlen(defs, mw.gruppen.get(gruppe), spalten, t) }))
    : [];
  // Frauen without Männer (or the reverse) would read as a breakdown and hide half of it.
  const hat = (namen: readonly string[]) => gruppen.some((g) => namen.includes(g.gruppe));
  if (o.nach && !(hat(['w', 'frauen']) && hat(['m', 'maenner']))) {
    const gefunden = [...mw.gruppen.keys()].filter((g) => g !== 'gesamt').join(', ') || 'keine';
    throw new KennzahlenFehler('eingabedaten', `--nach geschlecht: ${daten ? 'es sind nicht Frauen und Männer erfasst' : `${mwDatei} hat nicht beide Gruppen „w“/„Frauen“ und „m“/„Männer“ (Spalte gruppe; gefunden: ${gefunden})`}, also gibt es nichts aufzugliedern.`);
  }

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
  // A report of nothing but x is no report: a month the data do not reach, or inputs that carry
  // none of the columns the indicators and targets need.
  const kennzahlBerechenbar = bericht.kennzahlen.some((w) => w.monat.wert !== null || w.jfw.wert !== null);
  if (!kennzahlBerechenbar && !(ziele?.ergebnisse ?? []).some((z) => z.status !== 'nicht_berechenbar')) {
    const hinweise = bericht.kennzahlen.flatMap((w) => w.monat.hinweis ?? []);
    const fehlend = [...new Set(hinweise.flatMap((h) => (h.art === 'spalte_fehlt' ? [h.spalte] : [])))];
    const andere = [...new Set(hinweise.filter((h) => h.art !== 'spalte_fehlt').map((h) => hinweisText([h], STANDARD_DARSTELLUNG)!))];
    const gruende = [...(fehlend.length ? [`es fehlen die Spalten ${fehlend.join(', ')}`] : []), ...andere.slice(0, 4), ...(andere.length > 4 ? [`${andere.length - 4} weitere`] : [])];
    throw new KennzahlenFehler(
      'eingabedaten',
      `Für den Berichtsmonat ${deutscherMonat(t)} ist ${vorgabe ? 'weder eine Kennzahl noch ein Ziel' : 'keine Kennzahl'} berechenbar.`,
      [],
      `${gruende.join('; ')}. Gelesen: ${mw.spalten.join(', ') || 'keine Spalte der Monatswerte'}` +
        `${ungelesen.length ? `; nicht gelesen, da keine Kennzahl und kein Ziel sie nutzt: ${ungelesen.join(', ')}` : ''}.`,
    );
  }
  const ohneWert = bericht.kennzahlen.filter((w) => w.monat.wert === null).map((w) => w.definition.id);
  // From person-level data a missing column means a missing input: name the option, not the column.
  const ohne = daten ? ZUSATZ_ROLLEN.filter((r) => !eingabeDatei(o[r], k, r)).map((r) => `--${r}`) : [];
  if (ohneWert.length) {
    melde.hinweis(`${ohneWert.length} von ${bericht.kennzahlen.length} Kennzahlen für ${deutscherMonat(t)} nicht berechenbar (${ohneWert.join(', ')}); die Gründe stehen im Bericht${ohne.length ? `; ohne ${ohne.join(', ')}` : ''}.`);
  }
  const geschrieben = await gibBerichtAus(io, o, format, berichtsformate((mitGrafiken) => kennzahlenDokument(bericht, d, mitGrafiken), () => kennzahlenJson(bericht, d), () => kennzahlenCsv(bericht, d), farbe), 'kennzahlen-{jobcenter}-{monat}', { jobcenter: bericht.jobcenter, monat: isoMonat(t) }, eingaben);
  for (const datei of geschrieben) melde.ausfuehrlich(`geschrieben: ${datei}`);
  melde.speicher();
  const ergebnisse = ziele?.ergebnisse ?? [];
  const verfehlt = ergebnisse.filter((z) => z.status === 'verfehlt');
  const offen = ergebnisse.filter((z) => z.status === 'nicht_berechenbar');
  const ids = (zs: ZielErgebnis[]) => zs.map((z) => z.ziel.id).join(', ');
  const grund = (z: ZielErgebnis): Problem => ({ datei: zieleDatei!, spaltenname: z.ziel.id, meldung: `Ziel ${z.ziel.id} nicht berechenbar: ${hinweisText(z.hinweis, STANDARD_DARSTELLUNG) ?? 'ohne Ist oder Soll'}.` });
  // A quota bound below 1 % is more often a share written as a fraction (0.25 for 25 %); said before
  // --fail-on-miss fails the run, as it may be why.
  for (const z of ergebnisse) {
    const g = z.ziel.grenze;
    if (z.einheit === 'prozent' && g.art !== 'veraenderung' && g.wert > 0 && g.wert < 1) {
      const prozent = Number((g.wert * 100).toPrecision(12));
      const de = (w: number) => String(w).replace('.', ',');
      melde.hinweis(`Ziel ${z.ziel.id}: ${g.art} ${de(g.wert)} % – Grenzen von Quoten stehen in Prozent; ist ${de(prozent)} % gemeint, dann ${prozent} eintragen.`);
    }
  }
  // The report is written first; then a target that cannot be checked fails the run like bad
  // data (65), one that is missed like a missed target (1).
  if (o.failOnMiss && offen.length) {
    throw new KennzahlenFehler(
      'eingabedaten',
      `${anzahlText(offen.length, 'ein Ziel ist', 'Ziele sind')} nicht berechenbar, also nicht geprüft (--fail-on-miss): ${ids(offen)}${verfehlt.length ? `; verfehlt: ${ids(verfehlt)}` : ''}.`,
      offen.map(grund),
    );
  }
  if (o.failOnMiss && verfehlt.length) throw new KennzahlenFehler('ziel_verfehlt', `${anzahlText(verfehlt.length, 'ein Ziel', 'Ziele')} verfehlt: ${ids(verfehlt)} (--fail-on-miss).`);
  if (verfehlt.length) melde.hinweis(`${anzahlText(verfehlt.length, 'ein Ziel', 'Ziele')} verfehlt: ${ids(verfehlt)}.`);
  if (offen.length) melde.hinweis(`${anzahlText(offen.length, 'ein Ziel', 'Ziele')} nicht berechenbar: ${offen.map((z) => grund(z).meldung.replace(/^Ziel /, '').replace(/\.$/, '')).join('; ')}.`);
  return 0;
}
