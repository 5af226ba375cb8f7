// `kennzahlen report --format table`: the fifteen indicators with the same month a year earlier and
// the year-to-date values, the groups side by side, the targets with their status, and every `x`
// explained below.

import type { ChalkInstance } from 'chalk';
import { deutscherMonat, monatTeile } from '../core/kalender.js';
import { einheitVon } from '../core/kennzahlen/definitionen.js';
import { januarVon, type KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { ZielErgebnis } from '../core/ziele/ziele.js';
import { eingabeZeile } from './eingaben.js';
import { FILTER_NAMEN, grenzeText, GRUPPEN_NAMEN, mitEinheit, monatsspanne, type KennzahlenBericht } from './kennzahlen-bericht.js';
import { tabelle } from './tabelle.js';
import { deZahl } from './zahlen.js';

/** `2017-12-31` → `31.12.2017`, `2017-12` → `12/2017`. */
function deutschesDatum(iso: string): string {
  const [j, m, t] = iso.split('-');
  return t ? `${t}.${m}.${j}` : `${m}/${j}`;
}

const STATUS: Record<ZielErgebnis['status'], string> = { erreicht: 'erreicht', verfehlt: 'verfehlt', nicht_berechenbar: 'nicht berechenbar' };

export function kennzahlenTabelle(b: KennzahlenBericht, farbe: ChalkInstance): string {
  const x = farbe.dim('x');
  const t = b.berichtsmonat;
  const jan = januarVon(t);
  const aus: string[] = [];
  const jc = b.jobcenter ? `Jobcenter ${b.jobcenter}` : 'Jobcenter (nicht angegeben)';
  if (b.demo) aus.push(farbe.inverse(' DEMO ') + farbe.dim(' synthetische Beispieldaten, keine echten Zahlen'));
  aus.push(farbe.bold(`Kennzahlen nach § 48a SGB II · ${jc} · Berichtsmonat ${deutscherMonat(t)}`));
  aus.push(`Datenstand ${deutschesDatum(b.datenstand)} · Jahresfortschrittswerte (JFW) ${monatsspanne(jan, t)}`);
  aus.push('');

  const wert = (k: KennzahlWert, w: number | null, farbig = false) => {
    if (w === null) return x;
    const text = mitEinheit(w, einheitVon(k.definition.formel));
    const vj = k.vorjahr.wert;
    if (!farbig || vj === null || k.definition.richtung === 'neutral' || w === vj) return text;
    const besser = k.definition.richtung === 'hoch' ? w > vj : w < vj;
    return besser ? farbe.green(text) : farbe.red(text);
  };
  const anzahl = (w: number) => deZahl(w, Number.isInteger(w) ? 0 : 1);
  const bruch = (k: KennzahlWert) => (k.monat.zaehler === null || k.monat.nenner === null ? '' : `${anzahl(k.monat.zaehler)} / ${anzahl(k.monat.nenner)}`);
  const vorjahrsmonat = deutscherMonat(t - 12);
  aus.push(
    tabelle(
      ['', 'Kennzahl', deutscherMonat(t), vorjahrsmonat, `JFW ${monatTeile(t).jahr}`, `JFW ${monatTeile(t).jahr - 1}`, 'Zähler / Nenner'],
      b.kennzahlen.map((k) => [k.definition.id, k.definition.kurz, wert(k, k.monat.wert, true), wert(k, k.vorjahr.wert), wert(k, k.jfw.wert), wert(k, k.jfwVorjahr.wert), farbe.dim(bruch(k))]),
      farbe,
      2,
    ),
  );
  aus.push(farbe.dim(`Grün/rot: besser/schlechter als ${vorjahrsmonat} in der Richtung, die die Kennzahl als gut ansieht. Veränderungen gegenüber dem Vorjahresmonat bzw. dem Vorjahreszeitraum.`));

  if (b.gruppen.length) {
    aus.push('');
    aus.push(farbe.bold(`Nach Geschlecht, ${deutscherMonat(t)}`));
    const spalten = [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen];
    aus.push(
      tabelle(
        ['', 'Kennzahl', ...spalten.map((g) => GRUPPEN_NAMEN[g.gruppe] ?? g.gruppe)],
        b.kennzahlen.map((k, i) => [k.definition.id, k.definition.kurz, ...spalten.map((g) => wert(g.kennzahlen[i], g.kennzahlen[i].monat.wert))]),
        farbe,
        2,
      ),
    );
  }

  const legende: string[] = [];
  if (b.ziele) {
    aus.push('');
    aus.push(farbe.bold(`Ziele ${b.ziele.jahr} · Ist = Jahresfortschrittswert ${monatsspanne(jan, t)}, Vorjahr = derselbe Zeitraum ${monatTeile(t).jahr - 1}`));
    const zeilen = b.ziele.ergebnisse.map((z) => {
      const d = z.ziel;
      const anteilig = d.art === 'anzahl' && d.aggregation === 'summe' && d.grenze.art !== 'veraenderung' ? t - jan + 1 : null;
      const label = d.art === 'kennzahl' ? `${d.kennzahl}${d.filter ? ` ${FILTER_NAMEN[d.filter]}` : ''}` : d.id;
      if (d.name !== label) legende.push(`  ${label}: ${d.name}`);
      const stellen = z.einheit === 'anzahl' ? 0 : 2;
      const zahl = (w: number | null) => (w === null ? x : z.einheit === 'anzahl' ? deZahl(w, Number.isInteger(w) ? 0 : 1) : mitEinheit(w, z.einheit, 2));
      const relativ = z.abweichungProzent === null || z.einheit === 'veraenderung_prozent' ? '' : ` (${z.abweichungProzent >= 0 ? '+' : ''}${deZahl(z.abweichungProzent, 1)} %)`;
      const abw = z.abweichungPunkte === null ? x : `${z.abweichungPunkte >= 0 ? '+' : ''}${deZahl(z.abweichungPunkte, Number.isInteger(z.abweichungPunkte) ? 0 : stellen || 1)}${z.einheit === 'anzahl' ? '' : ' Pp'}${relativ}`;
      const status = z.status === 'erreicht' ? farbe.green(STATUS[z.status]) : z.status === 'verfehlt' ? farbe.red.bold(STATUS[z.status]) : farbe.dim(STATUS[z.status]);
      const hochrechnung = z.hochrechnung === null ? x : z.einheit === 'anzahl' ? deZahl(z.hochrechnung, 0) : mitEinheit(z.hochrechnung, z.einheit, 2);
      return [label, grenzeText(d.grenze, z.einheit, anteilig), zahl(z.ist), zahl(z.vorjahr), zahl(z.soll), abw, status, hochrechnung];
    });
    aus.push(tabelle(['Ziel', 'Vorgabe', 'Ist', 'Vorjahr', 'Soll', 'Abweichung', 'Status', 'Hochrechnung Dez.'], zeilen, farbe, 2));
    aus.push(farbe.dim('Hochrechnung: der Vorjahreswert für Januar–Dezember, skaliert mit dem Verhältnis Ist / Vorjahr. Pp = Prozentpunkte.'));
    aus.push(...legende.map((l) => farbe.dim(l)));
  }

  const fussnoten: string[] = [];
  const jahr = monatTeile(t).jahr;
  for (const k of b.kennzahlen) {
    const teile: [string, string | null][] = [[deutscherMonat(t), k.monat.hinweis], [vorjahrsmonat, k.vorjahr.hinweis], [`JFW ${jahr}`, k.jfw.hinweis], [`JFW ${jahr - 1}`, k.jfwVorjahr.hinweis]];
    for (const [wo, hinweis] of teile) if (hinweis) fussnoten.push(`  ${k.definition.id} (${wo}): ${hinweis}`);
  }
  for (const z of b.ziele?.ergebnisse ?? []) if (z.hinweis) fussnoten.push(`  Ziel ${z.ziel.id}: ${z.hinweis}`);
  if (fussnoten.length) {
    aus.push('');
    aus.push(`${x} = nicht berechenbar, und Hinweise:`);
    aus.push(...fussnoten);
  }

  aus.push('');
  for (const e of b.eingaben) aus.push(farbe.dim(eingabeZeile(e)));
  return aus.join('\n') + '\n';
}
