// A document as one self-contained HTML file: inline CSS, inline SVG charts, no script, no network.
// It reads without JavaScript and prints on A4.

import { deZahl, enZahl } from './zahlen.js';
import { demoHinweis, zellText, type Block, type Dokument, type Grafik, type Streifen, type Zelle } from './dokument.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ESC[c]);
/** Words that stand as a paragraph of their own, such as the demo note, read as a sentence. */
const satz = (t: string) => `${t[0].toUpperCase()}${t.slice(1)}.`;

const FARBEN = ['#1f5aa6', '#d97706', '#4b5563', '#059669'];

/** The renderer's own words around a chart; the document names the series and the Soll. */
const WORTE: Record<Dokument['sprache'], { hoch: string; runter: string; neutral: string; erreicht: string; leer: string }> = {
  de: { hoch: '↑ höher ist besser', runter: '↓ niedriger ist besser', neutral: 'neutral: keine Richtung gilt als besser', erreicht: 'Soll erreicht', leer: 'keine berechenbaren Werte' },
  en: { hoch: '↑ higher is better', runter: '↓ lower is better', neutral: 'neutral: no direction counts as better', erreicht: 'target met', leer: 'no computable values' },
};

/**
 * The width of a text in em, by the glyph widths of DejaVu Sans (Debian's sans-serif, and wider than
 * most others) in a few classes, each within a few hundredths of an em of its glyphs: where the page
 * cannot be measured, a label or a column is sized by it.
 */
const GLYPHEN: [RegExp, number][] = [
  [/[ .,:;'|!ilj·IJ]/, 0.31],
  [/[()[\]\-/ftr*]/, 0.38],
  [/[cksvxyz_–]/, 0.57],
  [/[mwMW%+≥@]/, 0.92],
  [/[A-ZÄÖÜ]/, 0.72],
];
export function textBreiteEm(text: string): number {
  let em = 0;
  for (const c of text) em += GLYPHEN.find(([muster]) => muster.test(c))?.[1] ?? 0.64;
  return em;
}
/** A chart's viewBox. Two charts side by side in the A4 column (or at 1280 px) are about this wide in CSS px, so a unit stays about a pixel. */
const B = 340, H = 190;
/** Axis labels in viewBox units: about 12 px on the page. */
const SCHRIFT = 12;
const textBreite = (t: string) => textBreiteEm(t) * SCHRIFT;

export interface Achse {
  lo: number;
  hi: number;
  ticks: number[];
  /** Decimals that tell the ticks apart: those of the step. */
  stellen: number;
}

/**
 * A y axis over min … max in steps of 1, 2 or 5 times a power of ten, about four of them, widened
 * to whole steps: so there are always three ticks or more, and each reads differently at the
 * step's decimals (a step of 0.05 needs two: 3,35 % is not 3,4 %).
 */
export function achse(min: number, max: number): Achse {
  if (max - min <= 1e-9 * Math.max(1, Math.abs(max))) {
    // A tenth of the value either side, and no less than the precision any chart shows.
    const rand = Math.max(Math.abs(max) * 0.1, 1e-6);
    min -= rand;
    max += rand;
  }
  const roh = (max - min) / 4;
  const e = Math.floor(Math.log10(roh));
  const [f, x] = ([[1, e], [2, e], [5, e], [1, e + 1]] as const).find(([f, x]) => f * 10 ** x >= roh * (1 - 1e-12)) ?? [1, e + 1];
  const schritt = f * 10 ** x;
  const stellen = Math.max(0, -x);
  const von = Math.floor(min / schritt + 1e-9), bis = Math.ceil(max / schritt - 1e-9);
  const ticks = Array.from({ length: bis - von + 1 }, (_, k) => Number(((von + k) * schritt).toFixed(stellen)));
  return { lo: ticks[0], hi: ticks[ticks.length - 1], ticks, stellen };
}

/** Runs of consecutive indexes whose value is not null. */
function laeufe(werte: (number | null)[]): [number, number][] {
  const aus: [number, number][] = [];
  werte.forEach((w, i) => {
    if (w === null) return;
    const letzter = aus[aus.length - 1];
    if (letzter && letzter[1] === i - 1) letzter[1] = i;
    else aus.push([i, i]);
  });
  return aus;
}

/**
 * A line chart: one path per series (broken where a month is not computable), each point with its
 * value as a tooltip, the Soll as a dashed dark line and the side of it that meets the target
 * shaded green. Title, direction and legend are HTML around it, so they wrap and print like text.
 */
export function svgGrafik(g: Grafik, sprache: Dokument['sprache']): string {
  const zahl = sprache === 'en' ? enZahl : deZahl;
  const text = (v: number, stellen: number) => `${zahl(v, stellen)}${g.einheit ? ` ${g.einheit}` : ''}`;
  const soll = g.soll?.werte ?? [];
  const werte = [...g.reihen.flatMap((r) => r.werte), ...soll].filter((w): w is number => w !== null);
  const kopf = `<svg viewBox="0 0 ${B} ${H}" role="img" aria-label="${esc(g.titel)}"><title>${esc(g.titel)}</title>`;
  if (!werte.length) return `${kopf}<text x="${B / 2}" y="${H / 2}" text-anchor="middle" class="leise">${esc(WORTE[sprache].leer)}</text></svg>`;
  let [min, max] = [Math.min(...werte), Math.max(...werte)];
  // Room beyond the Soll on the side that meets it, so that the shaded side shows also where the
  // Soll is the highest (or lowest) value of the chart.
  const sollWerte = soll.filter((w): w is number => w !== null);
  const raum = (max - min || Math.abs(max) || 1) * 0.1;
  if (sollWerte.length && g.richtung === 'hoch') max = Math.max(max, Math.max(...sollWerte) + raum);
  if (sollWerte.length && g.richtung === 'runter') min = Math.min(min, Math.min(...sollWerte) - raum);
  const a = achse(min, max);
  const tickTexte = a.ticks.map((t) => text(t, a.stellen));
  const n = g.monate.length;
  // Margins that hold the longest y label and half a month label at either end: no label is cut.
  const halberMonat = Math.max(...g.monate.map(textBreite)) / 2;
  const L = Math.ceil(Math.max(halberMonat, Math.max(...tickTexte.map(textBreite)) + 6) + 2), R = Math.ceil(halberMonat + 2), O = 18, U = 26;
  const dx = n > 1 ? (B - L - R) / (n - 1) : B - L - R;
  const x = (i: number) => (n === 1 ? (L + B - R) / 2 : L + i * dx);
  const y = (v: number) => O + ((a.hi - v) * (H - O - U)) / (a.hi - a.lo);
  const f = (v: number) => v.toFixed(1);
  const teile: string[] = [kopf];
  a.ticks.forEach((t, k) => {
    teile.push(`<line x1="${L}" x2="${B - R}" y1="${f(y(t))}" y2="${f(y(t))}" class="gitter"/>`);
    teile.push(`<text x="${L - 6}" y="${f(y(t) + 4)}" text-anchor="end" class="achse">${esc(tickTexte[k])}</text>`);
  });
  // Every k-th month counted back from the last (the Berichtsmonat, always labelled), k of 1, 2, 3,
  // 4, 6 or 12, so that neighbouring labels keep a gap.
  const abstand = 2 * halberMonat + 6;
  const jede = [1, 2, 3, 4, 6, 12].find((k) => k * dx >= abstand) ?? Math.ceil(abstand / dx);
  for (let i = n - 1; i >= 0; i -= jede) teile.push(`<text x="${f(x(i))}" y="${H - 6}" text-anchor="middle" class="achse">${esc(g.monate[i])}</text>`);

  if (g.soll) {
    // A single month of a run spans its share of the axis, so that it shows as a line and an area.
    const spanne = (i0: number, i1: number): [number, number] => (i0 < i1 ? [x(i0), x(i1)] : [Math.max(L, x(i0) - dx / 2), Math.min(B - R, x(i0) + dx / 2)]);
    const rand = g.richtung === 'hoch' ? O : g.richtung === 'runter' ? H - U : null;
    for (const [i0, i1] of laeufe(soll)) {
      const [links, rechts] = spanne(i0, i1);
      const punkte = i0 < i1 ? soll.slice(i0, i1 + 1).map((w, j) => `${f(x(i0 + j))} ${f(y(w!))}`) : [`${f(links)} ${f(y(soll[i0]!))}`, `${f(rechts)} ${f(y(soll[i0]!))}`];
      if (rand !== null) teile.push(`<path d="M${punkte.join(' L')} L${f(rechts)} ${rand} L${f(links)} ${rand} Z" class="erreicht"/>`);
      teile.push(`<path d="M${punkte.join(' L')}" class="soll"/>`);
    }
    const letzter = soll.reduce<number | null>((l, w, i) => (w === null ? l : i), null);
    if (letzter !== null) teile.push(`<text x="${B - R}" y="${f(y(soll[letzter]!) - 5)}" text-anchor="end" class="soll-text">${esc(g.soll.beschriftung)}</text>`);
  }

  g.reihen.forEach((r, k) => {
    const d: string[] = [];
    let offen = false;
    r.werte.forEach((w, i) => {
      if (r.neuAb?.includes(i)) offen = false;
      if (w === null) return void (offen = false);
      d.push(`${offen ? 'L' : 'M'}${f(x(i))} ${f(y(w))}`);
      offen = true;
    });
    const farbe = FARBEN[k % FARBEN.length];
    if (d.length) teile.push(`<path d="${d.join(' ')}" fill="none" stroke="${farbe}" stroke-width="2"${r.art === 'gestrichelt' ? ' stroke-dasharray="5 3"' : ''}/>`);
    r.werte.forEach((w, i) => {
      if (w !== null) teile.push(`<circle cx="${f(x(i))}" cy="${f(y(w))}" r="2.2" fill="${farbe}"><title>${esc(`${r.name} ${g.monate[i]}: ${text(w, g.stellen)}`)}</title></circle>`);
    });
  });
  teile.push('</svg>');
  return teile.join('');
}

/** A chart with its title, the direction that is good, the legend and a note, as one figure. */
function figur(g: Grafik, sprache: Dokument['sprache']): string {
  const w = WORTE[sprache];
  const richtung = g.richtung ? ` <span class="richtung">${esc(w[g.richtung])}</span>` : '';
  const eintrag = (zeichen: string, name: string) => `<span class="eintrag">${zeichen}${esc(name)}</span>`;
  const legende = [
    ...g.reihen.map((r, k) => eintrag(`<i class="strich${r.art === 'gestrichelt' ? ' gestrichelt' : ''}" style="border-color:${FARBEN[k % FARBEN.length]}"></i>`, r.name)),
    ...(g.soll ? [eintrag('<i class="strich gestrichelt soll"></i>', g.soll.name)] : []),
    ...(g.soll && (g.richtung === 'hoch' || g.richtung === 'runter') ? [eintrag('<i class="flaeche"></i>', w.erreicht)] : []),
  ];
  return (
    `<figure><figcaption><span class="titel">${esc(g.titel)}</span>${richtung}</figcaption>${svgGrafik(g, sprache)}` +
    `<p class="legende">${legende.join('')}</p>${g.notiz ? `<p class="notiz">${esc(g.notiz)}</p>` : ''}</figure>`
  );
}

/** A strip plot's viewBox: one row of dots over an axis. */
const SB = 340, SH = 64;

/**
 * A strip plot: one dot per Jobcenter on the indicator's axis (each with its name and value as a
 * tooltip), the own one larger and coloured, the peers' median as a solid and the group's aggregate
 * as a dashed line. Title, direction and legend are HTML around it, as for the line charts.
 */
export function svgStreifen(s: Streifen, sprache: Dokument['sprache']): string {
  const zahl = sprache === 'en' ? enZahl : deZahl;
  const text = (v: number, stellen: number) => `${zahl(v, stellen)}${s.einheit ? ` ${s.einheit}` : ''}`;
  const kopf = `<svg viewBox="0 0 ${SB} ${SH}" role="img" aria-label="${esc(s.titel)}"><title>${esc(s.titel)}</title>`;
  const werte = [...s.punkte.map((p) => p.wert), ...(s.median === null ? [] : [s.median]), ...(s.aggregat === null ? [] : [s.aggregat])];
  if (!werte.length) return `${kopf}<text x="${SB / 2}" y="${SH / 2}" text-anchor="middle" class="leise">${esc(WORTE[sprache].leer)}</text></svg>`;
  const a = achse(Math.min(...werte), Math.max(...werte));
  // Room for half of the outer ticks' labels, which are centred on them.
  const links = Math.max(8, textBreite(text(a.ticks[0], a.stellen)) / 2 + 2);
  const rechts = SB - Math.max(8, textBreite(text(a.ticks[a.ticks.length - 1], a.stellen)) / 2 + 2);
  const y = 22;
  const x = (v: number) => links + ((v - a.lo) / (a.hi - a.lo)) * (rechts - links);
  const teile = [kopf];
  for (const t of a.ticks) teile.push(`<line class="gitter" x1="${x(t).toFixed(1)}" y1="6" x2="${x(t).toFixed(1)}" y2="${y + 14}"/><text class="achse" x="${x(t).toFixed(1)}" y="${SH - 6}" text-anchor="middle">${esc(text(t, a.stellen))}</text>`);
  if (s.median !== null) teile.push(`<line class="median" x1="${x(s.median).toFixed(1)}" y1="6" x2="${x(s.median).toFixed(1)}" y2="${y + 14}"><title>${esc(`${s.namen.median}: ${text(s.median, s.stellen)}`)}</title></line>`);
  if (s.aggregat !== null) teile.push(`<line class="soll" x1="${x(s.aggregat).toFixed(1)}" y1="6" x2="${x(s.aggregat).toFixed(1)}" y2="${y + 14}"><title>${esc(`${s.namen.aggregat}: ${text(s.aggregat, s.stellen)}`)}</title></line>`);
  // The own dot last, so the others never cover it.
  for (const p of [...s.punkte.filter((p) => !p.eigen), ...s.punkte.filter((p) => p.eigen)]) {
    teile.push(`<circle class="${p.eigen ? 'eigen' : 'peer'}" cx="${x(p.wert).toFixed(1)}" cy="${y}" r="${p.eigen ? 5.5 : 3.5}"><title>${esc(`${p.name}: ${text(p.wert, s.stellen)}`)}</title></circle>`);
  }
  return teile.join('') + '</svg>';
}

function streifenFigur(s: Streifen, sprache: Dokument['sprache']): string {
  const w = WORTE[sprache];
  const eintrag = (zeichen: string, name: string) => `<span class="eintrag">${zeichen}${esc(name)}</span>`;
  const legende = [eintrag('<i class="punkt eigen"></i>', s.namen.eigen), eintrag('<i class="strich median"></i>', s.namen.median), eintrag('<i class="strich gestrichelt soll"></i>', s.namen.aggregat)];
  return `<figure><figcaption><span class="titel">${esc(s.titel)}</span> <span class="richtung">${esc(w[s.richtung])}</span></figcaption>${svgStreifen(s, sprache)}<p class="legende">${legende.join('')}</p></figure>`;
}

/** Print: A4 portrait less the side margins of @page, in CSS px (96 per inch), and the tables' print font. */
const DRUCK = { seiteMm: 210, randMm: 12, tabellePt: 8 };
const DRUCK_BREITE_EM = (((DRUCK.seiteMm - 2 * DRUCK.randMm) / 25.4) * 96) / ((DRUCK.tabellePt * 96) / 72);

/**
 * The narrowest a column can be printed, in em of the print font: numbers do not wrap, text and
 * headings wrap at spaces; plus the cells' padding. Bold headings are a tenth wider.
 */
function spaltenBreite(kopf: string, zellen: string[], zahl: boolean): number {
  const wort = (t: string) => Math.max(0, ...t.split(/\s+/).map(textBreiteEm));
  return Math.max(wort(kopf) * 1.1, ...zellen.map((z) => (zahl ? textBreiteEm(z) : wort(z)))) + 0.6;
}

/**
 * A table too wide for an A4 page is printed in parts, one below the other, each with the key
 * columns (the first `links`) and others of about equal width, as few parts as fit; the screen
 * shows it whole.
 */
function druckTeile(b: Extract<Block, { art: 'tabelle' }>): number[][] | null {
  const breiten = b.kopf.map((k, i) => spaltenBreite(k, b.zeilen.map((z) => zellText(z[i] ?? '')), i >= b.links));
  if (breiten.reduce((s, w) => s + w, 0) <= DRUCK_BREITE_EM) return null;
  const basis = breiten.slice(0, b.links).reduce((s, w) => s + w, 0);
  // Left to right, a new part wherever the next column would pass `grenze`.
  const teileBis = (grenze: number): number[][] => {
    const teile: number[][] = [[]];
    let breite = basis;
    for (let i = b.links; i < breiten.length; i++) {
      if (teile[teile.length - 1].length && breite + breiten[i] > grenze) {
        teile.push([]);
        breite = basis;
      }
      teile[teile.length - 1].push(i);
      breite += breiten[i];
    }
    return teile;
  };
  // The narrowest limit that needs no more parts than the page width does evens the parts out.
  const anzahl = teileBis(DRUCK_BREITE_EM).length;
  let zuEng = basis, reicht = DRUCK_BREITE_EM;
  for (let k = 0; k < 30; k++) {
    const mitte = (zuEng + reicht) / 2;
    if (teileBis(mitte).length <= anzahl) reicht = mitte;
    else zuEng = mitte;
  }
  const schluessel = breiten.slice(0, b.links).map((_, i) => i);
  return teileBis(reicht).map((t) => [...schluessel, ...t]);
}

const CSS = `
@page { size: A4; margin: 14mm ${DRUCK.randMm}mm; }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.35em; margin: 0 0 .3em; } h2 { font-size: 1.1em; margin: 1.6em 0 .5em; break-after: avoid; }
p { margin: .2em 0; } .leise, .x, .gesperrt, .offen { color: #6b7280; }
.demo { display: inline-block; background: #111; color: #fff; padding: .1em .5em; font-weight: 700; margin-right: .5em; }
table { border-collapse: collapse; margin: .6em 0; font-variant-numeric: tabular-nums; break-inside: auto; }
th, td { border-bottom: 1px solid #d1d5db; padding: .25em .6em; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #111; } td.n, th.n { text-align: right; } td.n { white-space: nowrap; } tr { break-inside: avoid; }
.gut, .erreicht { color: #047857; } .schlecht, .verfehlt { color: #b91c1c; } .verfehlt { font-weight: 700; }
/* A table wider than the text column may use the page up to the window's right edge and scrolls beyond. */
.tabelle { overflow-x: auto; margin-right: calc(50% - 50vw + 1em); padding-right: calc(50vw - 50% - 1em); } .druckteile { display: none; }
.grafiken { display: grid; grid-template-columns: repeat(auto-fill, minmax(85mm, 1fr)); gap: 1.2em 1.2em; margin: .6em 0; }
figure { margin: 0; break-inside: avoid; } figcaption { font-size: 13px; } figcaption .titel { font-weight: 600; margin-right: .4em; } figcaption .richtung { font-size: 12px; color: #374151; white-space: nowrap; }
svg { display: block; width: 100%; height: auto; } svg text { font-size: ${SCHRIFT}px; } svg .achse, svg .leise { fill: #4b5563; }
svg .gitter { stroke: #e5e7eb; stroke-width: 1; } svg .soll { fill: none; stroke: #111827; stroke-width: 1.5; stroke-dasharray: 6 4; } svg .soll-text { fill: #111827; }
svg .erreicht { fill: #059669; fill-opacity: .13; stroke: none; }
svg circle.peer { fill: #9ca3af; fill-opacity: .8; } svg circle.eigen { fill: #1f5aa6; stroke: #fff; stroke-width: 1.5; } svg .median { stroke: #111827; stroke-width: 1.5; }
.legende .punkt { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .35em; vertical-align: middle; background: #1f5aa6; print-color-adjust: exact; -webkit-print-color-adjust: exact; } .legende .median { border-color: #111827; }
.legende, .notiz { font-size: 12px; margin: .1em 0 0; } .legende { display: flex; flex-wrap: wrap; gap: .1em 1.1em; } .notiz { color: #374151; }
.legende .strich { display: inline-block; width: 1.7em; margin-right: .35em; vertical-align: middle; border-top: 2px solid; } .legende .gestrichelt { border-top-style: dashed; } .legende .soll { border-color: #111827; }
.legende .flaeche { display: inline-block; width: 1.1em; height: .8em; margin-right: .35em; vertical-align: middle; background: rgba(5, 150, 105, .25); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul { margin: .3em 0; padding-left: 1.3em; } footer { margin-top: 1.5em; font-size: .9em; color: #4b5563; } footer code { font-size: .85em; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; padding: 0; } h2 { break-after: avoid; }
  table { font-size: ${DRUCK.tabellePt}pt; } th, td { padding: .15em .3em; }
  .tabelle { overflow: visible; margin-right: 0; padding-right: 0; } .tabelle.breit { display: none; } .druckteile { display: block; }
}
`;

function zelle(z: Zelle, tag: 'td' | 'th', n: boolean): string {
  const text = typeof z === 'string' ? z : z.text;
  const klassen = [n ? 'n' : '', typeof z === 'string' ? '' : z.stil].filter(Boolean).join(' ');
  return `<${tag}${klassen ? ` class="${klassen}"` : ''}>${esc(text)}</${tag}>`;
}

/** The table with the columns given (all of them, or a part for print). */
function tabelle(b: Extract<Block, { art: 'tabelle' }>, spalten: number[]): string {
  const zeile = (z: Zelle[], tag: 'td' | 'th') => '<tr>' + spalten.filter((i) => i < z.length).map((i) => zelle(z[i], tag, i >= b.links)).join('') + '</tr>';
  return `<table><thead>${zeile(b.kopf, 'th')}</thead><tbody>${b.zeilen.map((z) => zeile(z, 'td')).join('')}</tbody></table>`;
}

export function html(d: Dokument): string {
  const teile: string[] = [];
  for (const b of d.bloecke) {
    switch (b.art) {
      case 'titel':
        teile.push(`<h1>${b.demo ? '<span class="demo">DEMO</span>' : ''}${esc(b.text)}</h1>`);
        if (b.demo) teile.push(`<p class="leise">${esc(satz(demoHinweis(d.sprache)))}</p>`);
        break;
      case 'text':
        teile.push(`<p${b.leise ? ' class="leise"' : ''}>${esc(b.text)}</p>`);
        break;
      case 'abschnitt':
        teile.push(`<h2>${esc(b.text)}</h2>`);
        break;
      case 'tabelle': {
        const alle = b.kopf.map((_, i) => i);
        const teileImDruck = druckTeile(b);
        teile.push(`<div class="tabelle${teileImDruck ? ' breit' : ''}">${tabelle(b, alle)}</div>`);
        if (teileImDruck) teile.push(`<div class="druckteile">${teileImDruck.map((t) => tabelle(b, t)).join('')}</div>`);
        break;
      }
      case 'notizen':
        teile.push(`<p><strong>${esc(b.titel)}</strong></p><ul>${b.punkte.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
        break;
      case 'grafiken':
        teile.push(`<div class="grafiken">${b.grafiken.map((g) => figur(g, d.sprache)).join('')}</div>`);
        break;
      case 'streifen':
        teile.push(`<div class="grafiken">${b.streifen.map((st) => streifenFigur(st, d.sprache)).join('')}</div>`);
        break;
      case 'fuss':
        teile.push(`<footer><ul>${b.zeilen.map((z) => `<li>${esc(z.text)} · SHA-256 <code>${esc(z.sha256)}</code></li>`).join('')}</ul></footer>`);
        break;
    }
  }
  return `<!DOCTYPE html>\n<html lang="${d.sprache}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(d.titel)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${teile.join('\n')}\n</body>\n</html>\n`;
}
