// A document as one self-contained HTML file: inline CSS, inline SVG charts, no script, no network.
// It reads without JavaScript and prints on A4.

import { deZahl } from './zahlen.js';
import { demoHinweis, type Dokument, type Grafik, type Zelle } from './dokument.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ESC[c]);
/** Words that stand as a paragraph of their own, such as the demo note, read as a sentence. */
const satz = (t: string) => `${t[0].toUpperCase()}${t.slice(1)}.`;

const FARBEN = ['#1f5aa6', '#d97706', '#4b5563', '#059669'];

/** Round axis steps of 1, 2 or 5 times a power of ten, about `n` of them between lo and hi. */
function schritte(lo: number, hi: number, n = 4): number[] {
  const roh = (hi - lo) / n || 1;
  const zehn = 10 ** Math.floor(Math.log10(roh));
  const schritt = [1, 2, 5, 10].map((f) => f * zehn).find((s) => s >= roh) ?? 10 * zehn;
  const aus: number[] = [];
  for (let v = Math.ceil(lo / schritt) * schritt; v <= hi + 1e-9; v += schritt) aus.push(Math.round(v / schritt) * schritt);
  return aus;
}

/** A line chart: one path per series (broken where a month is not computable), the target as a dashed line. */
export function svgGrafik(g: Grafik): string {
  const B = 560, H = 220, L = 56, R = 14, O = 30, U = 40;
  const werte = [...g.reihen.flatMap((r) => r.werte.filter((w): w is number => w !== null)), ...(g.ziel ? [g.ziel.wert] : [])];
  const kopf = `<svg viewBox="0 0 ${B} ${H}" role="img" aria-label="${esc(g.titel)}"><title>${esc(g.titel)}</title>`;
  if (!werte.length) return `${kopf}<text x="${B / 2}" y="${H / 2}" text-anchor="middle" class="leise">keine berechenbaren Werte</text></svg>`;
  let lo = Math.min(...werte), hi = Math.max(...werte);
  const rand = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  lo -= rand;
  hi += rand;
  const n = g.monate.length;
  const x = (i: number) => L + (n === 1 ? (B - L - R) / 2 : (i * (B - L - R)) / (n - 1));
  const y = (v: number) => O + ((hi - v) * (H - O - U)) / (hi - lo);
  const f = (v: number) => v.toFixed(1);
  const teile: string[] = [kopf];
  teile.push(`<text x="${L}" y="16" class="titel">${esc(g.titel)}</text>`);
  for (const t of schritte(lo, hi)) {
    teile.push(`<line x1="${L}" x2="${B - R}" y1="${f(y(t))}" y2="${f(y(t))}" class="gitter"/>`);
    teile.push(`<text x="${L - 6}" y="${f(y(t) + 4)}" text-anchor="end" class="achse">${esc(deZahl(t, Math.abs(t) < 10 && !Number.isInteger(t) ? 1 : 0))}${g.einheit}</text>`);
  }
  const jede = Math.max(1, Math.ceil(n / 8));
  g.monate.forEach((m, i) => {
    const letzter = i === n - 1 && (n - 1) % jede >= jede / 2;
    if (i % jede === 0 || letzter) teile.push(`<text x="${f(x(i))}" y="${H - U + 16}" text-anchor="middle" class="achse">${esc(m)}</text>`);
  });
  if (g.ziel) {
    teile.push(`<line x1="${L}" x2="${B - R}" y1="${f(y(g.ziel.wert))}" y2="${f(y(g.ziel.wert))}" class="ziel"/>`);
    teile.push(`<text x="${B - R}" y="${f(y(g.ziel.wert) - 4)}" text-anchor="end" class="ziel-text">${esc(g.ziel.name)}</text>`);
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
      if (w !== null) teile.push(`<circle cx="${f(x(i))}" cy="${f(y(w))}" r="2.2" fill="${farbe}"/>`);
    });
    teile.push(`<text x="${L + 4 + k * 170}" y="${H - 6}" class="legende" fill="${farbe}">${r.art === 'gestrichelt' ? '– –' : '—'} ${esc(r.name)}</text>`);
  });
  teile.push('</svg>');
  return teile.join('');
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.35em; margin: 0 0 .3em; } h2 { font-size: 1.1em; margin: 1.6em 0 .5em; break-after: avoid; }
p { margin: .2em 0; } .leise, .x, .gesperrt, .offen { color: #6b7280; }
.demo { display: inline-block; background: #111; color: #fff; padding: .1em .5em; font-weight: 700; margin-right: .5em; }
table { border-collapse: collapse; margin: .6em 0; font-variant-numeric: tabular-nums; break-inside: auto; }
th, td { border-bottom: 1px solid #d1d5db; padding: .25em .6em; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #111; } td.n, th.n { text-align: right; white-space: nowrap; } tr { break-inside: avoid; }
.gut, .erreicht { color: #047857; } .schlecht, .verfehlt { color: #b91c1c; } .verfehlt { font-weight: 700; }
.grafiken { display: grid; grid-template-columns: repeat(auto-fill, minmax(85mm, 1fr)); gap: .8em 1.2em; margin: .6em 0; }
figure { margin: 0; break-inside: avoid; } svg { width: 100%; height: auto; }
svg .titel { font-size: 13px; font-weight: 600; fill: #111; } svg .achse { font-size: 10px; fill: #4b5563; } svg .legende { font-size: 11px; }
svg .gitter { stroke: #e5e7eb; stroke-width: 1; } svg .ziel { stroke: #b91c1c; stroke-width: 1.5; stroke-dasharray: 6 4; } svg .ziel-text { font-size: 10px; fill: #b91c1c; }
ul { margin: .3em 0; padding-left: 1.3em; } footer { margin-top: 1.5em; font-size: .9em; color: #4b5563; } footer code { font-size: .85em; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

function zelle(z: Zelle, tag: 'td' | 'th', n: boolean): string {
  const text = typeof z === 'string' ? z : z.text;
  const klassen = [n ? 'n' : '', typeof z === 'string' ? '' : z.stil].filter(Boolean).join(' ');
  return `<${tag}${klassen ? ` class="${klassen}"` : ''}>${esc(text)}</${tag}>`;
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
      case 'tabelle':
        teile.push(
          '<table><thead><tr>' + b.kopf.map((k, i) => zelle(k, 'th', i >= b.links)).join('') + '</tr></thead><tbody>' +
            b.zeilen.map((z) => '<tr>' + z.map((c, i) => zelle(c, 'td', i >= b.links)).join('') + '</tr>').join('') + '</tbody></table>',
        );
        break;
      case 'notizen':
        teile.push(`<p><strong>${esc(b.titel)}</strong></p><ul>${b.punkte.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
        break;
      case 'grafiken':
        teile.push(`<div class="grafiken">${b.grafiken.map((g) => `<figure>${svgGrafik(g)}</figure>`).join('')}</div>`);
        break;
      case 'fuss':
        teile.push(`<footer><ul>${b.zeilen.map((z) => `<li>${esc(z.text)} · SHA-256 <code>${esc(z.sha256)}</code></li>`).join('')}</ul></footer>`);
        break;
    }
  }
  return `<!DOCTYPE html>\n<html lang="${d.sprache}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(d.titel)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${teile.join('\n')}\n</body>\n</html>\n`;
}
