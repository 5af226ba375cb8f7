// `lzb --list FILE`: the per-person list for the Berichtsmonat, for case management
// (Übergangsmanagement). It is the only output that names persons.

import { isoMonat, isoTag } from '../core/kalender.js';
import type { LzbErgebnis } from '../core/lzb/klassifikation.js';
import type { LzbRegel } from '../core/lzb/regel.js';
import type { PersonRegister } from '../core/zeitlinien.js';
import { csvDokument, quote, textZelle } from './csv.js';
import { csvZahl } from './zahlen.js';

export function lzbListe(ergebnis: LzbErgebnis, regel: LzbRegel, register: PersonRegister, monat: number): string {
  const liste = ergebnis.liste ?? [];
  const stichtag = isoTag(regel.stichtagDatum(monat));
  const zeilen = liste
    .map((p) => ({ p, id: register.id(p.person) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ p, id }) => [
      textZelle(id),
      isoMonat(monat),
      stichtag,
      String(p.einheiten),
      csvZahl(regel.inMonaten(p.einheiten), 1),
      p.lzb ? 'ja' : 'nein',
      p.lzb4Jahre === null ? 'x' : p.lzb4Jahre ? 'ja' : 'nein',
      p.segment,
      p.lzbAb === null ? '' : quote(isoMonat(p.lzbAb)),
    ]);
  const einheit = regel.einheit === 'tag' ? 'elb_tage' : 'elb_monate';
  return csvDokument(['person_id', 'monat', 'stichtag', einheit, 'monate_im_fenster', 'lzb', 'lzb_4_jahre', 'segment', 'lzb_ab'], zeilen);
}
