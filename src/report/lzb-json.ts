// `kennzahlen lzb --format json`: schema "kennzahlen-lzb/1" (SPEC §6). Counts are exact integers;
// a value that is not computable is null and `hinweise` says why; a suppressed one is "*".

import { isoMonat, isoTag } from '../core/kalender.js';
import type { LzbZaehler } from '../core/lzb/klassifikation.js';
import { gesperrt, type Darstellung } from './darstellung.js';
import { einheitIso, grundText, type LzbBericht } from './lzb-bericht.js';

export const LZB_SCHEMA = 'kennzahlen-lzb/1';

function zaehler(w: LzbZaehler, d: Darstellung) {
  const n = (x: number | null) => (gesperrt(d, x) ? '*' : x);
  return {
    elb: n(w.elb),
    elb_zugaenge: n(w.elb_zugaenge),
    elb_abgaenge: n(w.elb_abgaenge),
    lzb: n(w.lzb),
    lzb_anteil: w.lzb === null || !w.elb ? null : gesperrt(d, w.lzb) || gesperrt(d, w.elb) ? '*' : (w.lzb / w.elb) * 100,
    lzb_zugaenge: n(w.lzb_zugaenge),
    lzb_abgaenge: n(w.lzb_abgaenge),
    lzb_4_jahre: n(w.lzb_4_jahre),
    uebergang: n(w.uebergang),
    prognose: w.prognose ? w.prognose.map(n) : null,
  };
}

export function lzbJson(b: LzbBericht, d: Darstellung): string {
  const { regel } = b;
  const doc = {
    schema: LZB_SCHEMA,
    jobcenter: b.jobcenter,
    berichtsmonat: isoMonat(b.berichtsmonat),
    datenstand: einheitIso(regel, b.datenstand),
    daten_ab: einheitIso(regel, b.datenAb),
    ...(d.stempel ? { erstellt: d.stempel } : {}),
    ...(d.unter !== null ? { gesperrt_unter: d.unter } : {}),
    regel: {
      einheit: regel.einheit === 'tag' ? 'tage' : 'monate',
      stichtag_tag: regel.einstellungen.stichtagTag,
      lzb_min: regel.einstellungen.lzbMin,
      lzb_window: regel.einstellungen.lzbFenster,
      fenster: regel.lzb.fenster,
      mindestens: regel.lzb.mindestens,
      vier_jahre: { fenster: regel.vierJahre.fenster, mindestens: regel.vierJahre.mindestens },
      uebergang: { ab: regel.uebergang.ab, bis: regel.uebergang.bis },
    },
    eingaben: b.eingaben.map((e) => ({ rolle: e.rolle, datei: e.datei, zeilen: e.zeilen, sha256: e.sha256, kodierung: e.kodierung, trennzeichen: e.trennzeichen })),
    nach: b.nach,
    stichtage: b.ergebnis.monate.map((m) => ({
      monat: isoMonat(m.monat),
      stichtag: isoTag(m.stichtag),
      ...zaehler(m.werte, d),
      prognose_monate: m.werte.prognose ? m.werte.prognose.map((_, k) => isoMonat(m.monat + k + 1)) : null,
      gruppen: m.gruppen.map((g) => ({ gruppe: g.gruppe, ...zaehler(g.werte, d) })),
      hinweise: m.nichtBerechenbar.map((g) => grundText(regel, g, d)),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
