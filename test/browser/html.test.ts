/// <reference lib="dom" />
// The HTML report in a real browser: Debian's headless Chromium renders it, the charts must be
// drawn (SVG paths with a size on screen) and the screenshot must not be blank. .ci/run installs
// chromium when it is missing; on a machine without it this test says so and skips.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess } from '../cli/hilfen.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const da = existsSync(CHROMIUM);
const arbeit = arbeitsordner('html');
if (!da) console.warn(`Browser-Test übersprungen: ${CHROMIUM} fehlt (Debian-Paket chromium; .ci/run installiert es).`);

describe.skipIf(!da)('HTML report in headless Chromium', () => {
  it('draws every chart, loads nothing from outside and is not blank', async () => {
    const datei = join(arbeit.ordner, 'bericht.html');
    expect((await imProzess(['demo', '--format', 'html', '--out', datei])).code).toBe(0);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, javaScriptEnabled: false });
      const anfragen: string[] = [];
      page.on('request', (r) => anfragen.push(r.url()));
      await page.goto(pathToFileURL(datei).href, { waitUntil: 'load' });
      expect(anfragen.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);

      const grafiken = await page.locator('svg').count();
      expect(grafiken).toBe(22);
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
    } finally {
      await browser.close();
    }
  }, 120_000);
});
