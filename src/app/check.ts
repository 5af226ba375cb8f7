// `check`: reads every given input as the commands read it and lists all problems (up to
// --max-errors) with file, line and column, instead of stopping at the first file with problems.

import { Ereignisse } from '../core/ereignisse.js';
import { Merkmale } from '../core/merkmale.js';
import { MONATSWERTE_SPALTEN } from '../core/monatswerte/monatswerte.js';
import { zielSpalten } from '../core/ziele/ziele.js';
import { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { KennzahlenFehler, type Ausgang } from '../fehler.js';
import { leseIntegrationen, leseMassnahmen } from '../input/ereignisse.js';
import { EINGABE_ROLLEN, numerus, type EingabeRolle } from '../core/modell.js';
import { leseLeistungen } from '../input/leistungen.js';
import { leseMonatswerte } from '../input/monatswerte.js';
import { leseVergleichstypen } from '../input/vergleichstypen.js';
import { lesePersonen } from '../input/personen.js';
import type { Leseergebnis, Tabelle } from '../input/tabelle.js';
import { leseZeitraeume } from '../input/zeitraeume.js';
import { pruefeZielSpalten } from '../input/ziele.js';
import type { CheckModell, Pruefung } from '../report/check.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { dezimal, leereZeilenText, leseOptionen, uebersprungenText, wirkungslos, type LeseAnfrage } from './lesen.js';

export interface CheckAnfrage {
  dateien: Partial<Record<EingabeRolle, string>>;
  lesen: LeseAnfrage;
}

type Beschrieben = Leseergebnis & { beschreibung: string; spalten?: { gelesen: string[]; ungelesen: string[] } };

/** `zusatz`: the Monatswerte columns the local goals of `--ziele` use. */
type PruefLeser = (t: Tabelle, l: LeseAnfrage, zusatz: ReadonlySet<string>) => Promise<Beschrieben>;

/** Each CSV role read as the commands read it, into throw-away structures. */
const LESER: Partial<Record<EingabeRolle, PruefLeser>> = {
  zeitraeume: async (t, l) => {
    const e = await leseZeitraeume(t, new PersonRegister(), new Zeitlinien(), l.threads);
    return { ...e, beschreibung: e.form === 'tage' ? 'tagesgenaue Zeiträume' : 'Monatsform' };
  },
  personen: async (t) => ({ ...(await lesePersonen(t, new PersonRegister(), new Merkmale())), beschreibung: 'Personenmerkmale' }),
  integrationen: async (t) => ({ ...(await leseIntegrationen(t, new PersonRegister(), new Ereignisse())), beschreibung: 'Integrationen und Eintritte' }),
  massnahmen: async (t) => ({ ...(await leseMassnahmen(t, new PersonRegister(), new Zeitlinien())), beschreibung: 'Maßnahmeteilnahmen' }),
  leistungen: async (t, l) => ({ ...(await leseLeistungen(t, dezimal(l, t))), beschreibung: 'Leistungen je Monat' }),
  monatswerte: async (t, l, zusatz) => {
    const e = await leseMonatswerte(t, dezimal(l, t), zusatz);
    const ungelesen = e.ungelesen.length ? ` · nicht geprüft, da weder Kennzahl noch Ziel sie nutzt: ${e.ungelesen.join(', ')}` : '';
    const regionen = e.regionen ? ` · ${numerus(e.regionen.schluessel.length, 'ein Jobcenter', `${e.regionen.schluessel.length} Jobcenter`)} (Spalte ${e.regionen.spalte})` : '';
    return { ...e, beschreibung: `Monatswerte: ${e.monatswerte.spalten.join(', ') || 'keine Kennzahlspalten'}${regionen}${ungelesen}`, spalten: { gelesen: e.monatswerte.spalten, ungelesen: e.ungelesen } };
  },
  vergleichstypen: async (t) => {
    const e = await leseVergleichstypen(t);
    const typen = new Set([...e.typen.values()].map((z) => z.vergleichstyp)).size;
    return { ...e, beschreibung: `Vergleichstypen: ${numerus(e.typen.size, 'ein Jobcenter', `${e.typen.size} Jobcenter`)} in ${numerus(typen, 'einem Typ', `${typen} Typen`)}` };
  },
};

export function check(a: CheckAnfrage, leser: Leser): Promise<Ergebnis<CheckModell>> {
  return fuehreAus(async (notizen) => {
    const auftraege = EINGABE_ROLLEN.flatMap((rolle) => (a.dateien[rolle] === undefined ? [] : [{ rolle, datei: a.dateien[rolle]! }]));
    // Monatswerte columns are checked as a report reads them: the standard ones and those the
    // targets' local goals use. The targets file is read once; a broken one is reported in its own
    // turn below.
    const ziele = a.dateien.ziele ? leser.ziele(a.dateien.ziele) : null;
    const zusatz = zielSpalten(ziele ? await ziele.then((z) => z.vorgabe, () => null) : null);

    let rest = a.lesen.maxProbleme;
    const pruefungen: Pruefung[] = [];
    /** The columns of the Monatswerte checked, for the columns the local goals name. */
    let mwSpalten: { gelesen: string[]; ungelesen: string[] } | null = null;
    for (const { rolle, datei } of auftraege) {
      const pruefung: Pruefung = { rolle, datei, info: null, beschreibung: '', probleme: [], abgebrochen: false, fehlt: null };
      pruefungen.push(pruefung);
      if (rest === 0) {
        pruefung.abgebrochen = true;
        continue;
      }
      try {
        if (rolle === 'ziele') {
          const { vorgabe, info } = await ziele!;
          // Person-level data give the standard columns; other columns must be in the Monatswerte.
          const personen = a.dateien.zeitraeume !== undefined;
          const mwGeprueft = a.dateien.monatswerte !== undefined;
          const lokal = vorgabe.ziele.some((z) => z.art !== 'kennzahl');
          let beschreibung = `Ziele ${vorgabe.jahr}`;
          if (lokal && !mwGeprueft && !personen) beschreibung += ' · Spalten lokaler Ziele nicht geprüft (keine --monatswerte)';
          else if (lokal && (!mwGeprueft || mwSpalten)) {
            const vorhanden = new Set([...(mwSpalten?.gelesen ?? []), ...(personen ? MONATSWERTE_SPALTEN : [])]);
            pruefung.probleme = pruefeZielSpalten(vorgabe, datei, vorhanden, mwSpalten?.ungelesen ?? []);
          }
          Object.assign(pruefung, { info, beschreibung });
        } else {
          const e = await leser.tabelle(rolle, datei, leseOptionen(a.lesen, rolle, rest), (t) => LESER[rolle]!(t, a.lesen, zusatz));
          if (e.spalten && !e.probleme.length) mwSpalten = e.spalten;
          const leer = e.leereZeilen ? ` · ${leereZeilenText(e.leereZeilen)}` : '';
          const ba = e.uebersprungen ? ` · ${uebersprungenText(e.uebersprungen)}` : '';
          Object.assign(pruefung, { info: e.info, beschreibung: e.beschreibung + leer + ba, probleme: e.probleme, abgebrochen: e.abgebrochen });
        }
      } catch (e) {
        if (!(e instanceof KennzahlenFehler) || (e.art !== 'datei_fehlt' && e.art !== 'eingabedaten')) throw e;
        if (e.art === 'datei_fehlt') pruefung.fehlt = e.message;
        else pruefung.probleme = [...e.probleme];
      }
      rest -= Math.min(rest, pruefung.probleme.length);
    }
    const status: Ausgang = pruefungen.some((e) => e.fehlt) ? 'datei_fehlt' : pruefungen.some((e) => e.probleme.length) ? 'eingabedaten' : 'ok';
    // Only where every input was read is it known that none of them took a setting.
    if (pruefungen.every((p) => p.info)) for (const t of wirkungslos(a.lesen, pruefungen.map((p) => p.info!))) notizen.hinweis(t);
    return { modell: { pruefungen }, status };
  });
}
