// `kennzahlen report --format json`: schema "kennzahlen-report/1" (SPEC §6). Every value comes
// rounded for display (`wert`) and exact (`wert_exakt`), with numerator, denominator and windows.

import { isoMonat } from '../core/kalender.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { einheitVon } from '../core/kennzahlen/definitionen.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import type { KennzahlenBericht } from './kennzahlen-bericht.js';
import { runde } from './zahlen.js';

export const REPORT_SCHEMA = 'kennzahlen-report/1';

const r1 = (w: number | null) => (w === null ? null : runde(w, 1));

function berechnung(b: Berechnung) {
  return {
    wert: r1(b.wert),
    wert_exakt: b.wert,
    zaehler: b.zaehler,
    nenner: b.nenner,
    fenster: { zaehler: b.fenster.zaehler.map(isoMonat), nenner: b.fenster.nenner.map(isoMonat) },
  };
}

function kennzahl(k: KennzahlWert) {
  const d = k.definition;
  return {
    id: d.id,
    name: d.name,
    einheit: einheitVon(d.formel),
    richtung: d.richtung,
    ...berechnung(k.monat),
    vorjahr: r1(k.vorjahr.wert),
    vorjahr_exakt: k.vorjahr.wert,
    jahresfortschritt: { ...berechnung(k.jfw), vorjahr: r1(k.jfwVorjahr.wert), vorjahr_exakt: k.jfwVorjahr.wert },
    status: k.monat.wert === null ? 'nicht_berechenbar' : 'berechnet',
    hinweis: k.monat.hinweis,
  };
}

function ziel(z: ZielErgebnis) {
  const def = z.ziel;
  return {
    id: def.id,
    name: def.name,
    ...(def.art === 'kennzahl' ? { kennzahl: def.kennzahl, filter: def.filter } : def.art === 'quote' ? { zaehler: def.zaehler, nenner: def.nenner, aggregation: def.aggregation } : { wert: def.wert, aggregation: def.aggregation }),
    grenze: { [def.grenze.art]: def.grenze.wert },
    einheit: z.einheit,
    ist: z.ist,
    vorjahr: z.vorjahr,
    soll: z.soll,
    abweichung_punkte: z.abweichungPunkte,
    abweichung_prozent: z.abweichungProzent,
    status: z.status,
    hochrechnung: z.hochrechnung,
    hinweis: z.hinweis,
  };
}

export function kennzahlenJson(b: KennzahlenBericht): string {
  const doc = {
    schema: REPORT_SCHEMA,
    demo: b.demo,
    jobcenter: b.jobcenter,
    berichtsmonat: isoMonat(b.berichtsmonat),
    datenstand: b.datenstand,
    eingaben: b.eingaben.map((e) => ({ rolle: e.rolle, datei: e.datei, zeilen: e.zeilen, sha256: e.sha256, kodierung: e.kodierung, trennzeichen: e.trennzeichen })),
    kennzahlen: b.kennzahlen.map(kennzahl),
    gruppen: b.gruppen.map((g) => ({ gruppe: g.gruppe, kennzahlen: g.kennzahlen.map(kennzahl) })),
    ziele_jahr: b.ziele?.jahr ?? null,
    ziele: (b.ziele?.ergebnisse ?? []).map(ziel),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
