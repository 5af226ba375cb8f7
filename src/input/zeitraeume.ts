// `zeitraeume` → person timelines. ELB periods go into the timelines; NEF periods are read and
// validated but not stored: NEF days count neither for the ELB stock nor for LZB (SPEC §4.1), and a
// day that is both ELB and NEF is an ELB day either way.

import { OFFEN } from '../core/kalender.js';
import type { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { istMonatsform, zeitraeumeMonate, zeitraeumeTage } from './rollen.js';
import type { Leseergebnis, SchnelleZeile, Tabelle } from './tabelle.js';
import { datumAusBytes, monatAusBytes, statusAusBytes, UNGELESEN, type Status } from './zellen.js';

export type Form = 'tage' | 'monate';

export interface ZeitraeumeErgebnis extends Leseergebnis {
  form: Form;
  zeilenNef: number;
  /** Earliest unit in the extract (day or month), NEF rows included; null without rows. */
  erstes: number | null;
  /** Latest date (or month) written in the extract; open ends do not count. */
  letztes: number | null;
}

const ENDE_VOR_BEGINN = { spalte: 'ende', meldung: 'Spalte „ende“ liegt vor „beginn“; erwartet wird der letzte Tag im Bezug (einschließlich), leer für laufenden Bezug.' };
const istLeerzeichen = (b: number) => b === 32 || b === 9;

export async function leseZeitraeume(tabelle: Tabelle, register: PersonRegister, zeitlinien: Zeitlinien): Promise<ZeitraeumeErgebnis> {
  let erstes = Infinity, letztes = -Infinity, zeilenNef = 0;
  /** One period, whichever way its row was read. */
  const eintragen = (person: number, von: number, bis: number | null, status: Status) => {
    if (von < erstes) erstes = von;
    const spaetestes = bis ?? von;
    if (spaetestes > letztes) letztes = spaetestes;
    if (status === 'NEF') zeilenNef++;
    else zeitlinien.hinzu(person, von, bis ?? OFFEN);
  };

  // Rows of large extracts in their plain form go straight from the bytes into the timelines.
  const schnell = (form: Form): SchnelleZeile => (position) => {
    const id = position('person_id'), st = position('status');
    const a = form === 'monate' ? position('monat') : position('beginn');
    const e = form === 'tage' ? position('ende') : -1;
    return (b, g) => {
      const iv = g[2 * id], ib = g[2 * id + 1];
      if (ib === iv || istLeerzeichen(b[iv]) || istLeerzeichen(b[ib - 1])) return false;
      const status = st < 0 ? 'ELB' : statusAusBytes(b, g[2 * st], g[2 * st + 1]);
      if (status === UNGELESEN) return false;
      if (form === 'monate') {
        const m = monatAusBytes(b, g[2 * a], g[2 * a + 1]);
        if (m === UNGELESEN) return false;
        eintragen(register.nummerBytes(b, iv, ib), m, m, status);
        return true;
      }
      const von = g[2 * a + 1] > g[2 * a] ? datumAusBytes(b, g[2 * a], g[2 * a + 1]) : UNGELESEN;
      const bis = e < 0 ? null : datumAusBytes(b, g[2 * e], g[2 * e + 1]);
      if (von === UNGELESEN || von === null || bis === UNGELESEN || (bis !== null && bis < von)) return false;
      eintragen(register.nummerBytes(b, iv, ib), von, bis, status);
      return true;
    };
  };

  let form: Form;
  let ergebnis: Leseergebnis;
  if (istMonatsform(tabelle.kopf)) {
    form = 'monate';
    ergebnis = await tabelle.lies(zeitraeumeMonate(register), (z) => eintragen(z.person_id, z.monat, z.monat, z.status), schnell(form));
  } else {
    form = 'tage';
    ergebnis = await tabelle.lies(
      zeitraeumeTage(register),
      (z) => {
        if (z.ende !== null && z.ende < z.beginn) return ENDE_VOR_BEGINN;
        eintragen(z.person_id, z.beginn, z.ende, z.status);
      },
      schnell(form),
    );
  }
  return {
    ...ergebnis,
    form,
    zeilenNef,
    erstes: Number.isFinite(erstes) ? erstes : null,
    letztes: Number.isFinite(letztes) ? letztes : null,
  };
}
