// `kennzahlen lzb --format json`: schema "kennzahlen-lzb/1" (docs/vertrag.md §6). Counts are exact integers;
// a value that is not computable is null and `hinweise` says why; a suppressed one is "*".

import { isoMonat, isoTag } from '../core/kalender.js';
import type { LzbZaehler } from '../core/lzb/klassifikation.js';
import { darstellungJson, type Darstellung } from './darstellung.js';
import { eingabeJson } from './eingaben.js';
import { lzbSperre, lzbWert, prognoseGroesse, type LzbGroesse, type LzbSperre } from './geheimhaltung.js';
import { einheitIso, grundText, type LzbBericht } from './lzb-bericht.js';

export const LZB_SCHEMA = 'kennzahlen-lzb/1';

function zaehler(s: LzbSperre, monat: number, gruppe: string, w: LzbZaehler) {
  const n = (g: LzbGroesse) => s.zahl(monat, gruppe, g, lzbWert(w, g));
  return {
    elb: n('elb'),
    elb_zugaenge: n('elb_zugaenge'),
    elb_abgaenge: n('elb_abgaenge'),
    lzb: n('lzb'),
    lzb_anteil: s.anteil(monat, gruppe, w),
    lzb_zugaenge: n('lzb_zugaenge'),
    lzb_abgaenge: n('lzb_abgaenge'),
    lzb_4_jahre: n('lzb_4_jahre'),
    uebergang: n('uebergang'),
    prognose: w.prognose ? w.prognose.map((_, k) => n(prognoseGroesse(k))) : null,
  };
}

export function lzbJson(b: LzbBericht, d: Darstellung): string {
  const { regel } = b;
  const s = lzbSperre(b, d);
  const doc = {
    schema: LZB_SCHEMA,
    jobcenter: b.jobcenter,
    berichtsmonat: isoMonat(b.berichtsmonat),
    datenstand: einheitIso(regel, b.datenstand),
    daten_ab: einheitIso(regel, b.datenAb),
    ...darstellungJson(d),
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
    eingaben: b.eingaben.map(eingabeJson),
    nach: b.nach,
    stichtage: b.ergebnis.monate.map((m) => ({
      monat: isoMonat(m.monat),
      stichtag: isoTag(m.stichtag),
      ...zaehler(s, m.monat, 'gesamt', m.werte),
      prognose_monate: m.werte.prognose ? m.werte.prognose.map((_, k) => isoMonat(m.monat + k + 1)) : null,
      gruppen: m.gruppen.map((g) => ({ gruppe: g.gruppe, ...zaehler(s, m.monat, g.gruppe, g.werte) })),
      hinweise: m.nichtBerechenbar.map((g) => grundText(regel, g, d)),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
