// Disclosure control in a comparison (issue 12; docs/vertrag.md §6 Geheimhaltung): `--suppress-below`
// hides the peers' small counts, and so much more that no small count, a peer's or that of a
// Jobcenter printed only inside an aggregate, can be worked out by subtracting what is printed.
// On fixtures/vergleich/ (written by its erzeuge.py): K2's numerator over 07/2016–06/2017 is
// 12 × 2 = 24 integrations for 12062, 60 for 12063, 100 for 05566, 216 for 05570 and 96 for 09111
// (type IIIb, Bund only); 05558 has a month suppressed at the source and is in no aggregate of K2.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, einmalJe } from './hilfen.js';

const MW = 'fixtures/vergleich/monatswerte.csv';
const TYPEN = 'fixtures/vergleich/vergleichstypen.csv';
const lauf = einmalJe();
const { datei } = arbeitsordner('vergleich-sperre');
const vergleich = (args: string[]) => lauf(['vergleich', '--monatswerte', MW, '--monat', '2017-06', '--jobcenter', '12062', ...args]);

type Zeile = Record<'gruppe' | 'kennzahl' | 'fenster' | 'art' | 'jobcenter' | 'wert' | 'zaehler' | 'nenner' | 'rang' | 'von' | 'hinweis', string>;

/** The matrix CSV as rows of named cells. */
function matrix(csv: string): Zeile[] {
  const [kopf, ...zeilen] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((z) => z.split(';'));
  return zeilen.map((z) => Object.fromEntries(kopf.map((k, i) => [k, z[i]])) as Zeile);
}
const zahl = (s: string) => Number(s.replace(',', '.'));
const K2_MONAT = (z: Zeile) => z.gruppe === 'gesamt' && z.kennzahl === 'K2' && z.fenster === 'monat';

describe('vergleich --suppress-below', () => {
  it('hides a small count of the own Jobcenter, and the peer that the peer group aggregate would give it away by', async () => {
    const r = await vergleich(['--vergleichstypen', TYPEN, '--format', 'csv', '--suppress-below', '30']);
    expect(r.code, r.stderr).toBe(0);
    // 24 < 30: primary. Peer group 400 − 100 − 216 = 84 would leave 24 once 60 is known: 12063, the smallest, goes too.
    // The Land (12062 + 12063 = 84) and the Bund (with 09111: 496) say no more than that sum.
    expect(matrix(r.stdout).filter(K2_MONAT).map((z) => [z.art, z.jobcenter, z.zaehler, z.rang])).toEqual([
      ['eigen', '12062', '*', '*'],
      ['peer', '12063', '*', '*'],
      ['peer', '05558', 'x', 'x'],
      ['peer', '05566', '100', '2'],
      ['peer', '05570', '216', '4'],
      ['vergleichsgruppe', '', '400', ''],
      ['land', '', '84', ''],
      ['bund', '', '496', ''],
    ]);
    const j = await vergleich(['--vergleichstypen', TYPEN, '--json', '--suppress-below', '30']);
    const k2 = JSON.parse(j.stdout).gruppen[0].kennzahlen.find((k: { id: string }) => k.id === 'K2').monat;
    expect(JSON.parse(j.stdout).gesperrt_unter).toBe(30);
    // Values 22.9 (12062), 30.8 (12063), 26.2, 21.6: the maximum and the median (of 22.9 and 26.2)
    // would be suppressed values; the minimum is 05570's, shown.
    expect(k2).toMatchObject({ wert: '*', zaehler: '*', nenner: '*', rang: '*', von: 4, quartil: '*', median: '*', min: 21.6, max: '*', abstand_median: '*' });
    const t = await vergleich(['--vergleichstypen', TYPEN, '--format', 'table', '--suppress-below', '30']);
    expect(t.stdout).toMatch(/│ K2 +│ Integrationsquote +│ +\* │ +\* │ +\* │ +\* │ +\* │ +23,8 % │ +28,0 % │ +25,1 % │/);
    expect(t.stdout).toContain('gesperrt: beruht auf einer Zahl unter 30');
  });

  it('protects a Jobcenter printed only inside the aggregates: Bund minus peer group would be 09111 alone', async () => {
    // At 100, 09111's 96 is small. Bund 496 and peer group 400 together would give it: one of them goes.
    const r = await vergleich(['--vergleichstypen', TYPEN, '--format', 'csv', '--suppress-below', '100']);
    expect(r.code, r.stderr).toBe(0);
    const z = matrix(r.stdout).filter(K2_MONAT);
    const aggregat = (art: string) => z.find((x) => x.art === art)!.zaehler;
    expect(aggregat('land')).toBe('*'); // 84 < 100
    expect([aggregat('vergleichsgruppe'), aggregat('bund')]).toContain('*');
    // Without suppression, nothing is hidden (and nothing was small to hide at 3).
    const offen = await vergleich(['--vergleichstypen', TYPEN, '--format', 'csv', '--suppress-below', '3']);
    expect(offen.stdout).not.toContain('*;');
  });

  // A reader's simplest attacks, checked on the printed matrix against the true values: an aggregate
  // minus its shown members, and one aggregate minus another that it contains. Neither may leave a
  // single Jobcenter whose count is small.
  it.each([
    ['type', ['--vergleichstypen', TYPEN]],
    ['list', ['--peers', '12063,05566', '--vergleichstypen', TYPEN]],
  ])('leaves no small count to subtract, whatever the threshold (peers by %s)', async (_, peers) => {
    // Every row a peer, nothing suppressed: each Jobcenter's true counts.
    const wahr = matrix((await lauf(['vergleich', '--monatswerte', MW, '--monat', '2017-06', '--jobcenter', '12062', '--format', 'csv'])).stdout);
    const typen = readFileSync(TYPEN, 'utf8').trim().split('\n').slice(1).map((z) => z.split(';'));
    const land = new Set(typen.filter((t) => t[3] === 'BB').map((t) => t[0]));
    const alle = ['12062', '12063', '05558', '05566', '05570', '09111'];
    const zaehltPersonen = (id: string) => id !== 'K1' && id !== 'K1E1';
    for (const unter of [30, 60, 100, 250]) {
      const r = await vergleich([...peers, '--format', 'csv', '--suppress-below', String(unter)]);
      expect(r.code, r.stderr).toBe(0);
      const gezeigt = matrix(r.stdout);
      const peerListe = [...new Set(gezeigt.filter((z) => z.jobcenter).map((z) => z.jobcenter))];
      for (const z of gezeigt.filter((x) => !x.jobcenter && zaehltPersonen(x.kennzahl))) {
        const gleich = (x: Zeile) => x.gruppe === z.gruppe && x.kennzahl === z.kennzahl && x.fenster === z.fenster;
        const aus = new Set(z.hinweis.replace(/^ohne /, '').split('; ').map((h) => h.split(':')[0]).filter(Boolean));
        const mitglieder = (art: string) => (art === 'vergleichsgruppe' ? peerListe : art === 'land' ? alle.filter((k) => land.has(k)) : alle).filter((k) => !aus.has(k));
        const sichtbar = (k: string, teil: 'zaehler' | 'nenner') => gezeigt.find((x) => gleich(x) && x.jobcenter === k)?.[teil];
        const wahrerWert = (k: string, teil: 'zaehler' | 'nenner') => zahl(wahr.find((x) => gleich(x) && x.jobcenter === k)![teil]);
        const klein = (w: number) => w > 1e-9 && w < unter - 1e-9;
        for (const teil of ['zaehler', 'nenner'] as const) {
          if (z[teil] === '*' || z[teil] === 'x') continue;
          const verborgenIn = (k: string) => [undefined, '*'].includes(sichtbar(k, teil));
          const verborgen = mitglieder(z.art).filter(verborgenIn);
          if (verborgen.length === 1) expect(klein(wahrerWert(verborgen[0], teil)), `${unter}: ${z.kennzahl} ${z.fenster} ${z.art} ${teil} gibt ${verborgen[0]} preis`).toBe(false);
          // Bund minus a shown aggregate it contains.
          const bund = gezeigt.find((x) => gleich(x) && x.art === 'bund');
          if (z.art !== 'bund' && bund && bund[teil] !== '*' && bund[teil] !== 'x') {
            const innen = new Set(mitglieder(z.art));
            const rest = mitglieder('bund').filter((k) => !innen.has(k) && verborgenIn(k));
            if (mitglieder(z.art).every((k) => mitglieder('bund').includes(k)) && rest.length === 1) {
              expect(klein(wahrerWert(rest[0], teil)), `${unter}: ${z.kennzahl} ${z.fenster} Bund − ${z.art} ${teil} gibt ${rest[0]} preis`).toBe(false);
            }
          }
        }
      }
    }
  });

  it('hides a median, minimum or maximum that a suppressed Jobcenter shares with a shown one, and the distances to neighbours', async () => {
    // K2 over 07/2016–06/2017: 10001 120/500 = 24 %, 10004 120/2000 = 6 %, 10005 6/100 = 6 % (6 < 10), 10006 30/1000 = 3 %.
    // A median of 6 % beside the ranks (10004 second) would say that 10005 or 10006 has exactly 6 %, and the aggregate which.
    const zeilen = ['Regionalschlüssel;Monat;elb;integrationen;eintritte_geringfuegig'];
    const jc: [string, number, (i: number) => number, number][] = [['10001', 500, () => 10, 40], ['10004', 2000, () => 10, 50], ['10005', 100, (i) => (i % 12 < 6 ? 1 : 0), 5], ['10006', 1000, (i) => [3, 2][i % 2], 40]];
    for (const [k, elb, integ, eg] of jc) for (let i = 0; i < 30; i++) zeilen.push(`${k};${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')};${elb};${integ(i)};${eg}`);
    const gleich = datei('gleichstand.csv', zeilen.join('\n') + '\n');
    const r = await lauf(['vergleich', '--monatswerte', gleich, '--monat', '2017-06', '--jobcenter', '10001', '--json', '--suppress-below', '10']);
    expect(r.code, r.stderr).toBe(0);
    const k2 = JSON.parse(r.stdout).gruppen[0].kennzahlen.find((k: { id: string }) => k.id === 'K2').monat;
    expect(k2).toMatchObject({ wert: 24, rang: 1, median: '*', min: '*', max: 24, abstand_median: '*' });
    // Without the threshold the median is 6 %.
    const offen = await lauf(['vergleich', '--monatswerte', gleich, '--monat', '2017-06', '--jobcenter', '10001', '--json']);
    expect(JSON.parse(offen.stdout).gruppen[0].kennzahlen.find((k: { id: string }) => k.id === 'K2').monat.median).toBe(6);

    const nachbarn = await vergleich(['--nachbarn', '5', '--merkmale', 'elb', '--json', '--suppress-below', '60']);
    expect(nachbarn.code, nachbarn.stderr).toBe(0);
    const abstaende = JSON.parse(nachbarn.stdout).vergleichsgruppe.abstaende;
    expect(abstaende.map((a: { abstand: unknown }) => a.abstand)).toEqual(Array(5).fill('*'));
  });

  it('checks the groups only in the months a comparison reads', async () => {
    // Frauen and Männer, each half; 06/2017, after the Berichtsmonat 05/2017, has Frauen above the total (a slip, not a second breakdown).
    const text = readFileSync(MW, 'utf8').trimEnd().split('\n');
    const zeilen = [`${text[0]};Gruppe`, ...text.slice(1).flatMap((z) => {
      const f = z.split(';');
      const halb = (g: string, plus = 0) => [...f.slice(0, 3), String(Math.floor(Number(f[3]) / 2) + plus), f[4] === '*' ? '*' : String(Math.floor(Number(f[4]) / 2)), f[5], g].join(';');
      return [`${z};`, halb('Frauen', f[0] === '09111' && f[2] === '2017-06' ? 1000 : 0), halb('Männer')];
    })];
    const ausreisser = datei('ausreisser.csv', zeilen.join('\n') + '\n');
    const r = await lauf(['vergleich', '--monatswerte', ausreisser, '--monat', '2017-05', '--jobcenter', '12062', '--vergleichstypen', TYPEN, '--format', 'table', '--suppress-below', '5']);
    expect(r.code, r.stderr).toBe(0);
    // In the months of 06/2017's windows it counts.
    expect((await lauf(['vergleich', '--monatswerte', ausreisser, '--monat', '2017-06', '--jobcenter', '12062', '--vergleichstypen', TYPEN, '--format', 'table', '--suppress-below', '5'])).code).toBe(65);
  });

  it('refuses two breakdowns in one table: its groups would not add up to the total', async () => {
    const text = readFileSync(MW, 'utf8').trimEnd().split('\n');
    // Frauen and Männer halves, and an age group of a third, in the same column: 1/2 + 1/2 + 1/3 > 1.
    const zeilen = [`${text[0]};Gruppe`, ...text.slice(1).flatMap((z) => {
      const f = z.split(';');
      const teil = (n: number, g: string) => [...f.slice(0, 3), String(Math.floor(Number(f[3]) / n)), f[4] === '*' ? '*' : String(Math.floor(Number(f[4]) / n)), f[5], g].join(';');
      return [`${z};`, teil(2, 'Frauen'), teil(2, 'Männer'), teil(3, '15_bis_unter_25')];
    })];
    const zwei = datei('zwei-gliederungen.csv', zeilen.join('\n') + '\n');
    const r = await lauf(['vergleich', '--monatswerte', zwei, '--monat', '2017-06', '--jobcenter', '12062', '--vergleichstypen', TYPEN, '--format', 'table', '--suppress-below', '5']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('Das sind mehrere Gliederungen in einer Tabelle oder Gruppen, die ihrer Summe widersprechen');
    // Without disclosure control the same table compares, group by group.
    expect((await lauf(['vergleich', '--monatswerte', zwei, '--monat', '2017-06', '--jobcenter', '12062', '--vergleichstypen', TYPEN, '--format', 'table'])).code).toBe(0);
  });

  it('decides once for a report and its comparison: the own values are hidden alike in both', async () => {
    // The demo's Vergleichstyp (20 Jobcenters) at 300: K2E1 and K2E4 rest on fewer than 300 entries a year.
    const r = await lauf(['report', '--monatswerte', 'fixtures/demo/vergleich-monatswerte.csv', '--monat', '2017-06', '--jobcenter', '12062', '--vergleichstypen', 'fixtures/demo/vergleichstypen.csv', '--json', '--suppress-below', '300']);
    expect(r.code, r.stderr).toBe(0);
    const b = JSON.parse(r.stdout);
    const sicht = (w: unknown) => (w === '*' ? '*' : w === null ? 'x' : 'zahl');
    const bericht = b.kennzahlen.map((k: { id: string; wert: unknown; jahresfortschritt: { wert: unknown } }) => [k.id, sicht(k.wert), sicht(k.jahresfortschritt.wert)]);
    const abschnitt = b.vergleich.gruppen[0].kennzahlen.map((k: { id: string; monat: { wert: unknown }; jfw: { wert: unknown } }) => [k.id, sicht(k.monat.wert), sicht(k.jfw.wert)]);
    expect(abschnitt).toEqual(bericht);
    expect(bericht.filter((k: string[]) => k.includes('*'))).toEqual([['K2E1', '*', '*'], ['K2E2', 'zahl', '*'], ['K2E4', '*', '*']]);
  });
});

