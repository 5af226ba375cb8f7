// `zeitraeume` → person timelines. ELB periods go into the timelines; NEF periods are read and
// validated but not stored: NEF days count neither for the ELB stock nor for LZB (docs/vertrag.md §4.1), and a
// day that is both ELB and NEF is an ELB day either way.

import { OFFEN } from '../core/kalender.js';
import { Monatsbits, NUR_PERSON, Personenstapel, type PersonRegister, type Zeitlinien } from '../core/zeitlinien.js';
import { istMonatsform, zeitraeumeMonate, zeitraeumeTage } from './rollen.js';
import type { Bereich } from './bytescanner.js';
import { tabelleAus, type Leseergebnis, type Tabelle, type Uebersprungen } from './tabelle.js';
import { registriereIds, starteTeilleser, teilung, verwirfTeilleser, type TeilErgebnis } from './teilleser-start.js';
import type { ZeilenProblem } from './zeilen.js';
import { istFesterRand, monatAusBytes, statusAusBytes, UNGELESEN, type Status } from './zellen.js';

export type Form = 'tage' | 'monate';

export interface ZeitraeumeErgebnis extends Leseergebnis {
  form: Form;
  /** Day-exact periods without an `ende` column: every period counts as ongoing. */
  ohneEnde: boolean;
  /** No `status` column: every period counts as ELB, none as NEF. */
  ohneStatus: boolean;
  zeilenNef: number;
  /** Earliest unit in the extract (day or month), NEF rows included; null without rows. */
  erstes: number | null;
  /**
   * Latest day (or month) observed: the latest `beginn` (or `monat`). Ends do not count: an end
   * after the extraction is a plan (a Bewilligungszeitraum), not an observation.
   */
  letztes: number | null;
  /** The latest start before `letztes` (a different day or month): a lone outlier shows in the gap. */
  vorletztes: number | null;
  /** The person (register index) with the latest start, to name a lone outlier. */
  letztePerson: number | null;
}

const ENDE_VOR_BEGINN = { spalte: 'ende', meldung: 'Spalte „ende“ liegt vor „beginn“; erwartet wird der letzte Tag im Bezug (einschließlich), leer für laufenden Bezug.' };

/** Reads the table, or a part of it (a worker reads the other part, see `leseZeitraeume`). */
export async function leseZeitraeumeTeil(tabelle: Tabelle, register: PersonRegister, zeitlinien: Zeitlinien, bereich?: Bereich): Promise<ZeitraeumeErgebnis> {
  let erstes = Infinity, letztes = -Infinity, vorletztes = -Infinity, zeilenNef = 0, letztePerson = -1;
  const monatsform = istMonatsform(tabelle.kopf);
  // A monthly stock's rows come month by month, persons in no order: bits first, runs at the end.
  const bits = monatsform ? new Monatsbits(zeitlinien) : null;
  /** An ELB period of a person, into the bits or the timelines. */
  const ablegen = bits ? (p: number, monat: number) => bits.setze(p, monat) : (p: number, von: number, bis: number) => zeitlinien.hinzu(p, von, bis);
  // Rows whose id is plain and short wait in a batch (see Personenstapel).
  const stapel = new Personenstapel(register, ablegen);
  // The latest start's person when its row went into the batch: its id, to look up at the end.
  let letzteId: Uint8Array | null = null;
  /** The earliest, latest and second latest start seen; true when `von` is a new latest. */
  const beobachte = (von: number): boolean => {
    if (von < erstes) erstes = von;
    if (von > letztes) {
      [vorletztes, letztes] = [letztes, von];
      return true;
    }
    if (von < letztes && von > vorletztes) vorletztes = von;
    return false;
  };
  /** One period, whichever way its row was read. */
  const eintragen = (person: number, von: number, bis: number | null, status: Status) => {
    if (beobachte(von)) [letztePerson, letzteId] = [person, null];
    if (status === 'NEF') zeilenNef++;
    else ablegen(person, von, bis ?? OFFEN);
  };
  /** A day-exact period, whichever way its row was read: the one place its end is checked. */
  const zeitraum = (person: number, von: number, bis: number | null, status: Status): ZeilenProblem | undefined => {
    if (bis !== null && bis < von) return ENDE_VOR_BEGINN;
    eintragen(person, von, bis, status);
  };
  /**
   * A row of the fast path whose id (bytes a … e−1) is plain and short goes into the batch, its
   * person found there; false for any other (the caller reads the person as usual).
   */
  const gestapelt = (b: Uint8Array, a: number, e: number, von: number, bis: number, status: Status): boolean => {
    // Up to eight bytes, nothing the text path would trim at the ends: the person reader's plain form.
    if (!(e > a && e - a <= 8 && istFesterRand(b[a]) && istFesterRand(b[e - 1]))) return false;
    // A copy: the chunk is read into again (Buffer's slice would be a view).
    if (beobachte(von)) [letztePerson, letzteId] = [-1, Uint8Array.prototype.slice.call(b, a, e)];
    if (status === 'NEF') zeilenNef++;
    stapel.hinzu(b, a, e, status === 'NEF' ? NUR_PERSON : von, bis);
    return true;
  };

  // Rows of large extracts in their plain form go straight from the bytes into the timelines, their
  // cells read by the schema's byte readers. A row handed on to the general way may have numbered its
  // person already; that way numbers the same person in the same row, so nothing needs undoing.
  let form: Form;
  let ergebnis: Leseergebnis;
  if (monatsform) {
    form = 'monate';
    ergebnis = await tabelle.lies(
      zeitraeumeMonate(register),
      (z) => eintragen(z.person_id, z.monat, z.monat, z.status),
      (zelle, feld, zeilenleser) => {
        const person = zelle('person_id'), monat = zelle('monat'), status = zelle('status');
        const id = feld('person_id');
        // The plain layout of a monthly stock, `id;JJJJ-MM` or `id;JJJJ-MM;ELB`, read straight from the line.
        const spalten = tabelle.kopf.length, mitStatus = spalten === 3;
        if (id === 0 && feld('monat') === 1 && (spalten === 2 || (mitStatus && feld('status') === 2))) {
          const trenner = tabelle.trennzeichen.charCodeAt(0);
          zeilenleser((b, von, bis) => {
            let e = von;
            while (e < bis && b[e] !== trenner) if (++e - von > 8) return false;
            const m0 = e + 1;
            if (e === bis || m0 + 7 > bis) return false;
            const m = monatAusBytes(b, m0, m0 + 7);
            if (m === UNGELESEN) return false;
            let s: Status = 'ELB';
            if (mitStatus) {
              // A missing third field is the general way's problem.
              if (m0 + 7 >= bis || b[m0 + 7] !== trenner) return false;
              const gelesen = statusAusBytes(b, m0 + 8, bis);
              if (gelesen === UNGELESEN) return false;
              s = gelesen;
            } else if (m0 + 7 !== bis) return false;
            return gestapelt(b, von, e, m, m, s);
          });
        }
        return (b, g) => {
          const s = status(b, g), m = monat(b, g);
          if (s === UNGELESEN || m === UNGELESEN) return false;
          if (id >= 0 && gestapelt(b, g[2 * id], g[2 * id + 1], m, m, s)) return true;
          const p = person(b, g);
          if (p === UNGELESEN) return false;
          eintragen(p, m, m, s);
          return true;
        };
      },
      bereich,
    );
  } else {
    form = 'tage';
    ergebnis = await tabelle.lies(
      zeitraeumeTage(register),
      (z) => zeitraum(z.person_id, z.beginn, z.ende, z.status),
      (zelle, feld) => {
        const person = zelle('person_id'), beginn = zelle('beginn'), ende = zelle('ende'), status = zelle('status');
        const id = feld('person_id');
        return (b, g) => {
          const s = status(b, g), von = beginn(b, g), bis = ende(b, g);
          if (s === UNGELESEN || von === UNGELESEN || bis === UNGELESEN) return false;
          // An end before the start goes the general way, which names it.
          if (bis === null || bis >= von) {
            if (id >= 0 && gestapelt(b, g[2 * id], g[2 * id + 1], von, bis ?? OFFEN, s)) return true;
          }
          const p = person(b, g);
          if (p === UNGELESEN) return false;
          return zeitraum(p, von, bis, s) === undefined;
        };
      },
      bereich,
    );
  }
  stapel.leere();
  bits?.uebertrage();
  // Registered by the batch: looked up, never registered here.
  const id = letzteId as Uint8Array | null;
  if (id) letztePerson = register.findeBytes(id, 0, id.length);
  return {
    ...ergebnis,
    form,
    ohneEnde: form === 'tage' && !tabelle.kopf.includes('ende'),
    ohneStatus: !tabelle.kopf.includes('status'),
    zeilenNef,
    erstes: Number.isFinite(erstes) ? erstes : null,
    letztes: Number.isFinite(letztes) ? letztes : null,
    vorletztes: Number.isFinite(vorletztes) ? vorletztes : null,
    letztePerson: letztePerson >= 0 ? letztePerson : null,
  };
}

/**
 * Reads `zeitraeume`; a large simple monthly stock is read by two threads, this one the first half, a
 * worker the second. Periods are read by one: each has a person of its own in no order, so the
 * worker's persons (nearly all new to this thread) would be registered twice, and measured at 4
 * million persons two threads were no faster and held 260 MB more. The worker's persons and periods are then added in the order it numbered
 * them, and its problems get the first half's lines added to their line numbers: every person has
 * the same periods as when one reader reads alone. Their numbers may differ (a monthly stock's
 * persons are numbered batch by batch), so nothing printed depends on them: lists and examples go
 * by id.
 */
export async function leseZeitraeume(tabelle: Tabelle, register: PersonRegister, zeitlinien: Zeitlinien, threads = 2): Promise<ZeitraeumeErgebnis> {
  // A column without a heading and values the config maps are summed up at the end of a reading,
  // once for the whole file: two parts would say it twice, so such a file is read by one thread.
  const teilbar = istMonatsform(tabelle.kopf) && !tabelle.kopf.includes('') && !Object.keys(tabelle.format.werte ?? {}).length;
  const schnitt = threads > 1 && teilbar ? await teilung(tabelle) : null;
  const arbeiter = schnitt === null ? null : starteTeilleser({ rolle: 'zeitraeume', datei: tabelle.datei, format: tabelle.format, von: schnitt, bis: tabelle.quelle.groesse! });
  if (!arbeiter) {
    verwirfTeilleser();
    return leseZeitraeumeTeil(tabelle, register, zeitlinien);
  }
  const erster = await leseZeitraeumeTeil(tabelle, register, zeitlinien, { von: 0, bis: schnitt! });
  const zweiter = await arbeiter;
  const sha256 = await tabelle.quelle.pruefsumme!;
  // One reader stopped in the first part never sees the second.
  if (erster.abgebrochen) return { ...erster, info: { ...erster.info, sha256 } };
  // The worker cannot know that the first part ended in a footnote block, below which every row is
  // an error of its own: the file is read again by this thread alone, as one reader reads it (what
  // the first part added is added again, which changes nothing; the run fails either way).
  if (erster.uebersprungen?.fussnotenAb != null && zweiter.zeilen > 0) return leseZeitraeumeTeil(tabelle, register, zeitlinien);
  const max = tabelle.format.maxProbleme;
  const versatz = erster.zeilenImBereich ?? 0;
  const bisher = erster.probleme.length;
  let teil: Omit<TeilErgebnis, 'ids' | 'enden' | 'laeufe'>;
  if (bisher + zweiter.probleme.length > max) {
    // One reader would stop inside the second part, at the problem that is one too many: read it
    // again here with what is left of the budget, so that rows and problems end where they would.
    const rest = tabelleAus(tabelle.quelle, 'zeitraeume', { ...tabelle.format, maxProbleme: max - bisher });
    const e = await leseZeitraeumeTeil(rest, register, zeitlinien, { von: schnitt!, bis: tabelle.quelle.groesse! });
    teil = { ...e, zeilen: e.info.zeilen };
  } else {
    const nummer = registriereIds(register, zweiter.ids, zweiter.enden);
    zeitlinien.uebernimm(zweiter.laeufe, nummer);
    teil = { ...zweiter, letztePerson: zweiter.letztePerson === null ? null : nummer[zweiter.letztePerson] };
  }
  const probleme = [...erster.probleme, ...teil.probleme.map((p) => ({ ...p, zeile: p.zeile === undefined ? undefined : p.zeile + versatz }))];
  const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  const maxi = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  return {
    info: { ...erster.info, zeilen: erster.info.zeilen + teil.zeilen, sha256 },
    leereZeilen: erster.leereZeilen + teil.leereZeilen,
    uebersprungen: zusammen(erster.uebersprungen, teil.uebersprungen, versatz),
    probleme: probleme.slice(0, max),
    abgebrochen: teil.abgebrochen || probleme.length > max,
    form: erster.form,
    ohneEnde: erster.ohneEnde,
    ohneStatus: erster.ohneStatus,
    zeilenNef: erster.zeilenNef + teil.zeilenNef,
    erstes: min(erster.erstes, teil.erstes),
    letztes: maxi(erster.letztes, teil.letztes),
    vorletztes: zweitgroesster([erster.letztes, erster.vorletztes, teil.letztes, teil.vorletztes]),
    letztePerson: (teil.letztes ?? -Infinity) > (erster.letztes ?? -Infinity) && teil.letztePerson !== null ? teil.letztePerson : erster.letztePerson,
  };
}

/** The skipped lines of both parts: the titles are the first's, a footnote block the first that began. */
function zusammen(erster: Uebersprungen | undefined, zweiter: Uebersprungen | undefined, versatz: number): Uebersprungen | undefined {
  if (erster?.fussnotenAb != null || !zweiter?.fussnotenAb) return erster;
  return { titelzeilen: erster?.titelzeilen ?? 0, fussnotenAb: zweiter.fussnotenAb + versatz, fussnoten: zweiter.fussnoten };
}

/** The second largest distinct value, or null. */
function zweitgroesster(werte: (number | null)[]): number | null {
  const verschieden = [...new Set(werte.filter((w): w is number => w !== null))].sort((a, b) => b - a);
  return verschieden[1] ?? null;
}
