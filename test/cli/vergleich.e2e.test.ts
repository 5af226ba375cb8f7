// `kennzahlen vergleich` (issue 12): the own Jobcenter among its peers, end to end on
// fixtures/vergleich/ (written by its erzeuge.py). The numbers are the hand-computed case of
// test/core/vergleich.test.ts: in type IIa, K1E2 in 06/2017 is +10 %, −5 %, +10 %, −10 %, ±0 %.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { Workbook } from '@cj-tech-master/excelts';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, einmalJe, imProzess } from './hilfen.js';

const MW = 'fixtures/vergleich/monatswerte.csv';
const TYPEN = 'fixtures/vergleich/vergleichstypen.csv';
const lauf = einmalJe();
const { datei } = arbeitsordner('vergleich');
const vergleich = (args: string[]) => lauf(['vergleich', '--monatswerte', MW, '--monat', '2017-06', ...args]);
const kennzahl = (stdout: string, id: string, gruppe = 'gesamt') =>
  JSON.parse(stdout).gruppen.find((g: { gruppe: string }) => g.gruppe === gruppe).kennzahlen.find((k: { id: string }) => k.id === id);

describe('kennzahlen vergleich', () => {
  it('ranks the own Jobcenter in its Vergleichstyp and aggregates type, Land and Bund from summed numerators and denominators', async () => {
    const r = await vergleich(['--vergleichstypen', TYPEN, '--jobcenter', '12062', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schema: 'kennzahlen-vergleich/1', jobcenter: '12062', name: 'Jobcenter Elbe-Elster', land: 'BB', berichtsmonat: '2017-06' });
    expect(doc.vergleichsgruppe).toEqual({ art: 'vergleichstyp', typ: 'IIa', jobcenter: ['12062', '12063', '05558', '05566', '05570'] });
    const k1e2 = kennzahl(r.stdout, 'K1E2').monat;
    // Own +10 %: 4th of 5 (D −10, B −5, E 0, then A and C at +10), quartile ⌈16/5⌉ = 4, median 0.
    expect(k1e2).toMatchObject({ zaehler: 110, nenner: 100, rang: 4, von: 5, quartil: 4, median: 0, wert: 10 });
    // Type: (110 + 190 + 55 + 360 + 1000) / (100 + 200 + 50 + 400 + 1000) − 1 = −2 %.
    expect(k1e2.vergleichsgruppe).toMatchObject({ zaehler: 1715, nenner: 1750, wert: -2, jobcenter: 5, ausgelassen: [] });
    // Land BB: 12062 and 12063, (110 + 190) / (100 + 200) − 1 = 0; Bund adds 09111 (300 → 290): 2005 / 2050 − 1.
    expect(k1e2.land).toMatchObject({ zaehler: 300, nenner: 300, wert: 0, jobcenter: 2 });
    expect(k1e2.bund).toMatchObject({ zaehler: 2005, nenner: 2050, jobcenter: 6 });
    expect(k1e2.bund.wert_exakt).toBeCloseTo((2005 / 2050 - 1) * 100, 12);
    // 05558's integrations of 03/2017 are suppressed: it is left out of K2's aggregate, by name, and not ranked.
    const k2 = kennzahl(r.stdout, 'K2').monat;
    expect(k2.von).toBe(4);
    expect(k2.vergleichsgruppe.ausgelassen).toEqual([{ jobcenter: '05558', grund: 'integrationen gesperrt (*) für 2017-03' }]);
    // A Jobcenter of the type without Monatswerte is said, not silently dropped.
    expect(r.stderr).toContain('Vergleichstyp IIa: ohne Monatswerte in fixtures/vergleich/monatswerte.csv, also nicht verglichen: 12064.');
  });

  it('takes a list of peers, or every row of the table', async () => {
    // 12062 +10, 12063 −5, 05558 +10: −5 first, the two at +10 share the 2nd rank.
    const liste = await vergleich(['--peers', '12063,05558', '--jobcenter', '12062', '--json']);
    expect(JSON.parse(liste.stdout).vergleichsgruppe).toEqual({ art: 'liste', jobcenter: ['12062', '12063', '05558'] });
    // Three values make no quarters: no quartile.
    expect(kennzahl(liste.stdout, 'K1E2').monat).toMatchObject({ rang: 2, von: 3, quartil: null });
    // All six: 09111 is 290/300 − 1 = −3.3 %: +10 is last, shared with 05558: 5/6.
    const alle = await vergleich(['--jobcenter', '12062', '--json']);
    expect(JSON.parse(alle.stdout).vergleichsgruppe.art).toBe('alle');
    expect(kennzahl(alle.stdout, 'K1E2').monat).toMatchObject({ rang: 5, von: 6, quartil: 4 });
    expect(JSON.parse(alle.stdout).land).toBeNull();
  });

  it('takes the k nearest neighbours in structure as the peer group', async () => {
    const r = await vergleich(['--vergleichstypen', TYPEN, '--jobcenter', '12062', '--nachbarn', '2', '--merkmale', 'elb', '--json']);
    expect(r.code, r.stderr).toBe(0);
    // ELB in 06/2017: 110, 190, 55, 360, 1000, 290; standardised by their standard deviation, 05558
    // (55) is 55/sd from 12062 and 12063 (190) 80/sd.
    const elb = [110, 190, 55, 360, 1000, 290];
    const mittel = elb.reduce((a, b) => a + b) / 6;
    const sd = Math.sqrt(elb.reduce((s, x) => s + (x - mittel) ** 2, 0) / 6);
    const g = JSON.parse(r.stdout).vergleichsgruppe;
    expect(g).toMatchObject({ art: 'nachbarn', merkmale: ['elb'], jobcenter: ['12062', '05558', '12063'] });
    expect(g.abstaende.map((x: { jobcenter: string; abstand: number }) => x.jobcenter)).toEqual(['05558', '12063']);
    expect(g.abstaende[0].abstand).toBeCloseTo(55 / sd, 12);
    expect(g.abstaende[1].abstand).toBeCloseTo(80 / sd, 12);
    // Among them: 12063 −5 % first, 12062 and 05558 at +10 % share the 2nd rank.
    expect(kennzahl(r.stdout, 'K1E2').monat).toMatchObject({ rang: 2, von: 3 });
    const ohne = await vergleich(['--jobcenter', '12062', '--nachbarn', '2', '--format', 'table']);
    expect([ohne.code, ohne.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: --merkmale: „lzb“ ist keine Spalte der Monatswerte; vorhanden: elb, integrationen, llu.']);
    const allein = await vergleich(['--jobcenter', '12062', '--merkmale', 'elb', '--format', 'table']);
    expect([allein.code, allein.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: --merkmale gilt für --nachbarn K: ohne sie gibt es keine Nachbarn zu suchen.']);
    const beide = await vergleich(['--jobcenter', '12062', '--nachbarn', '2', '--peers', '12063', '--format', 'table']);
    expect([beide.code, beide.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: --nachbarn oder --peers, nicht beides: beide bestimmen die Vergleichsgruppe.']);
  });

  it('shows the ranking at the terminal and in Markdown and HTML', async () => {
    const t = await vergleich(['--vergleichstypen', TYPEN, '--jobcenter', '12062', '--format', 'table']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Vergleich · Jobcenter Elbe-Elster (12062) · Berichtsmonat 06/2017');
    expect(t.stdout).toMatch(/│ K1E2 +│ Zahl der ELB, Veränderung +│ \+10,0 % │  4\/5 │ +4 │  0,0 % │ +\+10,0 │ +-2,0 % │  0,0 % │ -2,2 % │/);
    expect(t.stdout).toContain('K2: nicht im Aggregat der Vergleichsgruppe: 05558 (integrationen gesperrt (*) für 2017-03)');
    expect(t.stdout).toContain('K2: nicht im Aggregat des Bundes: 05558 (integrationen gesperrt (*) für 2017-03)');
    expect((await vergleich(['--jobcenter', '12062', '--format', 'md'])).stdout).toMatch(/^# Vergleich · Jobcenter 12062/);
    expect((await vergleich(['--jobcenter', '12062', '--format', 'html'])).stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('draws a strip per indicator with values in HTML: a dot per Jobcenter, the own one marked, median and aggregate', async () => {
    const h = (await vergleich(['--vergleichstypen', TYPEN, '--jobcenter', '12062', '--format', 'html'])).stdout;
    const figuren = h.split('<figure>').slice(1);
    // K1, K1E2 and K2 have values in 06/2017; the other indicators need columns the table lacks.
    expect(figuren.map((f) => /<span class="titel">(\w+) /.exec(f)![1])).toEqual(['K1', 'K1E2', 'K2']);
    const k1e2 = figuren[1];
    expect(k1e2.match(/<circle class="peer"/g)).toHaveLength(4);
    expect(k1e2).toContain('<circle class="eigen"');
    expect(k1e2).toContain('<title>12062: 10,0 %</title>');
    expect(k1e2).toContain('<title>Median: 0,0 %</title>');
    expect(k1e2).toContain('<title>Aggregat der Vergleichsgruppe: -2,0 %</title>');
    expect(k1e2).toContain('↓ niedriger ist besser');
    // 05558 has no K2 (a suppressed month): three peers and the own one.
    expect(figuren[2].match(/<circle /g)).toHaveLength(4);
  });

  it('writes the whole peer matrix as CSV: every Jobcenter with its rank, then the aggregates', async () => {
    const r = await vergleich(['--vergleichstypen', TYPEN, '--jobcenter', '12062', '--format', 'csv']);
    expect(r.code).toBe(0);
    const zeilen = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(zeilen[0]).toBe('gruppe;kennzahl;fenster;art;jobcenter;wert;zaehler;nenner;rang;von;hinweis');
    const k1e2 = zeilen.filter((z) => z.startsWith('gesamt;K1E2;monat;')).map((z) => z.split(';').slice(3, 10));
    expect(k1e2).toEqual([
      ['eigen', '12062', '10,000000000000009', '110', '100', '4', '5'],
      ['peer', '12063', '-5,000000000000004', '190', '200', '2', '5'],
      ['peer', '05558', '10,000000000000009', '55', '50', '4', '5'],
      ['peer', '05566', '-9,999999999999998', '360', '400', '1', '5'],
      ['peer', '05570', '0', '1000', '1000', '3', '5'],
      ['vergleichsgruppe', '', '-2,0000000000000018', '1715', '1750', '', '5'],
      ['land', '', '0', '300', '300', '', '2'],
      ['bund', '', '-2,195121951219514', '2005', '2050', '', '6'],
    ]);
    expect(zeilen.find((z) => z.startsWith('gesamt;K2;monat;vergleichsgruppe;'))).toMatch(/;ohne 05558: integrationen gesperrt \(\*\) für 2017-03$/);
  });

  it('writes a workbook: the ranking under a title block, the matrix, the inputs; and every format into --out-dir', async () => {
    const ziel = datei('v.xlsx', '');
    expect((await imProzess(['vergleich', '--monatswerte', MW, '--monat', '2017-06', '--vergleichstypen', TYPEN, '--jobcenter', '12062', '--format', 'xlsx', '--out', ziel, '-q'])).code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(ziel));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Vergleich', 'Matrix', 'Eingaben']);
    const v = wb.getWorksheet('Vergleich')!;
    const kopf = Array.from({ length: v.rowCount }, (_, r) => v.getCell(r + 1, 1).value).indexOf('ID') + 1;
    const zeile = (id: string) => Array.from({ length: v.rowCount }, (_, r) => r + 1).find((r) => v.getCell(r, 1).value === id)!;
    const k1e2 = zeile('K1E2');
    expect(kopf).toBeGreaterThan(1);
    // The exact value as a fraction in a percent format; the rank, its n and the quartile as numbers.
    expect([v.getCell(k1e2, 3).value, v.getCell(k1e2, 4).value, v.getCell(k1e2, 5).value, v.getCell(k1e2, 6).value]).toEqual([expect.closeTo(0.1, 12), 4, 5, 4]);
    expect(v.getCell(k1e2, 9).value).toBeCloseTo(-0.02, 12);
    const matrix = wb.getWorksheet('Matrix')!;
    expect(matrix.rowCount).toBe(1 + 2 * 15 * (5 + 3));
    const o = datei('satz', '');
    rmSync(o);
    expect((await imProzess(['vergleich', '--monatswerte', MW, '--monat', '2017-06', '--jobcenter', '12062', '--out-dir', o, '-q'])).code).toBe(0);
    expect(readdirSync(o).sort()).toEqual(['csv', 'html', 'json', 'manifest.json', 'md', 'xlsx'].map((e) => `vergleich-12062-2017-06.${e}`));
  });

  it('refuses what it cannot compare, saying what to do', async () => {
    const ohne = await vergleich(['--format', 'table']);
    expect([ohne.code, ohne.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: vergleich braucht das eigene Jobcenter: --jobcenter SCHLÜSSEL, wie er in der Regionsspalte der Monatswerte steht.']);
    const fremd = await vergleich(['--jobcenter', '12062', '--peers', '12063,99999', '--format', 'table']);
    expect([fremd.code, fremd.stderr.split('\n')[0]]).toEqual([2, `kennzahlen: --peers: „99999“ steht nicht in ${MW}.`]);
    const fehlt = await vergleich(['--jobcenter', '5558', '--format', 'table']);
    expect(fehlt.code).toBe(2);
    expect(fehlt.stderr).toContain('gemeint ist wohl „05558“');
    const einer = await imProzess(['vergleich', '--monatswerte', 'fixtures/ba/monatswerte-plain.csv', '--jobcenter', '12062', '--format', 'table']);
    expect(einer.code).toBe(2);
    expect(einer.stderr).toContain('die Monatswerte sind für ein Jobcenter; ein Vergleich braucht eine Tabelle mehrerer');
    // Every row of the table needs its type: one without (the own Jobcenter, a total) would count unseen.
    const ohneTyp = datei('typen.csv', 'regionalschluessel;vergleichstyp\n12063;IIa\n05558;IIa\n05566;IIa\n05570;IIa\n09111;IIIb\n');
    const t = await vergleich(['--jobcenter', '12062', '--vergleichstypen', ohneTyp, '--format', 'table']);
    expect([t.code, t.stderr.split('\n')[0]]).toEqual([65, `kennzahlen: ${MW}: 1 Zeile ohne Vergleichstyp in ${ohneTyp}: „12062“.`]);
    // The file's keys as Excel's numbers (5558 for 05558): the same Jobcenters, said, never a smaller group.
    const zahlen = datei('zahlen.csv', readFileSync(TYPEN, 'utf8').replace(/^0(\d{4});/gm, '$1;'));
    const z = await vergleich(['--jobcenter', '12062', '--vergleichstypen', zahlen, '--format', 'table']);
    expect([z.code, z.stderr.split('\n')[0]]).toEqual([65, `kennzahlen: ${zahlen}: „5558“, „5566“, „5570“, „9111“ stehen in ${MW} mit führenden Nullen („05558“, „05566“, „05570“, „09111“).`]);
    // Without the file, a row that is no Jobcenter's key (a total) is refused, not counted as one.
    const mitSumme = datei('summe.csv', readFileSync(MW, 'utf8') + 'D;Deutschland;2017-06;99999;99;1\n');
    const s = await imProzess(['vergleich', '--monatswerte', mitSumme, '--monat', '2017-06', '--jobcenter', '12062', '--format', 'table']);
    expect([s.code, s.stderr.split('\n')[0]]).toEqual([65, `kennzahlen: ${mitSumme}: „D“ ist kein Schlüssel eines Jobcenters (fünf Ziffern wie 05111).`]);
    // A month the data do not reach back to: nothing computable is an error, as in report.
    const frueh = await vergleich(['--jobcenter', '12062', '--monat', '2015-07', '--format', 'table']);
    expect([frueh.code, frueh.stderr.split('\n')[0]]).toEqual([65, 'kennzahlen: Für den Berichtsmonat 07/2015 ist keine Kennzahl berechenbar.']);
  });

  it('says which peers lack a group the own Jobcenter has, and under which labels they have others', async () => {
    const text = readFileSync(MW, 'utf8').trimEnd().split('\n');
    const mitGruppen = [`${text[0]};Gruppe`, ...text.slice(1).flatMap((z) => {
      const [k] = z.split(';');
      if (k === '12063') return [`${z};`];
      if (k === '05558') return [`${z};`, `${z};weiblich`];
      return [`${z};`, `${z};Frauen`];
    })].join('\n') + '\n';
    const r = await imProzess(['vergleich', '--monatswerte', datei('gruppen.csv', mitGruppen), '--monat', '2017-06', '--jobcenter', '12062', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Gruppe frauen: keine Zeilen für 12063, 05558, also dort nicht verglichen (dort gibt es die Gruppen weiblich).');
  });

  it('compares what aggregate writes with --regionalschluessel, put together for several Jobcenters', async () => {
    const agg = (schluessel: string) => imProzess(['aggregate', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2015-06', '--bis', '2017-06', '--regionalschluessel', schluessel, '--format', 'csv']);
    const [a, b] = await Promise.all([agg('12062'), agg('12063')]);
    expect(a.stdout.split('\r\n')[0]).toMatch(/^\uFEFFregionalschluessel;monat;gruppe;elb;/);
    expect(a.stdout.split('\r\n')[1]).toMatch(/^12062;2015-06;gesamt;/);
    // One Jobcenter's file reads as its Monatswerte: the demo's K2.
    const allein = await imProzess(['report', '--monatswerte', datei('12062.csv', a.stdout), '--monat', '2017-06', '--json']);
    expect(JSON.parse(allein.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2').wert).toBe(26.8);
    // Two put together (the second without its header): a table of two; equal values share the first rank.
    const zusammen = datei('zwei.csv', a.stdout + b.stdout.split('\r\n').slice(1).join('\r\n'));
    const v = await imProzess(['vergleich', '--monatswerte', zusammen, '--jobcenter', '12062', '--monat', '2017-06', '--json']);
    expect(v.code, v.stderr).toBe(0);
    expect(kennzahl(v.stdout, 'K2').monat).toMatchObject({ wert: 26.8, rang: 1, von: 2 });
    const falsch = await imProzess(['aggregate', '--config', 'fixtures/demo/kennzahlen.json', '--regionalschluessel', '5111', '--format', 'csv']);
    expect([falsch.code, falsch.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: --regionalschluessel erwartet den Schlüssel eines Jobcenters, fünf Ziffern wie 12062 oder 05111, nicht „5111“.']);
  });

  it('check reads a Vergleichstypen file and refuses a Jobcenter twice', async () => {
    const gut = await imProzess(['check', '--vergleichstypen', TYPEN, '--format', 'table']);
    expect(gut.stdout).toContain('Vergleichstypen: 7 Jobcenter in 2 Typen');
    const doppelt = datei('doppelt.csv', 'regionalschluessel;vergleichstyp\n05111;Ia\n5111;Ia\n');
    const r = await imProzess(['check', '--vergleichstypen', doppelt, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('„05111“ und „5111“ unterscheiden sich nur in führenden Nullen');
  });
});

describe('report with peers: a comparison section', () => {
  const DEMO = ['--monatswerte', 'fixtures/demo/vergleich-monatswerte.csv', '--jobcenter', '12062', '--vergleichstypen', 'fixtures/demo/vergleichstypen.csv', '--monat', '2017-06'];

  it('holds what vergleich computes, in JSON, the table, the CSV and the workbook', async () => {
    const [r, v] = await Promise.all([imProzess(['report', ...DEMO, '--json']), imProzess(['vergleich', ...DEMO, '--json'])]);
    expect(r.code, r.stderr).toBe(0);
    const bericht = JSON.parse(r.stdout);
    const allein = JSON.parse(v.stdout);
    expect(bericht.vergleich.vergleichsgruppe).toEqual(allein.vergleichsgruppe);
    expect(bericht.vergleich.gruppen).toEqual(allein.gruppen);
    // The section's own values are the report's.
    expect(bericht.vergleich.gruppen[0].kennzahlen.map((k: { monat: { wert_exakt: number } }) => k.monat.wert_exakt)).toEqual(bericht.kennzahlen.map((k: { wert_exakt: number }) => k.wert_exakt));
    expect(bericht.eingaben.map((e: { rolle: string }) => e.rolle)).toEqual(['monatswerte', 'vergleichstypen']);

    const t = await imProzess(['report', ...DEMO, '--format', 'table']);
    expect(t.stdout).toContain('Vergleich\n');
    expect(t.stdout).toContain('Verglichen mit: Vergleichstyp IIc (20 Jobcenter) · Land BB · Bund: alle 20 Jobcenter der Tabelle');
    expect(t.stdout).toMatch(/│ K2 +│ Integrationsquote +│ +26,8 % │ +8\/20 │/);

    const csv = (await imProzess(['report', ...DEMO, '--format', 'csv'])).stdout.split('\r\n');
    const k2 = csv.find((z) => z.startsWith('vergleich;K2;12062;gesamt;'))!.split(';');
    expect([k2[12], k2[14]]).toEqual(['eigen', 'Rang 8/20']);
    expect(csv.filter((z) => z.startsWith('vergleich;K2;')).map((z) => z.split(';')[12])).toEqual([...Array(20).fill('peer').map((p, i) => (i === 0 ? 'eigen' : p)), 'vergleichsgruppe', 'land', 'bund']);

    const ziel = datei('bericht.xlsx', '');
    expect((await imProzess(['report', ...DEMO, '--format', 'xlsx', '--out', ziel, '-q'])).code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.load(readFileSync(ziel));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kennzahlen', 'Monatsreihe', 'Hinweise', 'Vergleich', 'Vergleichsmatrix', 'Eingaben']);
  });

  it('needs Monatswerte of many and the own key', async () => {
    const ohne = await imProzess(['report', '--monatswerte', 'fixtures/ba/monatswerte-plain.csv', '--peers', '12063', '--format', 'table']);
    expect([ohne.code, ohne.stderr.split('\n')[0]]).toEqual([2, 'kennzahlen: Ein Vergleich im Bericht braucht Monatswerte mehrerer Jobcenter (--monatswerte) und das eigene (--jobcenter SCHLÜSSEL).']);
    // Monatswerte of one Jobcenter (the demo's local goals): nothing to compare with.
    const einer = await imProzess(['report', '--config', 'fixtures/demo/kennzahlen.json', '--peers', '12063', '--monat', '2017-06', '--format', 'table']);
    expect(einer.code).toBe(2);
    expect(einer.stderr).toContain('Ein Vergleich im Bericht braucht Monatswerte mehrerer Jobcenter (--monatswerte mit einer Spalte Regionalschlüssel) und --jobcenter SCHLÜSSEL.');
    // Without peers, the report is as it was: no section.
    const einfach = await imProzess(['report', '--monatswerte', 'fixtures/demo/vergleich-monatswerte.csv', '--jobcenter', '12062', '--monat', '2017-06', '--json']);
    expect(JSON.parse(einfach.stdout).vergleich).toBeUndefined();
  });
});
