// `report`: the § 48a indicators for a Berichtsmonat, their year-to-date values and the targets
// (docs/vertrag.md §4.3, §5), from Monatswerte or from person-level extracts; `demo` is this on the
// bundled sample Jobcenter.

import { mitAnderenNullen } from '../core/abgleich.js';
import { FILTER_SPALTEN, type Filter } from '../core/filter.js';
import { deutscherMonat, isoMonat, isoTag, monatTeile, monatVonTag } from '../core/kalender.js';
import { definitionen, type KennzahlEinstellungen } from '../core/kennzahlen/definitionen.js';
import { januarVon, kennzahlen, verlauf } from '../core/kennzahlen/kennzahlen.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { letzterMonat } from '../core/lzb/stichtage.js';
import { GESCHLECHT_SCHLUESSEL, gruppierung } from '../core/merkmale.js';
import { numerus, type EingabeInfo } from '../core/modell.js';
import { letzterMonatMitWerten, vereinige, type Monatswerte } from '../core/monatswerte/monatswerte.js';
import { bewerteZiel, zielSpalten, zielVerlauf, type Quelle, type ZielErgebnis } from '../core/ziele/ziele.js';
import { KennzahlenFehler, nutzungsfehler, type Problem } from '../fehler.js';
import { leseMonatswerte, type MonatswerteErgebnis } from '../input/monatswerte.js';
import type { VergleichModell } from '../report/vergleich-bericht.js';
import { vergleichsmodell, type VergleichsAngaben } from './vergleich.js';
import { pruefeZielSpalten } from '../input/ziele.js';
import { dateiname } from '../report/dateiname.js';
import { hinweisText, STANDARD_DARSTELLUNG } from '../report/darstellung.js';
import type { Grafikdaten, KennzahlenBericht } from '../report/kennzahlen-bericht.js';
import { einheitIso } from '../report/lzb-bericht.js';
import { anzahlText } from '../report/zahlen.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { dezimal, liesEingabe, wirkungslos, type LeseAnfrage } from './lesen.js';
import { aggregiereSichtenMitThreads } from './teilrechnung.js';
import { berichtsmonate, ereignisseVorStichtag, lesePersonendaten, pruefeMerkmale, pruefeMonate, ZUSATZ_ROLLEN, type PersonenAnfrage } from './personendaten.js';

export interface ReportAnfrage {
  /** The bundled sample Jobcenter: the report says its data are synthetic. */
  demo: boolean;
  /** Person-level inputs, or null when the report is made from Monatswerte alone. */
  personen: PersonenAnfrage | null;
  monatswerte?: string;
  ziele?: string;
  /** The Berichtsmonat; absent: the latest month the data reach. */
  monat?: number;
  nach: 'geschlecht' | null;
  failOnMiss: boolean;
  k1e3Nenner: KennzahlEinstellungen['k1e3Nenner'];
  /** A declared Datenstand (day), also for Monatswerte. */
  datenstand?: number;
  jobcenter: string | null;
  /** Charts (HTML) show two years of monthly values and need data from further back (grafikBeginn). */
  mitGrafiken: boolean;
  lesen: LeseAnfrage;
  /** A section comparing the Jobcenter with its peers (as `vergleich`), from Monatswerte of many. */
  vergleich: Pick<VergleichsAngaben, 'vergleichstypen' | 'peers' | 'nachbarn' | 'gliederungPruefen'> | null;
}

export interface ReportModell {
  bericht: KennzahlenBericht;
}

/**
 * Charts show two years of monthly values up to the Berichtsmonat t. The data must reach back to
 * the earliest month any of their points reads: a year-to-date change (K1, K1E1, K1E2, K3) in the
 * first chart year compares with January of the year before, which lies before t−35, the stocks
 * the first twelve-month quota needs (docs/vertrag.md §4.4).
 */
export function grafikBeginn(t: number): { monat: number; daten: number } {
  const monat = t - 23;
  return { monat, daten: januarVon(monat) - 12 };
}

export function report(a: ReportAnfrage, leser: Leser): Promise<Ergebnis<ReportModell>> {
  return fuehreAus(async (notizen) => {
    const daten = a.personen ? await lesePersonendaten(a.personen, leser, notizen) : null;
    const eingaben: EingabeInfo[] = [...(daten?.eingaben ?? [])];
    const mwDatei = a.monatswerte;
    // The targets are read first: their local goals name the Monatswerte columns to read, their
    // filters the views the aggregation makes.
    const zieleDatei = a.ziele;
    const vorgabe = zieleDatei ? await leser.ziele(zieleDatei) : null;
    let ausDatei: Monatswerte | null = null;
    let ungelesen: string[] = [];
    let mehrere: MonatswerteErgebnis | null = null;
    if (mwDatei) {
      const e = await liesEingabe(leser, notizen, a.lesen, 'monatswerte', mwDatei, (t) => leseMonatswerte(t, dezimal(a.lesen, t), zielSpalten(vorgabe?.vorgabe ?? null), a.jobcenter), eingaben);
      if (e.regionen) waehleRegion(mwDatei, e.regionen, a.jobcenter);
      if (e.regionen) mehrere = e;
      ausDatei = e.monatswerte;
      ungelesen = e.ungelesen;
      if (e.ungelesen.length) notizen.detail(`${mwDatei}: nicht gelesen, da weder Kennzahl noch Ziel sie nutzt: ${e.ungelesen.join(', ')}`);
    }
    const letzter = () => {
      if (daten) return letzterMonat(daten.regel, daten.abdeckung);
      const m = letzterMonatMitWerten(ausDatei!);
      if (m === null) throw nutzungsfehler(`${mwDatei}: keine Monate; --monat JJJJ-MM nennt den Berichtsmonat.`);
      return m;
    };
    const t = berichtsmonate({ bis: a.monat }, letzter, notizen).bis;
    if (daten) {
      pruefeMonate(daten, t, t);
      ereignisseVorStichtag(daten, t, a.personen!.dateien, notizen);
    }
    else {
      const stand = a.datenstand !== undefined ? monatVonTag(a.datenstand) : letzterMonatMitWerten(ausDatei!);
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
      pruefeMerkmale(daten, a.personen!.dateien.personen, [
        ...(a.nach ? [{ wer: '--nach geschlecht', spalten: ['geschlecht'] as const }] : []),
        ...(vorgabe?.vorgabe.ziele ?? []).flatMap((z) => (z.art === 'kennzahl' && z.filter ? [{ wer: `das Ziel ${z.id} (Filter ${z.filter})`, spalten: FILTER_SPALTEN[z.filter] }] : [])),
      ]);
    }

    // One pass over the persons for every view: everybody (with Frauen/Männer for --nach) and each
    // filter a target needs.
    let mw: Monatswerte;
    const gefiltert = new Map<Filter, Quelle>();
    if (daten) {
      const sichten = [
        { filter: null, gruppierung: a.nach === 'geschlecht' && daten.merkmale ? gruppierung('geschlecht', daten.merkmale) : undefined },
        ...(daten.merkmale ? filter.map((f) => ({ filter: f })) : []),
      ];
      // Every other output needs no more than January two years ago; charts need what their first
      // months need (grafikBeginn).
      const [alle, ...teile] = await aggregiereSichtenMitThreads(daten, a.mitGrafiken ? grafikBeginn(t).daten : januarVon(t) - 24, t, sichten, a.personen!.lesen.threads);
      mw = alle;
      teile.forEach((f, i) => gefiltert.set(filter[i], { reihe: f.gruppen.get('gesamt')!, spalten: new Set(f.spalten) }));
      if (ausDatei) {
        const v = vereinige(mw, ausDatei);
        if ('konflikt' in v) throw nutzungsfehler(`${mwDatei}: ${v.konflikt.join(', ')} ${numerus(v.konflikt.length, 'kommt', 'kommen')} auch aus den Personendaten; bitte nur eine Quelle je Spalte.`);
        mw = v;
      }
    } else mw = ausDatei!;

    const defs = definitionen({ k1e3Nenner: a.k1e3Nenner });
    const spalten = new Set(mw.spalten);
    if (vorgabe) {
      const probleme = pruefeZielSpalten(vorgabe.vorgabe, zieleDatei!, spalten, ungelesen);
      if (probleme.length) throw new KennzahlenFehler('eingabedaten', `${zieleDatei}: ${numerus(probleme.length, 'ein Ziel nennt eine Spalte', `Ziele nennen ${probleme.length} Spalten`)}, die es in keiner Eingabe gibt.`, probleme, 'Spalten lokaler Ziele kommen aus --monatswerte (Kopfzeile, nach der Zuordnung der Konfiguration).');
    }
    const gesamt = mw.gruppen.get('gesamt');
    // As the BA publishes them: Frauen and Männer next to the total (other groups stay in the data).
    const gruppen = a.nach
      ? [...GESCHLECHT_SCHLUESSEL.frauen, ...GESCHLECHT_SCHLUESSEL.maenner]
          .filter((name) => mw.gruppen.has(name))
          .map((gruppe) => ({ gruppe, kennzahlen: kennzahlen(defs, mw.gruppen.get(gruppe), spalten, t) }))
      : [];
    // Frauen without Männer (or the reverse) would read as a breakdown and hide half of it.
    const hat = (namen: readonly string[]) => gruppen.some((g) => namen.includes(g.gruppe));
    if (a.nach && !(hat(GESCHLECHT_SCHLUESSEL.frauen) && hat(GESCHLECHT_SCHLUESSEL.maenner))) {
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

    const jobcenter = a.jobcenter ?? vorgabe?.vorgabe.jobcenter ?? null;
    // Another Jobcenter's targets file is an easy slip with a folder of them; names are compared as
    // file names are made, so case, umlauts and punctuation do not matter.
    const zieleFuer = vorgabe?.vorgabe.jobcenter;
    if (zieleFuer && jobcenter && dateiname(zieleFuer) !== dateiname(jobcenter)) {
      notizen.hinweis(`${zieleDatei}: die Ziele nennen das Jobcenter „${zieleFuer}“, der Bericht ist für „${jobcenter}“.`);
    }
    // The comparison reads its own input (the Vergleichstypen), which the report names too.
    let vergleich: VergleichModell | null = null;
    if (a.vergleich) {
      if (!mehrere) throw nutzungsfehler('Ein Vergleich im Bericht braucht Monatswerte mehrerer Jobcenter (--monatswerte mit einer Spalte Regionalschlüssel) und --jobcenter SCHLÜSSEL.');
      vergleich = await vergleichsmodell(mehrere, { ...a.vergleich, monatswerte: mwDatei!, jobcenter: a.jobcenter!, k1e3Nenner: a.k1e3Nenner, lesen: a.lesen }, t, leser, notizen, eingaben);
    }
    for (const t of wirkungslos(a.lesen, eingaben)) notizen.hinweis(t);
    const bericht: KennzahlenBericht = {
      demo: a.demo,
      jobcenter,
      berichtsmonat: t,
      datenstand: daten ? einheitIso(daten.regel, daten.abdeckung.datenstand) : a.datenstand !== undefined ? isoTag(a.datenstand) : isoMonat(letzterMonatMitWerten(mw) ?? t),
      eingaben,
      kennzahlen: kennzahlen(defs, gesamt, spalten, t),
      gruppen,
      ziele,
      monatswerte: mw,
      vergleich,
      grafikdaten: () => {
        const von = grafikBeginn(t).monat;
        return { verlauf: { von, kennzahlen: verlauf(defs, gesamt, spalten, von, t) }, zielVerlauf: zielVerlaeufe() };
      },
    };
    // A report of nothing but x is no report: a month the data do not reach, or inputs that carry
    // none of the columns the indicators and targets need.
    const kennzahlBerechenbar = bericht.kennzahlen.some((w) => w.monat.wert !== null || w.jfw.wert !== null);
    if (!kennzahlBerechenbar && !(ziele?.ergebnisse ?? []).some((z) => z.status !== 'nicht_berechenbar')) {
      throw nichtsBerechenbar(t, bericht.kennzahlen.map((w) => w.monat), mw.spalten, ungelesen, Boolean(vorgabe));
    }
    const ohneWert = bericht.kennzahlen.filter((w) => w.monat.wert === null).map((w) => w.definition.id);
    // From person-level data a missing column means a missing input: name the option, not the column.
    const ohne = a.personen ? ZUSATZ_ROLLEN.filter((r) => !a.personen!.dateien[r]).map((r) => `--${r}`) : [];
    if (ohneWert.length) {
      notizen.hinweis(`${ohneWert.length} von ${bericht.kennzahlen.length} Kennzahlen für ${deutscherMonat(t)} nicht berechenbar (${ohneWert.join(', ')}); die Gründe stehen im Bericht${ohne.length ? `; ohne ${ohne.join(', ')}` : ''}.`);
    }
    const modell = { bericht };
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
        notizen.hinweis(`Ziel ${z.ziel.id}: ${g.art} ${de(g.wert)} % – Grenzen von Quoten stehen in Prozent; ist ${de(prozent)} % gemeint, dann ${prozent} eintragen.`);
      }
    }
    // The report is written first; then a target that cannot be checked fails the run like bad
    // data (65), one that is missed like a missed target (1).
    if (a.failOnMiss && offen.length) {
      const fehler = new KennzahlenFehler(
        'eingabedaten',
        `${anzahlText(offen.length, 'ein Ziel ist', 'Ziele sind')} nicht berechenbar, also nicht geprüft (--fail-on-miss): ${ids(offen)}${verfehlt.length ? `; verfehlt: ${ids(verfehlt)}` : ''}.`,
        offen.map(grund),
      );
      return { modell, fehler };
    }
    if (a.failOnMiss && verfehlt.length) return { modell, fehler: new KennzahlenFehler('ziel_verfehlt', `${anzahlText(verfehlt.length, 'ein Ziel', 'Ziele')} verfehlt: ${ids(verfehlt)} (--fail-on-miss).`) };
    if (verfehlt.length) notizen.hinweis(`${anzahlText(verfehlt.length, 'ein Ziel', 'Ziele')} verfehlt: ${ids(verfehlt)}.`);
    if (offen.length) notizen.hinweis(`${anzahlText(offen.length, 'ein Ziel', 'Ziele')} nicht berechenbar: ${offen.map((z) => grund(z).meldung.replace(/^Ziel /, '').replace(/\.$/, '')).join('; ')}.`);
    return { modell };
  });
}

/**
 * No indicator of the Berichtsmonat is computable (nor a target): an error that says why, from the
 * reasons of the monthly values, and which columns were read. A report of nothing but `x` is no report.
 */
export function nichtsBerechenbar(t: number, monatswerte: readonly Berechnung[], gelesen: readonly string[], ungelesen: readonly string[], mitZielen: boolean): KennzahlenFehler {
  const hinweise = monatswerte.flatMap((b) => b.hinweis ?? []);
  const fehlend = [...new Set(hinweise.flatMap((h) => (h.art === 'spalte_fehlt' ? [h.spalte] : [])))];
  const andere = [...new Set(hinweise.filter((h) => h.art !== 'spalte_fehlt').map((h) => hinweisText([h], STANDARD_DARSTELLUNG)!))];
  const gruende = [...(fehlend.length ? [`es fehlen die Spalten ${fehlend.join(', ')}`] : []), ...andere.slice(0, 4), ...(andere.length > 4 ? [`${andere.length - 4} weitere`] : [])];
  return new KennzahlenFehler(
    'eingabedaten',
    `Für den Berichtsmonat ${deutscherMonat(t)} ist ${mitZielen ? 'weder eine Kennzahl noch ein Ziel' : 'keine Kennzahl'} berechenbar.`,
    [],
    `${gruende.join('; ')}. Gelesen: ${gelesen.join(', ') || 'keine Spalte der Monatswerte'}` +
      `${ungelesen.length ? `; nicht gelesen, da keine Kennzahl und kein Ziel sie nutzt: ${ungelesen.join(', ')}` : ''}.`,
  );
}

/**
 * A table of several Jobcenters counts for the one chosen with --jobcenter (or `jobcenter` in the
 * config), by its key as the table writes it; none chosen, or one the table lacks, is a usage error
 * that lists the keys. Never the first, never all together.
 */
export function waehleRegion(datei: string, regionen: { spalte: string; schluessel: string[] }, jobcenter: string | null): void {
  const { spalte, schluessel } = regionen;
  const liste = schluessel.slice(0, 20).map((k) => `„${k}“`).join(', ') + (schluessel.length > 20 ? ` und ${schluessel.length - 20} weitere` : '');
  if (jobcenter === null) {
    if (schluessel.length > 1) throw nutzungsfehler(`${datei}: die Monatswerte sind für ${schluessel.length} Jobcenter (Spalte „${spalte}“): ${liste}; --jobcenter SCHLÜSSEL wählt eines.`);
    return;
  }
  if (schluessel.includes(jobcenter)) return;
  const gemeint = mitAnderenNullen(schluessel, jobcenter);
  throw nutzungsfehler(
    `${datei}: kein Jobcenter „${jobcenter}“ in der Spalte „${spalte}“${gemeint ? `; gemeint ist wohl „${gemeint}“ (Schlüssel mit führenden Nullen)` : ''}. Gefunden: ${liste}.`,
    '--jobcenter (oder „jobcenter“ in der Konfiguration) nennt bei Monatswerten mehrerer Jobcenter den Schlüssel, wie er in der Tabelle steht.',
  );
}
