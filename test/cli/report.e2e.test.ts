import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, arbeitsordner, einmalJe, imProzess, kennzahlen } from './hilfen.js';

const json = (s: string) => JSON.parse(s);
const DEMO = 'fixtures/demo';
const PERSONEN = ['--zeitraeume', `${DEMO}/zeitraeume.csv`, '--personen', `${DEMO}/personen.csv`, '--integrationen', `${DEMO}/integrationen.csv`, '--massnahmen', `${DEMO}/massnahmen.csv`, '--leistungen', `${DEMO}/leistungen.csv`, '--datenstand', '2017-12-31'];
const { datei: schreibe, unterordner } = arbeitsordner('report');
/** Read-only commands this file runs more than once run once. */
const lauf = einmalJe();
const IDS = ['K1', 'K1E1', 'K1E2', 'K1E3', 'K1E4', 'K2', 'K2E1', 'K2E2', 'K2E3', 'K2E4', 'K3', 'K3E1', 'K3E2', 'K3E3', 'K3E4'];

describe('kennzahlen report from Monatswerte', () => {
  it('gives the published national K2 of June 2024: 804,171 / 3,963,017 = 20.3 %', async () => {
    const r = await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--json']);
    expect(r.code).toBe(0);
    const d = json(r.stdout);
    expect(d.schema).toBe('kennzahlen-report/1');
    expect(d.kennzahlen.map((k: { id: string }) => k.id)).toEqual(IDS);
    const k2 = d.kennzahlen.find((k: { id: string }) => k.id === 'K2');
    expect(k2).toMatchObject({ wert: 20.3, zaehler: 804171, nenner: 3963017, einheit: 'prozent', status: 'berechnet', fenster: { zaehler: ['2024-01', '2024-06'].map((_, i) => ['2023-07', '2024-06'][i]), nenner: ['2023-06', '2024-05'] } });
    // Indicators whose columns the file lacks are not computable, with the reason.
    const k3 = d.kennzahlen.find((k: { id: string }) => k.id === 'K3');
    expect(k3).toMatchObject({ wert: null, status: 'nicht_berechenbar', hinweis: 'Spalte lzb fehlt' });
    expect(d.datenstand).toBe('2024-06');
  });

  it('reads months named as in BA tables (Juni 2023, Jan. 2024, Mrz 2024) like 2023-06', async () => {
    const namen = ['Jan.', 'Februar', 'Mrz', 'April', 'Mai', 'Juni', 'Juli', 'Aug', 'Sept.', 'Oktober', 'Nov', 'Dezember'];
    const zeilen = readFileSync('fixtures/monatswerte/bund-k2.csv', 'utf8').replace(/^(\d{4})-(\d{2});/gm, (_, j, m) => `${namen[+m - 1]} ${j};`);
    expect(zeilen).toContain('\nMrz 2024;3.975.000;67.000\n');
    const datei = schreibe('ba-tabelle.csv', zeilen);
    const d = json((await lauf(['report', '--monatswerte', datei, '--monat', '2024-06', '--json'])).stdout);
    expect(d.kennzahlen.find((k: { id: string }) => k.id === 'K2')).toMatchObject({ wert: 20.3, zaehler: 804171, nenner: 3963017 });
  });

  it('never turns a suppressed cell (*) into a zero', async () => {
    const d = json((await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2-gesperrt.csv', '--monat', '2024-06', '--json'])).stdout);
    const k2 = d.kennzahlen.find((k: { id: string }) => k.id === 'K2');
    expect(k2).toMatchObject({ wert: null, status: 'nicht_berechenbar', hinweis: 'elb gesperrt (*) für 2024-02' });
  });

  it('prints the German table with x explained below', async () => {
    const r = await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--format', 'table']);
    expect(r.stdout).toContain('Kennzahlen nach § 48a SGB II');
    expect(r.stdout).toMatch(/│ K2 +│ Integrationsquote +│ +20,3 % │/);
    expect(r.stdout).toContain('804.171 / 3.963.017');
    expect(r.stdout).toContain('K3 (06/2024): Spalte lzb fehlt');
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe('person-level and aggregate paths agree', () => {
  it('aggregate → CSV or .xlsx → report --monatswerte gives the indicators of report on the person-level files', async () => {
    // One set of --out-dir holds both: the CSV and the workbook whose first sheet is the same table.
    const satz = unterordner('agg');
    const a = await imProzess(['aggregate', ...PERSONEN, '--von', '2015-01', '--bis', '2017-06', '--out-dir', satz]);
    expect([a.code, a.stderr]).toEqual([0, '']);
    const [csv, xlsx] = ['csv', 'xlsx'].map((e) => join(satz, `monatswerte-jobcenter-2017-06.${e}`));
    const ausDatei = json((await lauf(['report', '--monatswerte', csv, '--monat', '2017-06', '--json'])).stdout);
    const ausMappe = await imProzess(['report', '--monatswerte', xlsx, '--monat', '2017-06', '--json']);
    expect([ausMappe.code, ausMappe.stderr]).toEqual([0, '']);
    // The same report to the last digit; only the input it names differs (file, sheet, checksum).
    const { eingaben, ...ohneEingaben } = json(ausMappe.stdout);
    expect(eingaben).toMatchObject([{ rolle: 'monatswerte', datei: xlsx, zeilen: 30, blatt: 'Monatswerte' }]);
    expect(ohneEingaben).toEqual({ ...ausDatei, eingaben: undefined });
    const ausPersonen = json((await lauf(['report', ...PERSONEN, '--monat', '2017-06', '--json'])).stdout);
    const kern = (k: Record<string, unknown>) => {
      const { hinweis: _h, ...rest } = k;
      return rest;
    };
    expect(ausDatei.kennzahlen.map(kern)).toEqual(ausPersonen.kennzahlen.map(kern));
    // Everything must be computable there, or the comparison would prove little.
    expect(ausPersonen.kennzahlen.every((k: { status: string; jahresfortschritt: { wert: number | null } }) => k.status === 'berechnet' && k.jahresfortschritt.wert !== null)).toBe(true);
  });

  it('writes Excel-friendly CSV: BOM, semicolons, decimal comma, x for what is not computable', async () => {
    const r = await lauf(['aggregate', ...PERSONEN, '--von', '2013-01', '--bis', '2013-02', '--format', 'csv']);
    const zeilen = r.stdout.split('\r\n');
    expect(zeilen[0].startsWith('\uFEFFmonat;gruppe;elb;elb_zugaenge;')).toBe(true);
    // January 2013 is the first month of the data: no flows, no LZB, no integrations yet.
    const jan = Object.fromEntries(zeilen[0].slice(1).split(';').map((k, i) => [k, zeilen[1].split(';')[i]]));
    expect(jan).toMatchObject({ monat: '2013-01', gruppe: 'gesamt', elb_zugaenge: 'x', lzb: 'x', integrationen: 'x' });
    expect(jan.llu).toMatch(/^\d+,\d{1,2}$/);
  });

  it('filters numerators and denominators alike', async () => {
    const alle = json((await lauf(['aggregate', ...PERSONEN, '--monat', '2017-06', '--json'])).stdout).zeilen[0];
    const ohne = json((await lauf(['aggregate', ...PERSONEN, '--monat', '2017-06', '--filter', 'ohne_flucht', '--json'])).stdout).zeilen[0];
    expect(ohne.elb).toBeLessThan(alle.elb);
    expect(ohne.integrationen).toBeLessThanOrEqual(alle.integrationen);
    expect(ohne.llu).toBeNull();
    expect(ohne.hinweise.llu).toBe('llu fehlt für 2017-06 (Leistungen sind nicht nach Personen gegliedert)');
  });
});

describe('targets', () => {
  let nummer = 0;
  const ziele = (inhalt: unknown) => schreibe(`ziele-${++nummer}.json`, typeof inhalt === 'string' ? inhalt : JSON.stringify(inhalt));

  it('demo: the Arbeitsmarktprogramm’s 2017 targets for 06/2017, clearly labelled; --fail-on-miss exits 1 with the report still complete', async () => {
    const r = await lauf(['demo', '--json']);
    expect(r.code).toBe(0);
    const d = json(r.stdout);
    expect([d.demo, d.berichtsmonat, d.ziele_jahr]).toEqual([true, '2017-06', 2017]);
    expect(d.ziele.map((z: { id: string }) => z.id)).toEqual(['K2_ohne_flucht', 'K3', 'ALQ_U25', 'K2_u25_ohne_flucht', 'ABG_LZA', 'ABG_SBM', 'EGL_AUSGABEQUOTE']);
    const k2 = d.ziele[0];
    // Soll = last year's year-to-date quota · 1.011, and the status follows from Ist against Soll.
    expect(k2.soll).toBeCloseTo(k2.vorjahr * 1.011, 10);
    expect(k2.status).toBe(k2.ist >= k2.soll ? 'erreicht' : 'verfehlt');
    expect(d.ziele[1]).toMatchObject({ kennzahl: 'K3', soll: -5.1, einheit: 'veraenderung_prozent' });
    const verfehlt = d.ziele.filter((z: { status: string }) => z.status === 'verfehlt').map((z: { id: string }) => z.id);
    expect(verfehlt.length).toBeGreaterThan(0);
    expect(r.stderr).toContain(`verfehlt: ${verfehlt.join(', ')}`);

    const streng = await lauf(['demo', '--json', '--fail-on-miss']);
    expect(streng.code).toBe(1);
    expect(json(streng.stdout).ziele).toHaveLength(7);
    expect((await lauf(['demo', '--format', 'table'])).stdout.startsWith(' DEMO ')).toBe(true);
  });

  it('0 with --fail-on-miss when every target is met', async () => {
    const datei = ziele({ jahr: 2017, ziele: [{ kennzahl: 'K1E2', veraenderung: 0 }, { kennzahl: 'K2', mindestens: 1 }] });
    const r = await lauf(['report', ...PERSONEN, '--monat', '2017-06', '--ziele', datei, '--fail-on-miss', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).ziele.map((z: { status: string }) => z.status)).toEqual(['erreicht', 'erreicht']);
  });

  it('65 for a broken ziele file, naming entry and key', async () => {
    const datei = ziele({ jahr: 2017, ziele: [{ kennzahl: 'K9', veraenderung: 1 }, { id: 'A', zaehler: 'x', nenner: 'y', aggregation: 'median', hoechstens: '3,4' }, { kennzahl: 'K2' }] });
    const r = await lauf(['report', ...PERSONEN, '--monat', '2017-06', '--ziele', datei, '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toContain('ziele[0].kennzahl: unbekannte Kennzahl „K9“');
    expect(r.stderr).toContain('ziele[1].hoechstens: erwartet eine Zahl, nicht "3,4"');
    expect(r.stderr).toContain('ziele[1].aggregation: erwartet summe, durchschnitt, stand, nicht „median“');
    expect(r.stderr).toContain('ziele[2]: erwartet genau eine Grenze: veraenderung, mindestens, hoechstens');
    const kaputteDatei = ziele('{ "jahr": 2017,\n  "ziele": [ }');
    const kaputt = await lauf(['report', ...PERSONEN, '--monat', '2017-06', '--ziele', kaputteDatei, '--format', 'table']);
    expect(kaputt.code).toBe(65);
    expect(kaputt.stderr).toBe(`kennzahlen: ${kaputteDatei}: kein gültiges JSON.\n  ${kaputteDatei}:2:14: kein gültiges JSON: „[“ aus Zeile 2 wird mit „]“ geschlossen, nicht mit „}“\n`);
  });

  it('warns when the targets name another Jobcenter; case and punctuation do not count', async () => {
    const demo = ['report', '--config', `${DEMO}/kennzahlen.json`, '--ziele', `${DEMO}/ziele-2017.json`, '--monat', '2017-06', '--json'];
    const fremd = await lauf([...demo, '--jobcenter', 'Leipzig']);
    expect(fremd.code).toBe(0);
    expect(fremd.stderr).toContain('fixtures/demo/ziele-2017.json: die Ziele nennen das Jobcenter „Elbe-Elster (Demo, synthetische Daten)“, der Bericht ist für „Leipzig“.');
    expect((await lauf([...demo, '--jobcenter', 'ELBE-ELSTER (demo, synthetische daten)'])).stderr).not.toContain('die Ziele nennen');
  });

  it('2 when the targets are for another year than the Berichtsmonat', async () => {
    const r = await lauf(['report', ...PERSONEN, '--monat', '2016-06', '--ziele', `${DEMO}/ziele-2017.json`, '--format', 'table']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('die Ziele gelten für 2017, der Berichtsmonat ist 2016-06');
  });

  it('a filtered target needs person data: from Monatswerte alone it is not computable', async () => {
    const datei = ziele({ jahr: 2024, ziele: [{ kennzahl: 'K2', filter: 'ohne_flucht', veraenderung: 1.1 }] });
    const d = json((await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--ziele', datei, '--json'])).stdout);
    expect(d.ziele[0]).toMatchObject({ status: 'nicht_berechenbar', hinweis: 'Filter ohne_flucht braucht Personendaten mit Merkmalen (--zeitraeume und --personen)' });
  });
});

describe('Monatswerte from BA tables: columns nobody uses are not read', () => {
  const ordner = unterordner('ba');
  const tabelle = join(ordner, 'monatswerte.csv');
  // A region name and a change rate with the BA's `.x` (over 250 %) next to the columns in use.
  writeFileSync(tabelle, 'monat;Region;elb;veraenderung;ALO;ep\n2023-01;Elbe-Elster;1.000;.x;30;1.000\n2023-02;Elbe-Elster;1.000;x;40;1.000\n2024-01;Elbe-Elster;900;-10,0;27;900\n2024-02;Elbe-Elster;950;5,6;36;950\n');
  const zieleMit = (zaehler: string) => {
    const datei = join(ordner, `ziele-${zaehler}.json`);
    writeFileSync(datei, JSON.stringify({ jahr: 2024, ziele: [{ id: 'ALQ', zaehler, nenner: 'EP', aggregation: 'summe', hoechstens: 3.5 }] }));
    return datei;
  };

  it('reads the standard columns and those a local goal names (case-insensitive), and ignores the rest', async () => {
    const r = await lauf(['report', '--monatswerte', tabelle, '--monat', '2024-02', '--ziele', zieleMit('alo'), '--json']);
    expect(r.code).toBe(0);
    const d = json(r.stdout);
    // K1E2 = 950 / 1.000 − 1; ALQ = (27 + 36) / (900 + 950) against (30 + 40) / (1.000 + 1.000) a year before.
    expect(d.kennzahlen.find((k: { id: string }) => k.id === 'K1E2')).toMatchObject({ wert: -5, zaehler: 950, nenner: 1000 });
    expect(d.ziele[0]).toMatchObject({ id: 'ALQ', status: 'erreicht', soll: 3.5 });
    expect(d.ziele[0].ist).toBeCloseTo((63 / 1850) * 100, 10);
    expect(d.ziele[0].vorjahr).toBeCloseTo(3.5, 10);
    expect((await lauf(['report', '--monatswerte', tabelle, '--monat', '2024-02', '--json', '--verbose'])).stderr).toContain('nicht gelesen, da weder Kennzahl noch Ziel sie nutzt: veraenderung, alo, ep');
  });

  it('65 when a goal names a column that holds no numbers, pointing at the cell', async () => {
    const r = await lauf(['report', '--monatswerte', tabelle, '--monat', '2024-02', '--ziele', zieleMit('Region'), '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toContain(`${tabelle}:2:2: Spalte „region“: „Elbe-Elster“ ist ungültig; erwartet eine Zahl mit Dezimalkomma`);
  });

  it('check validates what a report would read, and says what it leaves out', async () => {
    const ohne = await lauf(['check', '--monatswerte', tabelle, '--format', 'table']);
    expect(ohne.code).toBe(0);
    // The region column names the one Jobcenter of the table.
    expect(ohne.stdout).toContain('Monatswerte: elb · ein Jobcenter (Spalte region) · nicht geprüft, da weder Kennzahl noch Ziel sie nutzt: veraenderung, alo, ep');
    const mit = await lauf(['check', '--monatswerte', tabelle, '--ziele', zieleMit('region'), '--format', 'table']);
    expect(mit.code).toBe(65);
    expect(mit.stdout).toContain('„Elbe-Elster“ ist ungültig');
  });

  it('a month counts even when only goal columns fill it: the Berichtsmonat defaults to the last one', async () => {
    const r = await lauf(['report', '--monatswerte', `${DEMO}/lokale-ziele.csv`, '--ziele', `${DEMO}/ziele-2017.json`, '--json']);
    expect(json(r.stdout).berichtsmonat).toBe('2017-12');
    // Without the targets nothing in it is computable: an error, not a report of x.
    const ohneZiele = await lauf(['report', '--monatswerte', `${DEMO}/lokale-ziele.csv`, '--format', 'table']);
    expect([ohneZiele.code, ohneZiele.stdout]).toEqual([65, '']);
    expect(ohneZiele.stderr).toContain('kennzahlen: Für den Berichtsmonat 12/2017 ist keine Kennzahl berechenbar.\nHinweis: es fehlen die Spalten llu, luh, elb, elb_zugaenge, elb_abgaenge, integrationen, eintritte_geringfuegig, eintritte_oeffentlich, integrationen_kontinuierlich, integrationen_ae, elb_ae, lzb, integrationen_lzb, lzb_aktiviert, lzb_zugaenge, lzb_abgaenge. Gelesen: keine Spalte der Monatswerte; nicht gelesen, da keine Kennzahl und kein Ziel sie nutzt: alo_u25, ep_u25, abgaenge_lza, abgaenge_sbm, egl_ausgaben, egl_budget.');
  });
});

describe('persons the inputs do not share', () => {
  it('says how many have no attributes or no ELB periods, and what that changes', async () => {
    const o = unterordner('fremd');
    const datei = (name: string, inhalt: string) => (writeFileSync(join(o, name), inhalt), join(o, name));
    const zr = datei('zeitraeume.csv', 'person_id;beginn;ende\nA;2015-01-01;\nB;2015-01-01;\nC;2015-01-01;\n');
    const pe = datei('personen.csv', 'person_id;geschlecht\nA;w\n');
    const ig = datei('integrationen.csv', 'person_id;datum;art\nA;2016-05-02;SVB\nX;2016-05-02;SVB\nY;2016-06-02;SVB\n');
    const args = ['aggregate', '--zeitraeume', zr, '--personen', pe, '--integrationen', ig, '--datenstand', '2016-06-30', '--monat', '2016-06', '--json'];
    const r = await lauf(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`kennzahlen: ${pe}: 2 Personen mit ELB-Zeiten fehlen; Aufgliederungen zählen sie unter „unbekannt“, Filter wie u25 oder frauen nicht mit.`);
    expect(r.stderr).toContain(`kennzahlen: ${ig}: 2 Personen ohne ELB-Zeiten in ${zr}; ihre Integrationen und Eintritte zählen nicht.`);
    expect((await lauf([...args, '-q'])).stderr).toBe('');
  });
});

describe('determinism', () => {
  it('gives byte-identical reports on reruns and in any time zone', async () => {
    // Two binaries side by side in Los Angeles and Tokyo, and this process in Kiritimati.
    const [a, b] = await Promise.all([kennzahlen(['demo', '--json'], { env: { TZ: 'America/Los_Angeles' } }), kennzahlen(['demo', '--json'], { env: { TZ: 'Asia/Tokyo' } })]);
    expect(a.stdout.length).toBeGreaterThan(10_000);
    expect(b.stdout).toBe(a.stdout);
    expect(process.env.TZ).toBe('Pacific/Kiritimati');
    expect((await lauf(['demo', '--json'])).stdout).toBe(a.stdout);
  });
});

describe('--nach geschlecht', () => {
  it('adds Frauen and Männer next to the total; their ELB add up with the others to the total', async () => {
    const d = json((await lauf(['report', ...PERSONEN, '--monat', '2017-06', '--nach', 'geschlecht', '--json'])).stdout);
    expect(d.gruppen.map((g: { gruppe: string }) => g.gruppe)).toEqual(['w', 'm']);
    const a = json((await lauf(['aggregate', ...PERSONEN, '--monat', '2017-06', '--nach', 'geschlecht', '--json'])).stdout).zeilen;
    const elb = Object.fromEntries(a.map((z: { gruppe: string; elb: number }) => [z.gruppe, z.elb]));
    expect(elb.w + elb.m + elb.d + elb.x + elb.unbekannt).toBe(elb.gesamt);
  });
});
