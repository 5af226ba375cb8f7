// The person-level inputs shared by `lzb`, `aggregate` and `report`: reading them, checking that
// they describe the same persons and the months asked for, and settling the data's coverage
// (docs/vertrag.md §3). Everything said about the data on the way is a note of the result.

import { Ereignisse, type Spanne } from '../core/ereignisse.js';
import { fuehrendeNullen } from '../core/abgleich.js';
import { deutscherMonat, deutscherTag, isoMonat } from '../core/kalender.js';
import { monatsRegel, tagesRegel, type LzbEinstellungen, type LzbRegel } from '../core/lzb/regel.js';
import { abdeckungInTagen, alsEinheit, berechenbarkeit, letzterMonat, type Abdeckung } from '../core/lzb/stichtage.js';
import { MERKMAL_SPALTE, Merkmale, type Merkmal, type MerkmalSpalte } from '../core/merkmale.js';
import { KODIERUNG_NAMEN, TRENNZEICHEN_NAMEN, numerus, type EingabeInfo, type EingabeRolle, type PersonenDaten } from '../core/modell.js';
import { ANLAUF_TAGE, EREIGNIS_LUECKE_TAGE, MASSNAHME_DAUER_TAGE, MASSNAHMEN_LUECKE_TAGE } from '../core/monatswerte/aggregation.js';
import { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { KennzahlenFehler, nutzungsfehler, type Problem } from '../fehler.js';
import { leseIntegrationen, leseMassnahmen, type MassnahmenErgebnis } from '../input/ereignisse.js';
import { leseLeistungen } from '../input/leistungen.js';
import { lesePersonen } from '../input/personen.js';
import { type Leseergebnis, type Tabelle } from '../input/tabelle.js';
import { Nebenleser, type Nebenher } from '../input/teilleser-start.js';
import { leseZeitraeume, type Form, type ZeitraeumeErgebnis } from '../input/zeitraeume.js';
import { anzahlText, deZahl } from '../report/zahlen.js';
import type { Leser, Notizen } from './ergebnis.js';
import { dezimal, liesEingabe, type LeseAnfrage } from './lesen.js';

export const ZUSATZ_ROLLEN = ['personen', 'integrationen', 'massnahmen', 'leistungen'] as const;
export type ZusatzRolle = (typeof ZUSATZ_ROLLEN)[number];
export type PersonenRolle = 'zeitraeume' | ZusatzRolle;

export interface PersonenAnfrage {
  /** The files of the roles given; `zeitraeume` is the one every other needs. */
  dateien: Partial<Record<PersonenRolle, string>>;
  einstellungen: LzbEinstellungen;
  /** Declared days; absent: taken from the data. */
  datenAb?: number;
  datenstand?: number;
  lesen: LeseAnfrage;
}

/** The months asked for; absent ends are settled from the data. */
export interface MonatsAuswahl {
  von?: number;
  bis?: number;
}

/** A series of months from person-level inputs (`lzb`, `aggregate`), optionally broken down. */
export interface ReihenAnfrage {
  personen: PersonenAnfrage;
  monate: MonatsAuswahl;
  nach: Merkmal | null;
  jobcenter: string | null;
}

/** A day or month of the rule's units as people write it: 15.03.2017 or 03/2017. */
const einheitDatum = (regel: LzbRegel, u: number) => (regel.einheit === 'tag' ? deutscherTag(u) : deutscherMonat(u));

export interface Personendaten extends PersonenDaten {
  register: PersonRegister;
  form: Form;
  eingaben: EingabeInfo[];
  /** The Datenstand was given (flag or config), not taken from the data. */
  datenstandAngegeben: boolean;
}

/** Reads `zeitraeume` and the further roles named in the request. */
export async function lesePersonendaten(a: PersonenAnfrage, leser: Leser, notizen: Notizen): Promise<Personendaten> {
  const zeitraeume = a.dateien.zeitraeume!;
  const register = new PersonRegister();
  const zeitlinien = new Zeitlinien();
  const eingaben: EingabeInfo[] = [];
  const lies = <E extends Leseergebnis>(rolle: EingabeRolle, pfad: string, f: (t: Tabelle) => Promise<E>): Promise<E> => liesEingabe(leser, notizen, a.lesen, rolle, pfad, f, eingaben);

  const { personen, integrationen, massnahmen: mass, leistungen: leist } = a.dateien;
  const merkmale = personen ? new Merkmale() : null;
  const ereignisse = integrationen ? new Ereignisse() : null;
  const massnahmen = mass ? new Zeitlinien() : null;
  // With two threads, a worker reads large personen and massnahmen files while this thread reads
  // zeitraeume and integrationen. Which files it takes is settled before any is opened: one it does
  // not take (standard input, a workbook, a small file) is opened only where one reader opens it.
  // Each is taken over where one reader reads it, so persons, notes and errors come in the same
  // order: an error of zeitraeume still comes first.
  const nebenleser = a.lesen.threads > 1 ? new Nebenleser() : null;
  const nachZeitraeume = tor(), nachIntegrationen = tor();
  const personenLesen = (nebenher?: Nebenher, eingereiht?: () => void) =>
    lies('personen', personen!, (t) => {
      const e = lesePersonen(t, register, merkmale!, nebenher);
      eingereiht?.();
      return e;
    });
  const massnahmenLesen = (nebenher?: Nebenher) => lies('massnahmen', mass!, (t) => leseMassnahmen(t, register, massnahmen!, nebenher));
  let personenVorab: Promise<Ausgang<Leseergebnis>> | null = null;
  let massnahmenVorab: Promise<Ausgang<MassnahmenErgebnis>> | null = null;
  if (nebenleser) {
    const [p, m] = await Promise.all([personen ? nebenleser.nimmt(personen) : false, mass ? nebenleser.nimmt(mass) : false]);
    // The worker takes personen before massnahmen, the order in which they are needed.
    const eingereiht = tor();
    if (p) {
      personenVorab = spaeter(personenLesen({ leser: nebenleser, vorher: nachZeitraeume.offen }, eingereiht.oeffne));
      // A personen file that cannot be opened ends the run where one reader opens it: massnahmen is
      // not needed. (One that opens is queued already, by its callback.)
      void personenVorab.then((a) => {
        if ('fehler' in a) eingereiht.sageAb();
      });
    } else eingereiht.oeffne();
    if (m) {
      const starte = () => (nachIntegrationen.abgesagt ? ABGESAGT : spaeter(massnahmenLesen({ leser: nebenleser, vorher: nachIntegrationen.offen })));
      massnahmenVorab = eingereiht.offen.then(starte, () => ABGESAGT);
    }
  }

  let zr: ZeitraeumeErgebnis, kontinuierlichBekannt = false, massnahmenSpanne: Spanne | null = null;
  try {
    zr = await lies('zeitraeume', zeitraeume, (t) => leseZeitraeume(t, register, zeitlinien, a.lesen.threads));
    notizen.detail(
      `zeitraeume: ${KODIERUNG_NAMEN[zr.info.kodierung]}, ${TRENNZEICHEN_NAMEN[zr.info.trennzeichen!][0]}, ${zr.form === 'tage' ? 'tagesgenaue Zeiträume' : 'Monatsform'}, ` +
        `${zr.info.zeilen} Zeilen (${zr.zeilenNef} NEF), ${zeitlinien.personenMitBezug} Personen mit ELB-Zeiten, ${zeitlinien.anzahlLaeufe} zusammengeführte Zeiträume`,
    );
    if (zr.ohneEnde) notizen.hinweis(`${zeitraeume}: keine Spalte „ende“, also gilt jeder Zeitraum als laufend bis zum Datenstand.`);
    if (zr.ohneStatus) notizen.hinweis(`${zeitraeume}: keine Spalte „status“, also gilt jeder Zeitraum als ELB, keiner als NEF (Sozialgeld).`);
    if (zr.erstes === null || zr.letztes === null) {
      throw new KennzahlenFehler('eingabedaten', `${zeitraeume}: keine Datenzeilen; erwartet wird mindestens ein Zeitraum.`, [{ datei: zeitraeume, zeile: 2, meldung: 'keine Datenzeilen nach der Kopfzeile' }]);
    }
    nachZeitraeume.oeffne();
    if (personen) await (personenVorab ? entpacke(personenVorab) : personenLesen());
    if (integrationen && ereignisse) {
      kontinuierlichBekannt = (await lies('integrationen', integrationen, (t) => leseIntegrationen(t, register, ereignisse))).kontinuierlichBekannt;
      ereignisse.ordne(register.anzahl);
    }
    nachIntegrationen.oeffne();
    if (mass) massnahmenSpanne = (await (massnahmenVorab ? entpacke(massnahmenVorab) : massnahmenLesen())).spanne;
  } catch (e) {
    // Readings begun ahead end where they wait (their files closed), and the worker with them:
    // nothing of this run goes on behind its error.
    nachZeitraeume.sageAb();
    nachIntegrationen.sageAb();
    nebenleser?.beende();
    await Promise.all([personenVorab, massnahmenVorab]);
    throw e;
  }
  nebenleser?.beende();
  // Persons the inputs do not share change what counts. A few are a note; none in common, or ids
  // that match only with other leading zeros, are an error: the numbers would be silently wrong.
  if (merkmale && personen) {
    gleicheAb('personen', personen, zeitraeume, register, zeitlinien, (p) => merkmale.hat(p));
    const ohneMerkmale = anzahl(register, (p) => zeitlinien.hatBezug(p) && !merkmale.hat(p));
    if (ohneMerkmale) notizen.hinweis(`${personen}: ${anzahlText(ohneMerkmale, 'eine Person', 'Personen')} mit ELB-Zeiten fehlen; Aufgliederungen zählen sie unter „unbekannt“, Filter wie u25 oder frauen nicht mit.`);
  }
  if (ereignisse && integrationen) {
    const ohneBezug = gleicheAb('integrationen', integrationen, zeitraeume, register, zeitlinien, (p) => ereignisse.hatEreignisse(p));
    if (ohneBezug) notizen.hinweis(`${integrationen}: ${anzahlText(ohneBezug, 'eine Person', 'Personen')} ohne ELB-Zeiten in ${zeitraeume}; ihre Integrationen und Eintritte zählen nicht.`);
  }
  if (massnahmen && mass) {
    const ohneBezug = gleicheAb('massnahmen', mass, zeitraeume, register, zeitlinien, (p) => massnahmen.hatBezug(p));
    if (ohneBezug) notizen.hinweis(`${mass}: ${anzahlText(ohneBezug, 'eine Person', 'Personen')} ohne ELB-Zeiten in ${zeitraeume}; ihre Teilnahmen zählen nicht.`);
  }

  let leistungen: PersonenDaten['leistungen'] = null;
  if (leist) {
    const e = await lies('leistungen', leist, (t) => leseLeistungen(t, dezimal(a.lesen, t)));
    leistungen = { llu: e.llu, luh: e.luh };
  }

  const regel: LzbRegel = zr.form === 'tage' ? tagesRegel(a.einstellungen) : monatsRegel(a.einstellungen);
  // The Datenstand is the latest start; one far after all others is more likely a typo (2071 for
  // 2017) than the day of the extract, and would make months of nothing look computable.
  const text = (u: number) => einheitDatum(regel, u);
  const abstand = (a: number, b: number) => (regel.einheit === 'tag' ? anzahlText(a - b, 'einen Tag', 'Tage') : anzahlText(a - b, 'einen Monat', 'Monate'));
  const luecke = regel.einheit === 'tag' ? 31 : 1;
  if (a.datenstand === undefined && zr.vorletztes !== null && zr.letztes - zr.vorletztes > luecke) {
    throw new KennzahlenFehler(
      'eingabedaten',
      `${zeitraeume}: der späteste Beginn ${text(zr.letztes)}${zr.letztePerson === null ? '' : ` (person_id „${register.id(zr.letztePerson)}“)`} liegt ${abstand(zr.letztes, zr.vorletztes)} nach dem zweitspätesten (${text(zr.vorletztes)}); als Datenstand ergäbe er Monate, in denen nichts beobachtet ist.`,
      [],
      'Ist es ein Tippfehler, die Zeile berichtigen; reichen die Daten wirklich so weit, nennt --datenstand DATUM den Stand.',
    );
  }
  const abdeckung: Abdeckung = {
    datenAb: a.datenAb === undefined ? zr.erstes : alsEinheit(regel, a.datenAb, true),
    datenstand: a.datenstand === undefined ? zr.letztes : alsEinheit(regel, a.datenstand, false),
  };
  if (a.datenstand !== undefined && abdeckung.datenstand - zr.letztes > luecke) {
    notizen.hinweis(
      `Der angegebene Datenstand ${text(abdeckung.datenstand)} liegt ${abstand(abdeckung.datenstand, zr.letztes)} nach dem spätesten Beginn in ${zeitraeume} (${text(zr.letztes)}): ` +
        'stammt der Abzug wirklich von da? Bis zum Datenstand gilt jeder laufende Zeitraum als fortbestehend.',
    );
  }
  const geplant = zeitlinien.endenNach(abdeckung.datenstand);
  if (geplant) {
    notizen.hinweis(
      `${zeitraeume}: bei ${anzahlText(geplant.personen, 'einer Person', 'Personen')} endet der Bezug laut Extrakt erst nach dem Datenstand ${text(abdeckung.datenstand)} ` +
        `(geplante Enden, spätestens ${text(geplant.spaetestes)}); gezählt wird nur bis zum Datenstand.`,
    );
  }
  // Event inputs observe their own period; months outside it are not computable for them (x), and
  // an input that stops long before the Datenstand is probably an older extract: say so.
  const { ab: abTag, bis: bisTag } = abdeckungInTagen(regel, abdeckung);
  const spannen: [string | undefined, [string, string], Spanne | null | undefined, number][] = [
    [integrationen, ['das späteste Ereignis (Integration oder Eintritt)', 'das früheste Ereignis'], ereignisse?.spanne, EREIGNIS_LUECKE_TAGE],
    [mass, ['die späteste Maßnahme', 'die früheste Maßnahme'], massnahmenSpanne, MASSNAHMEN_LUECKE_TAGE],
  ];
  // The notes say where the rules of ereignisseBeobachtet draw the line.
  for (const [datei, [spaeteste, frueheste], spanne, luecke] of spannen) {
    if (!datei || !spanne) continue;
    if (spanne.bis < bisTag - luecke) {
      notizen.hinweis(`${datei}: ${spaeteste} beginnt am ${deutscherTag(spanne.bis)}, ${anzahlText(bisTag - spanne.bis, 'einen Tag', 'Tage')} vor dem Datenstand ${deutscherTag(bisTag)}: ein älterer Abzug? Monate mit Stichtag nach dem ${deutscherTag(spanne.bis + luecke)} sind dafür nicht berechenbar (x).`);
    }
    if (spanne.von > abTag + ANLAUF_TAGE) {
      const grenze = spanne === massnahmenSpanne
        ? `Maßnahmen, die vorher begannen, fehlen: Monate mit Stichtag vor dem ${deutscherTag(spanne.von + MASSNAHME_DAUER_TAGE)}`
        : `Monate, deren Fenster (ab dem Stichtag zwei Monate vorher) vor dem ${deutscherTag(spanne.von - ANLAUF_TAGE)} beginnt,`;
      notizen.hinweis(`${datei}: ${frueheste} beginnt am ${deutscherTag(spanne.von)}, die Daten am ${deutscherTag(abTag)}. ${grenze} sind dafür nicht berechenbar (x).`);
    }
  }
  return { register, form: zr.form, eingaben, datenstandAngegeben: a.datenstand !== undefined, regel, abdeckung, zeitlinien, merkmale, ereignisse, kontinuierlichBekannt, massnahmen, massnahmenSpanne, leistungen };
}

/**
 * A gate: `offen` resolves once `oeffne` is called, or rejects once `sageAb` is called first (a
 * run that failed before). Whoever waits then stops waiting; nobody waiting is no unhandled rejection.
 */
function tor(): { offen: Promise<void>; oeffne: () => void; sageAb: () => void; readonly abgesagt: boolean } {
  let oeffne!: () => void, sageAb!: (grund: Error) => void, abgesagt = false;
  const offen = new Promise<void>((auf, ab) => ((oeffne = auf), (sageAb = ab)));
  offen.catch(() => undefined);
  return {
    offen,
    oeffne,
    sageAb: () => {
      abgesagt = true;
      sageAb(new Error('abgesagt: der Lauf ist schon gescheitert'));
    },
    get abgesagt() {
      return abgesagt;
    },
  };
}

type Ausgang<T> = { wert: T } | { fehler: unknown };

/**
 * A reading begun ahead, whose failure only counts where one reader would read the file (after an
 * error of zeitraeume it does not count at all): held as a value, so that it is no unhandled rejection meanwhile.
 */
const spaeter = <T>(p: Promise<T>): Promise<Ausgang<T>> => p.then((wert) => ({ wert }), (fehler: unknown) => ({ fehler }));
const entpacke = async <T>(p: Promise<Ausgang<T>>): Promise<T> => {
  const a = await p;
  if ('fehler' in a) throw a.fehler;
  return a.wert;
};
/** A reading not begun: the run had already failed. */
const ABGESAGT: Ausgang<never> = { fehler: null };

function anzahl(register: PersonRegister, gilt: (p: number) => boolean): number {
  let n = 0;
  for (let p = 0; p < register.anzahl; p++) if (gilt(p)) n++;
  return n;
}

/**
 * Checks that the persons of a further input are those of `zeitraeume`; returns how many of its
 * persons have no ELB periods there. None in common, or ids that match only with other leading
 * zeros (Excel's doing), stop the run: every filter and breakdown would count them wrongly.
 */
function gleicheAb(rolle: ZusatzRolle, datei: string, zeitraeume: string, register: PersonRegister, zeitlinien: Zeitlinien, kommtVor: (p: number) => boolean): number {
  const ohneBezug: number[] = [];
  let mitBezug = 0;
  for (let p = 0; p < register.anzahl; p++) {
    if (!kommtVor(p)) continue;
    if (zeitlinien.hatBezug(p)) mitBezug++;
    else ohneBezug.push(p);
  }
  if (!ohneBezug.length) return 0;
  // In order of ids, not of the register's numbers: the example named is the same however the extract was read.
  const ids = ohneBezug.map((p) => register.id(p)).sort();
  const nullen = fuehrendeNullen(
    ids,
    (id) => {
      const q = register.finde(id);
      return q >= 0 && zeitlinien.hatBezug(q);
    },
    register.laengen(),
  );
  if (nullen.anzahl) {
    const [hier, dort] = nullen.beispiel!;
    throw new KennzahlenFehler(
      'eingabedaten',
      `${datei}: ${anzahlText(nullen.anzahl, 'eine Personen-ID passt', 'Personen-IDs passen')} erst mit anderen führenden Nullen zu ${zeitraeume} (z. B. „${hier}“ hier, „${dort}“ dort). ` +
        'Das sieht nach verlorenen führenden Nullen aus: Excel liest eine ID-Spalte aus Ziffern als Zahl und lässt sie weg.',
      [],
      `Die IDs in beiden Dateien als Text exportieren (in Excel: Daten › Aus Text/CSV, Spalte als Text; nicht per Doppelklick öffnen und speichern). Rolle ${rolle}.`,
    );
  }
  if (!mitBezug) {
    throw new KennzahlenFehler(
      'eingabedaten',
      `${datei}: ${numerus(ohneBezug.length, 'die einzige Person', `keine der ${deZahl(ohneBezug.length)} Personen`)} hat ELB-Zeiten in ${zeitraeume} (z. B. „${ids[0]}“), also zählt aus ${rolle} nichts.`,
      [],
      'Stammen beide Dateien aus demselben Extrakt, und sind die Personen-IDs gleich geschrieben?',
    );
  }
  return ohneBezug.length;
}

/**
 * Filters and breakdowns need their attribute columns in `personen`: without one, everybody would
 * be 'unknown', and a filter such as ohne_flucht would exclude nobody without a word.
 */
export function pruefeMerkmale(daten: Personendaten, personen: string | undefined, bedarf: readonly { wer: string; spalten: readonly MerkmalSpalte[] }[]): void {
  const m = daten.merkmale;
  if (!m || !personen) return;
  const probleme: Problem[] = [];
  for (const { wer, spalten } of bedarf) {
    for (const s of spalten) if (!m.spalten.has(s)) probleme.push({ datei: personen, zeile: 1, spaltenname: s, meldung: `Spalte „${s}“ fehlt oder ist leer, ${wer} braucht sie.` });
  }
  if (probleme.length) throw new KennzahlenFehler('eingabedaten', `${personen}: ${numerus(probleme.length, 'eine Merkmalsspalte fehlt oder ist leer', `${probleme.length} Merkmalsspalten fehlen oder sind leer`)}; ohne sie gälte jede Person als „unbekannt“.`, probleme);
}

/** The months asked for; without --bis the latest month whose Stichtag the data reach. */
export function berichtsmonate(a: MonatsAuswahl, letzterMoeglicher: (() => number) | null, notizen: Notizen): { von: number; bis: number } {
  let bis = a.bis;
  if (bis === undefined) {
    if (!letzterMoeglicher) throw nutzungsfehler('Es fehlt der Berichtsmonat: --monat JJJJ-MM.');
    bis = letzterMoeglicher();
    notizen.hinweis(`Berichtsmonat ${deutscherMonat(bis)}: der letzte Monat, dessen Stichtag der Datenstand erreicht (sonst --monat oder --bis).`);
  }
  const von = a.von ?? bis;
  if (von > bis) throw nutzungsfehler(`--von ${isoMonat(von)} liegt nach dem Berichtsmonat ${isoMonat(bis)}.`);
  return { von, bis };
}

/**
 * Months the data cannot describe are an error, not a table of x: a month whose Stichtag lies
 * after the Datenstand, or a range in which not even the ELB stock is computable.
 */
export function pruefeMonate(daten: Pick<Personendaten, 'regel' | 'abdeckung' | 'datenstandAngegeben'>, von: number, bis: number): void {
  const { regel, abdeckung } = daten;
  const text = (u: number) => einheitDatum(regel, u);
  const letzter = letzterMonat(regel, abdeckung);
  if (bis > letzter) {
    const reicht = `Die Daten beschreiben die Monate bis ${deutscherMonat(letzter)}: --monat ${isoMonat(letzter)} (oder früher).`;
    throw new KennzahlenFehler(
      'eingabedaten',
      `Der Monat ${deutscherMonat(bis)} liegt nach dem Datenstand ${text(abdeckung.datenstand)}: sein Stichtag ${deutscherTag(regel.stichtagDatum(bis))} ist in den Daten nicht beobachtet.`,
      [],
      daten.datenstandAngegeben
        ? `${reicht} Der Datenstand ist angegeben (--datenstand oder „datenstand“ in der Konfiguration).`
        : `${reicht} Der Datenstand ist die späteste beobachtete Angabe (ein Beginn); reichen die Daten weiter, nennt --datenstand DATUM den Stand.`,
    );
  }
  for (let m = von; m <= bis; m++) if (berechenbarkeit(regel, abdeckung, m).ok.elb) return;
  throw new KennzahlenFehler(
    'eingabedaten',
    `${von === bis ? `Der Monat ${deutscherMonat(bis)} liegt` : `Die Monate ${deutscherMonat(von)}–${deutscherMonat(bis)} liegen`} vor dem Datenbeginn ${text(abdeckung.datenAb)}: nichts ist berechenbar.`,
    [],
    'Beginnen die Daten früher als ihre erste Angabe, nennt --daten-ab DATUM den Beginn.',
  );
}

/**
 * The latest month's window may end after the latest event of an input while still within its
 * tolerance: then it is computed, but an extract pulled before its Stichtag would count it short. Say so.
 */
export function ereignisseVorStichtag(daten: Personendaten, monat: number, dateien: { integrationen?: string; massnahmen?: string }, notizen: Notizen): void {
  const s = daten.regel.stichtagDatum(monat);
  const luecken: [string | undefined, Spanne | null | undefined, string][] = [
    [dateien.integrationen, daten.ereignisse?.spanne, 'die späteste Integration oder der späteste Eintritt'],
    [dateien.massnahmen, daten.massnahmenSpanne, 'die späteste Maßnahme'],
  ];
  for (const [datei, spanne, was] of luecken) {
    if (datei && spanne && spanne.bis < s) {
      notizen.hinweis(`${datei}: ${was} beginnt am ${deutscherTag(spanne.bis)}, vor dem Stichtag ${deutscherTag(s)} von ${deutscherMonat(monat)}; reicht der Abzug nicht bis dahin, zählt ${deutscherMonat(monat)} dafür zu wenig.`);
    }
  }
}

/**
 * The inputs of a series read, the attributes its breakdown and filters need checked, and its
 * months settled and checked against the data.
 */
export async function leseReihe(a: ReihenAnfrage, leser: Leser, notizen: Notizen, bedarf: readonly { wer: string; spalten: readonly MerkmalSpalte[] }[] = []): Promise<{ daten: Personendaten; von: number; bis: number }> {
  const daten = await lesePersonendaten(a.personen, leser, notizen);
  pruefeMerkmale(daten, a.personen.dateien.personen, [...(a.nach ? [{ wer: `--nach ${a.nach}`, spalten: [MERKMAL_SPALTE[a.nach]] }] : []), ...bedarf]);
  const { von, bis } = berichtsmonate(a.monate, () => letzterMonat(daten.regel, daten.abdeckung), notizen);
  pruefeMonate(daten, von, bis);
  return { daten, von, bis };
}
