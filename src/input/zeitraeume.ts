// `zeitraeume` → person timelines. ELB periods go into the timelines; NEF periods are read and
// validated but not stored: NEF days count neither for the ELB stock nor for LZB (SPEC §4.1), and a
// day that is both ELB and NEF is an ELB day either way.

import { OFFEN } from '../core/kalender.js';
import type { PersonRegister, Zeitlinien } from '../core/zeitlinien.js';
import { istMonatsform, ZEITRAEUME_MONATE, ZEITRAEUME_TAGE } from './rollen.js';
import type { Leseergebnis, Tabelle } from './tabelle.js';

export type Form = 'tage' | 'monate';

export interface ZeitraeumeErgebnis extends Leseergebnis {
  form: Form;
  zeilenNef: number;
  /** Earliest unit in the extract (day or month), NEF rows included; null without rows. */
  erstes: number | null;
  /** Latest date (or month) written in the extract; open ends do not count. */
  letztes: number | null;
}

export async function leseZeitraeume(tabelle: Tabelle, register: PersonRegister, zeitlinien: Zeitlinien): Promise<ZeitraeumeErgebnis> {
  let erstes = Infinity, letztes = -Infinity, zeilenNef = 0;
  const sieh = (von: number, bis: number | null) => {
    if (von < erstes) erstes = von;
    const spaetestes = bis ?? von;
    if (spaetestes > letztes) letztes = spaetestes;
  };
  let form: Form;
  let ergebnis: Leseergebnis;
  if (istMonatsform(tabelle.kopf)) {
    form = 'monate';
    ergebnis = await tabelle.lies(ZEITRAEUME_MONATE, (z) => {
      sieh(z.monat, z.monat);
      if (z.status === 'NEF') zeilenNef++;
      else zeitlinien.hinzu(register.nummer(z.person_id), z.monat, z.monat);
    });
  } else {
    form = 'tage';
    ergebnis = await tabelle.lies(ZEITRAEUME_TAGE, (z) => {
      if (z.ende !== null && z.ende < z.beginn) return { spalte: 'ende', meldung: 'Spalte „ende“ liegt vor „beginn“; erwartet wird der letzte Tag im Bezug (einschließlich), leer für laufenden Bezug.' };
      sieh(z.beginn, z.ende);
      if (z.status === 'NEF') zeilenNef++;
      else zeitlinien.hinzu(register.nummer(z.person_id), z.beginn, z.ende ?? OFFEN);
    });
  }
  return {
    ...ergebnis,
    form,
    zeilenNef,
    erstes: Number.isFinite(erstes) ? erstes : null,
    letztes: Number.isFinite(letztes) ? letztes : null,
  };
}
