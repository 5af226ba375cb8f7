// The § 48a report as a document: the fifteen indicators with the same month a year earlier and
// the year-to-date values, the groups side by side, the targets with their status, every `x`
// explained, and (in HTML) a chart per indicator and target.

import { monatTeile } from '../core/kalender.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { einheitVon, type Definition, type Einheit } from '../core/kennzahlen/definitionen.js';
import { januarVon, type KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import { zielRichtung, type Grenze, type ZielErgebnis, type ZielEinheit } from '../core/ziele/ziele.js';
import { gesperrt, hinweisText, jobcenterText, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import { zelle, zellText, type Block, type Dokument, type Grafik, type Zelle } from './dokument.js';
import { eingabenFuss } from './eingaben.js';
import { vergleichBloecke } from './vergleich.js';
import { kennzahlenSperre, vergleichSperre, type KennzahlenSperre } from './geheimhaltung.js';
import { GESAMT_UND_GESCHLECHT_NAMEN, gruppenName } from './gruppen.js';
import { FILTER_NAMEN, type KennzahlenBericht } from './kennzahlen-bericht.js';

export function mitEinheit(d: Darstellung, wert: number, einheit: Einheit | 'anzahl', stellen = 1): string {
  const { zahl, prozent } = texte(d);
  if (einheit === 'anzahl') return zahl(wert, Number.isInteger(wert) ? 0 : stellen);
  const text = prozent(wert, stellen);
  return einheit === 'veraenderung_prozent' && wert > 0 && text !== prozent(0, stellen) ? `+${text}` : text;
}

function grenzeText(d: Darstellung, g: Grenze, einheit: ZielEinheit, anteilig: number | null): string {
  const { L, zahl, prozent } = texte(d);
  // The target as agreed: 3,25 % must not read 3,3 % beside an Ist of 3,28 %.
  const stellen = (String(g.wert).split('.')[1] ?? '').length;
  const wert = (w: number) => (einheit === 'anzahl' ? zahl(w, stellen) : prozent(w, Math.max(1, stellen)));
  if (g.art === 'veraenderung') {
    const v = `${g.wert >= 0 ? '+' : ''}${prozent(g.wert, Math.max(1, stellen))}`;
    return einheit === 'veraenderung_prozent' ? L(`Veränderung ${v}`, `change ${v}`) : L(`${v} ggü. Vorjahr`, `${v} on previous year`);
  }
  const wort = g.art === 'mindestens' ? L('mindestens', 'at least') : L('höchstens', 'at most');
  const teil = anteilig !== null && anteilig < 12 ? L(` im Jahr (anteilig ${anteilig}/12)`, ` a year (pro rata ${anteilig}/12)`) : '';
  return `${wort} ${wert(g.wert)}${teil}`;
}

/**
 * A target's bound in words; an annual count summed over the months is compared pro rata with the
 * months up to t.
 */
export function vorgabeText(z: ZielErgebnis, t: number, d: Darstellung): string {
  const def = z.ziel;
  const anteilig = def.art === 'anzahl' && def.aggregation === 'summe' && def.grenze.art !== 'veraenderung' ? t - januarVon(t) + 1 : null;
  return grenzeText(d, def.grenze, z.einheit, anteilig);
}

export const ZIEL_STATUS: Record<ZielErgebnis['status'], [string, string]> = { erreicht: ['erreicht', 'met'], verfehlt: ['verfehlt', 'missed'], nicht_berechenbar: ['nicht berechenbar', 'not computable'] };

/** The title of a § 48a report in every format. */
export function kennzahlenTitel(b: KennzahlenBericht, d: Darstellung): string {
  const tx = texte(d);
  const jc = jobcenterText(b.jobcenter, d);
  return tx.L(`Kennzahlen nach § 48a SGB II · ${jc} · Berichtsmonat ${tx.monat(b.berichtsmonat)}`, `Indicators under § 48a SGB II · ${jc} · reporting month ${tx.monat(b.berichtsmonat)}`);
}

/** The months of the year-to-date values: `01/2017–06/2017`, or one month in January. */
export function jfwSpanne(t: number, d: Darstellung): string {
  const tx = texte(d);
  const jan = januarVon(t);
  return jan === t ? tx.monat(t) : `${tx.monat(jan)}–${tx.monat(t)}`;
}

/**
 * Why a value is `x`, per indicator and window and per target: what the report says under its
 * tables, the workbook on its sheet of notes. `bezug` names the value.
 */
export function kennzahlenHinweise(b: KennzahlenBericht, d: Darstellung): { bezug: string; text: string }[] {
  const tx = texte(d);
  const { L } = tx;
  const t = b.berichtsmonat;
  const jahr = monatTeile(t).jahr;
  const aus: { bezug: string; text: string }[] = [];
  for (const k of b.kennzahlen) {
    const teile: [string, Berechnung][] = [[tx.monat(t), k.monat], [tx.monat(t - 12), k.vorjahr], [`${L('JFW', 'YTD')} ${jahr}`, k.jfw], [`${L('JFW', 'YTD')} ${jahr - 1}`, k.jfwVorjahr]];
    for (const [wo, be] of teile) {
      const h = hinweisText(be.hinweis, d);
      if (h) aus.push({ bezug: `${k.definition.id} (${wo})`, text: h });
    }
  }
  for (const z of b.ziele?.ergebnisse ?? []) {
    const h = hinweisText(z.hinweis, d);
    if (h) aus.push({ bezug: `${L('Ziel', 'Target')} ${zielLabel(z, d)}`, text: h });
  }
  return aus;
}

/** What `*` means in a § 48a report: its values are computed from counts, not counts themselves. */
export const kennzahlenSperrText = (unter: number, d: Darstellung): string =>
  texte(d).L(
    `gesperrt: beruht auf einer Zahl unter ${unter} oder auf einer mitgesperrten, ohne die sich eine solche aus Summen und Differenzen errechnen ließe (--suppress-below)`,
    `suppressed: based on a count below ${unter}, or on one suppressed as well because without it such a count could be worked out from sums and differences (--suppress-below)`,
  );

/** How the targets' projection and December Soll are meant. */
export const zieleErklaerung = (jahr: number, d: Darstellung): string => {
  const { L } = texte(d);
  return (
    L('Hochrechnung: der Vorjahreswert für Januar–Dezember, skaliert mit dem Verhältnis Ist / Vorjahr. ', 'Projection: the previous year’s January–December value scaled by actual / previous year. ') +
    L(`Soll Dez.: das Soll für Januar–Dezember ${jahr}. `, `Target Dec.: the target for January–December ${jahr}. `) +
    L('Pp = Prozentpunkte.', 'pp = percentage points.')
  );
};

export function zielLabel(z: ZielErgebnis, d: Darstellung): string {
  const def = z.ziel;
  return def.art === 'kennzahl' ? `${def.kennzahl}${def.filter ? ` ${texte(d).L(...FILTER_NAMEN[def.filter])}` : ''}` : def.id;
}

/**
 * A target's numbers as its table row and its chart show them: `*` where disclosure control hides
 * them, `x` where not computable.
 */
function zielZellen(z: ZielErgebnis, d: Darstellung, sperre: KennzahlenSperre): Record<'ist' | 'vorjahr' | 'soll' | 'sollDezember' | 'hochrechnung', Zelle> {
  const gesperrt = sperre.ziel(z);
  // Counts with a decimal where they have one (a share of the year), the projection whole; quotas to two.
  const text = (w: number | null, anzahlStellen = 1): Zelle =>
    gesperrt ? zelle('*', 'gesperrt') : w === null ? zelle('x', 'x') : mitEinheit(d, w, z.einheit, z.einheit === 'anzahl' ? anzahlStellen : 2);
  return { ist: text(z.ist), vorjahr: text(z.vorjahr), soll: text(z.soll), sollDezember: text(z.sollDezember), hochrechnung: text(z.hochrechnung, 0) };
}

export function kennzahlenDokument(b: KennzahlenBericht, d: Darstellung, mitGrafiken = false): Dokument {
  const tx = texte(d);
  const { L } = tx;
  const t = b.berichtsmonat;
  const jahr = monatTeile(t).jahr;
  const name = (def: Definition) => (tx.en ? def.kurzEn : def.kurz);
  const x = zelle('x', 'x');
  const bloecke: Block[] = [];
  const sperre = kennzahlenSperre(b, d);

  const titel = kennzahlenTitel(b, d);
  const jfw = jfwSpanne(t, d);
  bloecke.push({ art: 'titel', text: titel, demo: b.demo });
  bloecke.push({ art: 'text', text: L(`Datenstand ${tx.datum(b.datenstand)} · Jahresfortschrittswerte (JFW) ${jfw}`, `Data as of ${tx.datum(b.datenstand)} · year-to-date values (YTD) ${jfw}`) });
  bloecke.push(...stempelBloecke(d));

  const wert = (gruppe: string, k: KennzahlWert, be: Berechnung, farbig = false): Zelle => {
    if (sperre.berechnung(gruppe, k.definition, be)) return zelle('*', 'gesperrt');
    if (be.wert === null) return x;
    const text = mitEinheit(d, be.wert, einheitVon(k.definition.formel));
    const vj = k.vorjahr.wert;
    if (!farbig || vj === null || k.definition.richtung === 'neutral' || be.wert === vj) return text;
    const besser = k.definition.richtung === 'hoch' ? be.wert > vj : be.wert < vj;
    return zelle(text, besser ? 'gut' : 'schlecht');
  };
  const anzahl = (w: number) => tx.zahl(w, Number.isInteger(w) ? 0 : 1);
  const bruch = (k: KennzahlWert): Zelle =>
    k.monat.zaehler === null || k.monat.nenner === null || sperre.berechnung('gesamt', k.definition, k.monat) ? '' : zelle(`${anzahl(k.monat.zaehler)} / ${anzahl(k.monat.nenner)}`, 'leise');
  const vorjahrsmonat = tx.monat(t - 12);
  bloecke.push({
    art: 'tabelle',
    kopf: ['', L('Kennzahl', 'Indicator'), tx.monat(t), vorjahrsmonat, `${L('JFW', 'YTD')} ${jahr}`, `${L('JFW', 'YTD')} ${jahr - 1}`, L('Zähler / Nenner', 'Numerator / denominator')],
    zeilen: b.kennzahlen.map((k) => [k.definition.id, name(k.definition), wert('gesamt', k, k.monat, true), wert('gesamt', k, k.vorjahr), wert('gesamt', k, k.jfw), wert('gesamt', k, k.jfwVorjahr), bruch(k)]),
    links: 2,
  });
  bloecke.push({
    art: 'text',
    leise: true,
    text: L(
      `Grün/rot: besser/schlechter als ${vorjahrsmonat} in der Richtung, die die Kennzahl als gut ansieht. Veränderungen gegenüber dem Vorjahresmonat bzw. dem Vorjahreszeitraum.`,
      `Green/red: better/worse than ${vorjahrsmonat} in the direction the indicator counts as good. Changes against the same month or period of the previous year.`,
    ),
  });

  if (b.gruppen.length) {
    bloecke.push({ art: 'abschnitt', text: L(`Nach Geschlecht, ${tx.monat(t)}`, `By sex, ${tx.monat(t)}`) });
    const spalten = [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen];
    bloecke.push({
      art: 'tabelle',
      kopf: ['', L('Kennzahl', 'Indicator'), ...spalten.map((g) => gruppenName(GESAMT_UND_GESCHLECHT_NAMEN, g.gruppe, L))],
      zeilen: b.kennzahlen.map((k, i) => [k.definition.id, name(k.definition), ...spalten.map((g) => wert(g.gruppe, g.kennzahlen[i], g.kennzahlen[i].monat))]),
      links: 2,
    });
  }

  const legende: string[] = [];
  if (b.ziele) {
    bloecke.push({ art: 'abschnitt', text: L(`Ziele ${b.ziele.jahr} · Ist = Jahresfortschrittswert ${jfw}, Vorjahr = derselbe Zeitraum ${jahr - 1}`, `Targets ${b.ziele.jahr} · actual = year-to-date value ${jfw}, previous year = same period ${jahr - 1}`) });
    const zeilen = b.ziele.ergebnisse.map((z): Zelle[] => {
      const def = z.ziel;
      const label = zielLabel(z, d);
      if (def.name !== label) legende.push(`${label}: ${def.name}`);
      const zahlen = zielZellen(z, d, sperre);
      const relativ = z.abweichungProzent === null || z.einheit === 'veraenderung_prozent' ? '' : ` (${z.abweichungProzent >= 0 ? '+' : ''}${tx.zahl(z.abweichungProzent, 1)} %)`;
      const p = z.abweichungPunkte;
      const abw: Zelle = sperre.ziel(z) ? zelle('*', 'gesperrt') : p === null ? x : `${p >= 0 ? '+' : ''}${tx.zahl(p, Number.isInteger(p) ? 0 : 2)}${z.einheit === 'anzahl' ? '' : L(' Pp', ' pp')}${relativ}`;
      const st = zelle(L(...ZIEL_STATUS[z.status]), z.status === 'erreicht' ? 'erreicht' : z.status === 'verfehlt' ? 'verfehlt' : 'offen');
      return [label, vorgabeText(z, t, d), zahlen.ist, zahlen.vorjahr, zahlen.soll, abw, st, zahlen.hochrechnung, zahlen.sollDezember];
    });
    // The projection to December stands beside the December Soll, as in the target charts, not
    // beside today's Soll alone, which would compare a year with half of it.
    const kopf = [L('Ziel', 'Target'), L('Vorgabe', 'Bound'), L('Ist', 'Actual'), L('Vorjahr', 'Prev. year'), L('Soll', 'Target value'), L('Abweichung', 'Deviation'), 'Status', L('Hochrechnung Dez.', 'Projection Dec.'), L('Soll Dez.', 'Target Dec.')];
    bloecke.push({ art: 'tabelle', kopf, zeilen, links: 2 });
    bloecke.push({ art: 'text', leise: true, text: zieleErklaerung(jahr, d) });
    if (legende.length) bloecke.push({ art: 'notizen', titel: L('Ziele im Wortlaut:', 'Targets in full:'), punkte: legende });
  }

  const fussnoten = kennzahlenHinweise(b, d).map((h) => `${h.bezug}: ${h.text}`);
  if (d.unter !== null) fussnoten.push(`* = ${kennzahlenSperrText(d.unter, d)}`);
  if (fussnoten.length) bloecke.push({ art: 'notizen', titel: L('x = nicht berechenbar, und Hinweise:', 'x = not computable, and notes:'), punkte: fussnoten });

  if (mitGrafiken) bloecke.push({ art: 'grafiken', grafiken: grafiken(b, d, sperre) });
  if (b.vergleich) bloecke.push({ art: 'abschnitt', text: L('Vergleich', 'Comparison') }, ...vergleichBloecke(b.vergleich, d, vergleichSperre(b.vergleich, d, b)));
  bloecke.push(eingabenFuss(b.eingaben, d));
  return { sprache: d.sprache, titel, bloecke };
}

function grafiken(b: KennzahlenBericht, d: Darstellung, sperre: KennzahlenSperre): Grafik[] {
  const tx = texte(d);
  const { L } = tx;
  const t = b.berichtsmonat;
  const daten = b.grafikdaten();
  const monate = Array.from({ length: t - daten.verlauf.von + 1 }, (_, i) => tx.monat(daten.verlauf.von + i));
  const januare = monate.map((_, i) => i).filter((i) => (daten.verlauf.von + i) % 12 === 0);
  const jan = januarVon(t);
  const ergebnisse = b.ziele?.ergebnisse ?? [];
  const definition = ({ ziel }: ZielErgebnis) => (ziel.art === 'kennzahl' ? b.kennzahlen.find((k) => k.definition.id === ziel.kennzahl)?.definition : undefined);
  // Per target, Ist and Soll of January … t as the charts show them. The last point is the Ist (and
  // Soll) of the table: hidden there, hidden here.
  const zielReihen = ergebnisse.map((z, i) => {
    const verlauf = daten.zielVerlauf[i];
    const einzeln = z.einheit === 'anzahl' && d.unter !== null;
    const letzter = verlauf.ist.length - 1;
    return {
      ist: verlauf.ist.map((w, j) => ((einzeln && gesperrt(d, w)) || (j === letzter && sperre.ziel(z)) ? null : w)),
      soll: verlauf.soll.map((w, j) => (j === letzter && sperre.soll(z) ? null : w)),
    };
  });
  // The Soll line with its label (the latest value it shows), the direction that meets it, and the
  // December projection beside the December Soll.
  const sollTeile = (z: ZielErgebnis, werte: (number | null)[]): Pick<Grafik, 'soll' | 'richtung' | 'notiz'> => {
    const zuletzt = [...werte].reverse().find((w): w is number => w !== null);
    const zahlen = zielZellen(z, d, sperre);
    return {
      soll: { name: L('Soll', 'target'), beschriftung: `${L('Soll', 'target')} ${zuletzt === undefined ? '' : mitEinheit(d, zuletzt, z.einheit, z.einheit === 'anzahl' ? 1 : 2)}`.trim(), werte },
      richtung: zielRichtung(z.ziel, definition(z)),
      notiz: `${L('Hochrechnung Dez.', 'Projection Dec.')} ${zellText(zahlen.hochrechnung)} · ${L('Soll Dez.', 'Target Dec.')} ${zellText(zahlen.sollDezember)}`,
    };
  };
  const aus: Grafik[] = [];
  for (const k of b.kennzahlen) {
    const v = daten.verlauf.kennzahlen.get(k.definition.id);
    if (!v) continue;
    const werte = (reihe: Berechnung[]) => reihe.map((be) => (sperre.berechnung('gesamt', k.definition, be) ? null : be.wert));
    // An unfiltered target on this indicator: its Soll over the months of its year, against the
    // year-to-date line.
    const zi = ergebnisse.findIndex((z) => z.ziel.art === 'kennzahl' && z.ziel.kennzahl === k.definition.id && !z.ziel.filter && z.soll !== null && !sperre.soll(z));
    const soll = zi < 0 ? [] : monate.map((_, i) => (daten.verlauf.von + i >= jan ? zielReihen[zi].soll[daten.verlauf.von + i - jan] : null));
    aus.push({
      titel: `${k.definition.id} ${tx.en ? k.definition.kurzEn : k.definition.kurz}`,
      monate,
      reihen: [
        { name: L('Monatswert', 'monthly value'), werte: werte(v.monat), art: 'linie' },
        { name: L('Jahresfortschritt', 'year to date'), werte: werte(v.jfw), art: 'gestrichelt', neuAb: januare },
      ],
      ...(zi < 0 ? { richtung: k.definition.richtung } : sollTeile(ergebnisse[zi], soll)),
      einheit: '%',
      stellen: 1,
    });
  }
  // Each target against its Soll over the months of the year.
  const zielMonate = Array.from({ length: t - jan + 1 }, (_, i) => tx.monat(jan + i));
  ergebnisse.forEach((z, i) => {
    aus.push({
      titel: `${L('Ziel', 'Target')} ${zielLabel(z, d)}`,
      monate: zielMonate,
      reihen: [{ name: L('Ist (JFW)', 'actual (YTD)'), werte: zielReihen[i].ist, art: 'linie' }],
      ...sollTeile(z, zielReihen[i].soll),
      einheit: z.einheit === 'anzahl' ? '' : '%',
      stellen: z.einheit === 'anzahl' ? 1 : 2,
    });
  });
  return aus;
}
