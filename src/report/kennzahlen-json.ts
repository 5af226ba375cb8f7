// `kennzahlen report --format json`: schema "kennzahlen-report/1" (docs/vertrag.md §6). Every value comes
// rounded for display (`wert`) and exact (`wert_exakt`), with numerator, denominator and windows.
// A value suppressed by `--suppress-below` is "*", its numerator and denominator too.

import { isoMonat } from '../core/kalender.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { einheitVon, type Definition } from '../core/kennzahlen/definitionen.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import { darstellungJson, hinweisText, type Darstellung } from './darstellung.js';
import { eingabeJson } from './eingaben.js';
import { kennzahlenSperre, vergleichSperre, type KennzahlenSperre } from './geheimhaltung.js';
import type { KennzahlenBericht } from './kennzahlen-bericht.js';
import { zielLabel } from './kennzahlen-dokument.js';
import { csvDokument, quote, textZelle } from './csv.js';
import { demoHinweis } from './dokument.js';
import { csvZahl, runde } from './zahlen.js';
import { vergleichCsvZeilen, vergleichTeil } from './vergleich.js';

export const REPORT_SCHEMA = 'kennzahlen-report/1';

const r1 = (w: number | null) => (w === null ? null : runde(w, 1));

/** A suppressed value, typed as the one text the other formats tell from a number. */
const GESPERRT = '*' as const;

function berechnung(s: KennzahlenSperre, gruppe: string, def: Definition, b: Berechnung) {
  const fenster = { zaehler: b.fenster.zaehler.map(isoMonat), nenner: b.fenster.nenner.map(isoMonat) };
  if (s.berechnung(gruppe, def, b)) return { wert: GESPERRT, wert_exakt: GESPERRT, zaehler: GESPERRT, nenner: GESPERRT, fenster };
  return { wert: r1(b.wert), wert_exakt: b.wert, zaehler: b.zaehler, nenner: b.nenner, fenster };
}

/** An indicator of a group as JSON prints it, suppressed values as `*`; the CSV and the workbook take their values from here. */
export function kennzahlEintrag(s: KennzahlenSperre, gruppe: string, k: KennzahlWert, d: Darstellung) {
  const def = k.definition;
  const vorjahr = s.berechnung(gruppe, def, k.vorjahr) ? GESPERRT : k.vorjahr.wert;
  const jfwVorjahr = s.berechnung(gruppe, def, k.jfwVorjahr) ? GESPERRT : k.jfwVorjahr.wert;
  return {
    id: def.id,
    name: d.sprache === 'en' ? def.nameEn : def.name,
    einheit: einheitVon(def.formel),
    richtung: def.richtung,
    ...berechnung(s, gruppe, def, k.monat),
    vorjahr: typeof vorjahr === 'number' ? r1(vorjahr) : vorjahr,
    vorjahr_exakt: vorjahr,
    jahresfortschritt: { ...berechnung(s, gruppe, def, k.jfw), vorjahr: typeof jfwVorjahr === 'number' ? r1(jfwVorjahr) : jfwVorjahr, vorjahr_exakt: jfwVorjahr },
    status: k.monat.wert === null ? 'nicht_berechenbar' : 'berechnet',
    hinweis: hinweisText(k.monat.hinweis, d),
  };
}

/** A target as JSON prints it, suppressed values as `*`; the CSV and the workbook take their values from here. */
export function zielEintrag(s: KennzahlenSperre, z: ZielErgebnis, d: Darstellung) {
  const def = z.ziel;
  const sperre = s.ziel(z);
  const zahl = (w: number | null) => (sperre ? GESPERRT : w);
  return {
    id: def.id,
    name: def.name,
    bezeichnung: zielLabel(z, d),
    ...(def.art === 'kennzahl' ? { kennzahl: def.kennzahl, filter: def.filter } : def.art === 'quote' ? { zaehler: def.zaehler, nenner: def.nenner, aggregation: def.aggregation } : { wert: def.wert, aggregation: def.aggregation }),
    grenze: { [def.grenze.art]: def.grenze.wert },
    einheit: z.einheit,
    ist: zahl(z.ist),
    vorjahr: zahl(z.vorjahr),
    soll: s.soll(z) ? GESPERRT : z.soll,
    abweichung_punkte: zahl(z.abweichungPunkte),
    abweichung_prozent: zahl(z.abweichungProzent),
    status: z.status,
    hochrechnung: zahl(z.hochrechnung),
    // The Soll for the whole year, which the projection is measured against.
    soll_dezember: s.soll(z) ? GESPERRT : z.sollDezember,
    hinweis: hinweisText(z.hinweis, d),
  };
}

export function kennzahlenJson(b: KennzahlenBericht, d: Darstellung): string {
  const s = kennzahlenSperre(b, d);
  const doc = {
    schema: REPORT_SCHEMA,
    demo: b.demo,
    jobcenter: b.jobcenter,
    berichtsmonat: isoMonat(b.berichtsmonat),
    datenstand: b.datenstand,
    ...darstellungJson(d),
    eingaben: b.eingaben.map(eingabeJson),
    kennzahlen: b.kennzahlen.map((k) => kennzahlEintrag(s, 'gesamt', k, d)),
    gruppen: b.gruppen.map((g) => ({ gruppe: g.gruppe, kennzahlen: g.kennzahlen.map((k) => kennzahlEintrag(s, g.gruppe, k, d)) })),
    ziele_jahr: b.ziele?.jahr ?? null,
    ziele: (b.ziele?.ergebnisse ?? []).map((z) => zielEintrag(s, z, d)),
    // Only with peers given, so that every other report stays as it was.
    ...(b.vergleich ? { vergleich: vergleichTeil(b.vergleich, d, vergleichSperre(b.vergleich, d, b)) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The report as one CSV table for Excel: what it is about (Berichtsmonat, Jobcenter, Datenstand),
 * a row per indicator (and group), a row per target, and the inputs with their checksums. The
 * column `bereich` tells the kinds of rows apart.
 */
export function kennzahlenCsv(b: KennzahlenBericht, d: Darstellung): string {
  const s = kennzahlenSperre(b, d);
  const n = (w: number | string | null) => (w === null ? 'x' : typeof w === 'string' ? quote(w) : csvZahl(w));
  const frei = (k: number) => Array<string>(k).fill('');
  const zeilen: string[][] = [];
  const bericht = (id: string, wert: string) => zeilen.push(['bericht', id, textZelle(wert), ...frei(13)]);
  bericht('berichtsmonat', isoMonat(b.berichtsmonat));
  bericht('jobcenter', b.jobcenter ?? '');
  bericht('datenstand', b.datenstand);
  if (b.demo) bericht('demo', demoHinweis(d.sprache));
  if (d.stempel) bericht('erstellt', d.stempel);
  if (d.unter !== null) bericht('gesperrt_unter', String(d.unter));
  for (const g of [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen]) {
    for (const k of g.kennzahlen) {
      const j = kennzahlEintrag(s, g.gruppe, k, d);
      zeilen.push(['kennzahl', j.id, textZelle(j.name), textZelle(g.gruppe), j.einheit, n(j.wert_exakt), n(j.vorjahr_exakt), n(j.jahresfortschritt.wert_exakt), n(j.jahresfortschritt.vorjahr_exakt), n(j.zaehler), n(j.nenner), '', j.status, '', textZelle(j.hinweis ?? ''), '']);
    }
  }
  for (const z of b.ziele?.ergebnisse ?? []) {
    const j = zielEintrag(s, z, d);
    zeilen.push(['ziel', textZelle(j.id), textZelle(j.name), 'gesamt', j.einheit, n(j.ist), n(j.vorjahr), '', '', '', '', n(j.soll), j.status, n(j.hochrechnung), textZelle(j.hinweis ?? ''), n(j.soll_dezember)]);
  }
  if (b.vergleich) zeilen.push(...vergleichCsvZeilen(b.vergleich, d, vergleichSperre(b.vergleich, d, b)));
  for (const e of b.eingaben) zeilen.push(['eingabe', e.rolle, textZelle(e.datei), '', e.trennzeichen === null ? 'eintraege' : 'zeilen', String(e.zeilen), ...frei(8), `SHA-256 ${e.sha256}`, '']);
  const kopf = ['bereich', 'id', 'name', 'gruppe', 'einheit', 'wert', 'vorjahr', 'jfw', 'jfw_vorjahr', 'zaehler', 'nenner', 'soll', 'status', 'hochrechnung', 'hinweis', 'soll_dezember'];
  return csvDokument(kopf, zeilen);
}
