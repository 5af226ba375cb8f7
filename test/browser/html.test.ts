/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML reports in a real browser: Debian's headless Chromium renders them, with JavaScript off,
// and the test measures what a reader sees on a 1280 px screen and on an A4 page: charts drawn and
// readable, no label cut, distinct ticks, the year-to-date lines where the JSON has values, the
// direction that meets a target, the December Soll beside the projection, and tables that print
// whole. One browser for all of it. .ci/run installs chromium when it is missing; on a machine
// without it this test says so and skips.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../../src/report/html.js';
import { deZahl } from '../../src/report/zahlen.js';
import { arbeitsordner, imProzess } from '../cli/hilfen.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const da = existsSync(CHROMIUM);
const arbeit = arbeitsordner('html');
if (!da) console.warn(`Browser-Test übersprungen: ${CHROMIUM} fehlt (Debian-Paket chromium; .ci/run installiert es).`);

const D = 'fixtures/demo';
const KONFIG = ['--config', `${D}/kennzahlen.json`];
/** A4 portrait at 96 px per inch (210 mm ≈ 794 px) less the 12 mm side margins of the report's @page. */
const A4_DRUCKBREITE = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/** Writes a command's HTML to a file and returns its URL. */
async function bericht(name: string, args: string[]): Promise<string> {
  const datei = join(arbeit.ordner, `${name}.html`);
  const r = await imProzess([...args, '--format', 'html', '--out', datei]);
  expect(r.code, r.stderr).toBe(0);
  return pathToFileURL(datei).href;
}

async function json(args: string[]) {
  const r = await imProzess([...args, '--format', 'json']);
  return JSON.parse(r.stdout);
}

interface Diagramm {
  titel: string;
  richtung: string;
  notiz: string;
  yTicks: string[];
  /** Texts of the SVG that stick out of it, with the overhang in px. */
  ragtHeraus: string[];
  /** Rendered size of each text in the SVG (font size times the viewBox scale), and of the HTML around it. */
  schriften: number[];
  /** Point tooltips: "series month: value". */
  punkte: string[];
  /** Vertical extent of the Soll line and the shaded area that meets it, where there are. */
  soll: { oben: number; unten: number } | null;
  bereich: { oben: number; unten: number } | null;
  leer: boolean;
}

/** Every chart of the page as measured on screen. */
function diagramme(page: Page): Promise<Diagramm[]> {
  return page.locator('figure').evaluateAll((fs) =>
    fs.map((f) => {
      const svg = f.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const texte = [...svg.querySelectorAll('text')];
      const ausdehnung = (e: Element | null) => {
        if (!e) return null;
        const r = e.getBoundingClientRect();
        return { oben: r.top, unten: r.bottom };
      };
      const schrift = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
      return {
        titel: f.querySelector('figcaption .titel')?.textContent ?? '',
        richtung: f.querySelector('figcaption .richtung')?.textContent ?? '',
        notiz: f.querySelector('.notiz')?.textContent ?? '',
        yTicks: texte.filter((t) => t.getAttribute('text-anchor') === 'end' && t.classList.contains('achse')).map((t) => t.textContent ?? ''),
        ragtHeraus: texte.flatMap((t) => {
          const r = t.getBoundingClientRect();
          const ueber = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
          return ueber > 0.5 ? [`${t.textContent} (${ueber.toFixed(1)} px)`] : [];
        }),
        schriften: [
          ...texte.map((t) => schrift(t) * (t as SVGTextElement).getScreenCTM()!.a),
          ...[...f.querySelectorAll('figcaption, figcaption span, .legende, .notiz')].map(schrift),
        ],
        punkte: [...svg.querySelectorAll('circle > title')].map((t) => t.textContent ?? ''),
        soll: ausdehnung(svg.querySelector('path.soll')),
        bereich: ausdehnung(svg.querySelector('path.erreicht')),
        leer: texte.some((t) => t.classList.contains('leise')),
      };
    }),
  );
}

/** Visible tables in print: the right edge of each one's last column, and its headings. */
function druckTabellen(page: Page): Promise<{ rechts: number; kopf: string[] }[]> {
  return page.locator('table').evaluateAll((ts: HTMLTableElement[]) =>
    ts
      .filter((t) => t.getClientRects().length > 0)
      .map((t) => ({ rechts: t.rows[0].cells[t.rows[0].cells.length - 1].getBoundingClientRect().right, kopf: [...t.rows[0].cells].map((c) => c.textContent ?? '') })),
  );
}

/** All headings of the tables the screen shows (whole, not in print parts). */
function bildschirmKopf(page: Page): Promise<string[][]> {
  return page.locator('table').evaluateAll((ts: HTMLTableElement[]) => ts.filter((t) => t.getClientRects().length > 0).map((t) => [...t.rows[0].cells].map((c) => c.textContent ?? '')));
}

describe.skipIf(!da)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const seiten: Record<string, string> = {};
  /** JSON reports by Berichtsmonat: the demo's (2017-06, with targets) and two more of the charts' months. */
  const berichte: Record<string, { kennzahlen: { id: string; jahresfortschritt: { wert: number | null; vorjahr: number | null } }[]; ziele: { id: string; ist: number; vorjahr: number; hochrechnung: number }[] }> = {};
  const anfragen: string[] = [];

  beforeAll(async () => {
    const start = chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    Object.assign(seiten, {
      demo: await bericht('demo', ['demo']),
      lzb: await bericht('lzb', ['lzb', ...KONFIG, '--von', '2016-01', '--bis', '2017-06']),
      lzbMonat: await bericht('lzb-monat', ['lzb', ...KONFIG, '--monat', '2017-06', '--nach', 'geschlecht']),
      aggregate: await bericht('aggregate', ['aggregate', ...KONFIG, '--von', '2016-01', '--bis', '2017-06']),
    });
    Object.assign(berichte, {
      '2017-06': await json(['demo']),
      '2016-07': await json(['report', ...KONFIG, '--monat', '2016-07']),
      '2016-12': await json(['report', ...KONFIG, '--monat', '2016-12']),
    });
    browser = await start;
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, javaScriptEnabled: false });
    page.on('request', (r) => anfragen.push(r.url()));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The page at 1280 px on screen; loaded only when another one is shown. */
  let geladen = '';
  const bildschirm = async (url: string) => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 1000 });
    if (geladen !== url) await page.goto(url, { waitUntil: 'load' });
    geladen = url;
  };

  it('draws every chart, loads nothing from outside and is not blank', async () => {
    await bildschirm(seiten.demo);
    expect(await page.locator('svg').count()).toBe(22);
    // Every drawn line: a path with a "d" and a visible size on screen.
    const pfade = await page.locator('svg path').evaluateAll((ps) =>
      ps.map((p) => {
        const r = p.getBoundingClientRect();
        return { d: p.getAttribute('d') ?? '', breite: r.width, hoehe: r.height };
      }),
    );
    expect(pfade.length).toBeGreaterThanOrEqual(30);
    for (const p of pfade) {
      expect(p.d).toMatch(/^M[\d.]+ [\d.]+/);
      expect(p.breite + p.hoehe).toBeGreaterThan(0);
    }
    expect(await page.locator('td.verfehlt').count()).toBe(3);

    // Not blank: decode the screenshot in the browser and count the colours it uses.
    const png = await page.screenshot({ fullPage: true });
    const farben = await page.evaluate(async (b64) => {
      const bild = new Image();
      bild.src = `data:image/png;base64,${b64}`;
      await bild.decode();
      const c = document.createElement('canvas');
      c.width = bild.width;
      c.height = bild.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bild, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const gesehen = new Set<number>();
      let nichtWeiss = 0;
      for (let i = 0; i < px.length; i += 4) {
        gesehen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        if (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240) nichtWeiss++;
      }
      return { farben: gesehen.size, anteil: nichtWeiss / (px.length / 4), hoehe: c.height };
    }, png.toString('base64'));
    expect(farben.hoehe).toBeGreaterThan(2000);
    expect(farben.farben).toBeGreaterThan(50);
    expect(farben.anteil).toBeGreaterThan(0.02);

    // Printable on A4: the print layout keeps the charts.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(anfragen.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('at 1280 px every chart label is whole, 11 px or more, and the y ticks are two or more and distinct', async () => {
    for (const [name, anzahl] of [['demo', 22], ['lzb', 3], ['lzbMonat', 3]] as const) {
      await bildschirm(seiten[name]);
      const ds = await diagramme(page);
      expect(ds.length, name).toBe(anzahl);
      for (const d of ds) {
        const wo = `${name}: ${d.titel}`;
        expect(d.leer, wo).toBe(false);
        expect(d.ragtHeraus, wo).toEqual([]);
        expect(Math.min(...d.schriften), wo).toBeGreaterThanOrEqual(11);
        expect(d.yTicks.length, wo).toBeGreaterThanOrEqual(2);
        expect(new Set(d.yTicks).size, `${wo}: ${d.yTicks.join(' | ')}`).toBe(d.yTicks.length);
      }
    }
  });

  it('draws the year-to-date line of K1, K1E1 and K1E2 wherever the JSON report has a value', async () => {
    // Each JSON report gives the year-to-date value of its month and of the same month a year earlier:
    // together six months of the charts' two years, three of them in the first year, which the
    // charts lacked when their data began too late for it.
    await bildschirm(seiten.demo);
    const ds = await diagramme(page);
    const monat = (iso: string, jahre = 0) => `${iso.slice(5)}/${Number(iso.slice(0, 4)) - jahre}`;
    for (const id of ['K1', 'K1E1', 'K1E2']) {
      const d = ds.find((x) => x.titel.startsWith(`${id} `))!;
      const jfw = new Map(d.punkte.filter((p) => p.startsWith('Jahresfortschritt ')).map((p) => p.slice('Jahresfortschritt '.length).split(': ') as [string, string]));
      let verglichen = 0;
      for (const [berichtsmonat, b] of Object.entries(berichte)) {
        const k = b.kennzahlen.find((x) => x.id === id)!;
        for (const [m, wert] of [[monat(berichtsmonat), k.jahresfortschritt.wert], [monat(berichtsmonat, 1), k.jahresfortschritt.vorjahr]] as const) {
          expect(wert, `${id} ${m}`).not.toBeNull();
          expect(jfw.get(m), `${id} ${m}`).toBe(`${deZahl(wert!, 1)} %`);
          verglichen++;
        }
      }
      expect(verglichen).toBe(6);
      // 07/2015 … 06/2017: a point for every month.
      expect(jfw.size, id).toBe(24);
    }
  });

  it('states which way meets each target, shades that side of the Soll, and sets the December Soll beside the projection', async () => {
    await bildschirm(seiten.demo);
    const ds = await diagramme(page);
    // By hand from fixtures/demo/ziele-2017.json: "veraenderung" takes the direction of the
    // indicator (K2 up, K3 down), "mindestens" is up, "hoechstens" down.
    const RUNTER = '↓ niedriger ist besser', HOCH = '↑ höher ist besser';
    const erwartet: Record<string, string> = {
      'K3 Bestand LZB, Veränderung': RUNTER,
      'Ziel K2 ohne Fluchtkontext': HOCH,
      'Ziel K3': RUNTER,
      'Ziel ALQ_U25': RUNTER,
      'Ziel K2 unter 25, ohne Fluchtkontext': HOCH,
      'Ziel ABG_LZA': HOCH,
      'Ziel ABG_SBM': HOCH,
      'Ziel EGL_AUSGABEQUOTE': HOCH,
    };
    const mitSoll = ds.filter((d) => d.soll);
    expect(mitSoll.map((d) => d.titel).sort()).toEqual(Object.keys(erwartet).sort());
    for (const d of mitSoll) {
      expect(d.richtung, d.titel).toBe(erwartet[d.titel]);
      // The shaded area starts at the Soll line and reaches to the side that is good.
      const { soll, bereich } = { soll: d.soll!, bereich: d.bereich! };
      if (erwartet[d.titel] === HOCH) {
        expect(Math.abs(bereich.unten - soll.unten), d.titel).toBeLessThan(1.5);
        expect(bereich.oben, d.titel).toBeLessThan(soll.oben - 1);
      } else {
        expect(Math.abs(bereich.oben - soll.oben), d.titel).toBeLessThan(1.5);
        expect(bereich.unten, d.titel).toBeGreaterThan(soll.unten + 1);
      }
    }
    // Indicators without a target still say which way is good.
    expect(ds.find((d) => d.titel.startsWith('K2 '))!.richtung).toBe(HOCH);
    expect(ds.find((d) => d.titel.startsWith('K1E3 '))!.richtung).toMatch(/^neutral/);

    // The targets table: "Soll Dez." right after "Hochrechnung Dez.".
    const ziele = await page.locator('table', { hasText: 'Hochrechnung Dez.' }).evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent ?? '')));
    const kopf = ziele[0];
    const hr = kopf.indexOf('Hochrechnung Dez.');
    expect(kopf[hr + 1]).toBe('Soll Dez.');
    const zeile = (id: string) => ziele.find((z) => z[0] === id)!;
    const soll = kopf.indexOf('Soll');
    // Annual counts: June's Soll is 6/12 of the year's, December's the whole.
    expect([zeile('ABG_LZA')[soll], zeile('ABG_LZA')[hr + 1]]).toEqual(['210', '420']);
    expect([zeile('ABG_SBM')[soll], zeile('ABG_SBM')[hr + 1]]).toEqual(['18', '36']);
    // Bounds on a level or on a change are the same in June and December.
    expect(zeile('ALQ_U25')[hr + 1]).toBe('3,40 %');
    expect(zeile('EGL_AUSGABEQUOTE')[hr + 1]).toBe('100,00 %');
    expect(zeile('K3')[hr + 1]).toBe('-5,10 %');
    // +1.1 % on last year's whole-year quota, which the JSON's projection gives back:
    // Hochrechnung = Vorjahr(Jan–Dez) · Ist / Vorjahr.
    const k2 = berichte['2017-06'].ziele.find((z) => z.id === 'K2_ohne_flucht')!;
    const sollDez = ((k2.hochrechnung * k2.vorjahr) / k2.ist) * 1.011;
    expect(zeile('K2 ohne Fluchtkontext')[hr + 1]).toBe(`${deZahl(sollDez, 2)} %`);
    // The target charts say the same under the chart.
    expect(ds.find((d) => d.titel === 'Ziel ABG_LZA')!.notiz).toBe(`Hochrechnung Dez. ${zeile('ABG_LZA')[hr]} · Soll Dez. 420`);
    expect(ds.find((d) => d.titel === 'Ziel K3')!.notiz).toBe(`Hochrechnung Dez. ${zeile('K3')[hr]} · Soll Dez. -5,10 %`);
  });

  it('prints every table within an A4 portrait page, a wide one in parts with every column', async () => {
    // A table wider than any page: 18 columns of large sums.
    const kopf = ['Monat', ...Array.from({ length: 17 }, (_, i) => `Spalte ${i + 1}`)];
    const breit = arbeit.datei('breit.html', html({ sprache: 'de', titel: 'breit', bloecke: [{ art: 'tabelle', kopf, zeilen: [['01/2017', ...kopf.slice(1).map(() => '123.456.789,01')]], links: 1 }] }));
    for (const [name, url] of [...Object.entries(seiten), ['breit', pathToFileURL(breit).href]]) {
      await bildschirm(url);
      const ganz = await bildschirmKopf(page);
      // The print layout of the same page: print media at the width of the A4 page's text.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: A4_DRUCKBREITE, height: 1123 });
      const druck = await druckTabellen(page);
      for (const t of druck) expect(t.rechts, `${name}: ${t.kopf.join(' | ')}`).toBeLessThanOrEqual(A4_DRUCKBREITE);
      // Nothing is lost: each heading of the screen's tables is printed.
      expect(new Set(druck.flatMap((t) => t.kopf)), name).toEqual(new Set(ganz.flat()));
      if (name === 'breit') {
        expect(ganz).toEqual([kopf]);
        expect(druck.length).toBeGreaterThanOrEqual(3);
        for (const t of druck) expect(t.kopf[0]).toBe('Monat');
      }
      if (name === 'aggregate') expect(ganz[0].at(-1)).toBe('LUH €');
    }
  });
});
