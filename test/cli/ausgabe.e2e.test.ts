// Outputs for the share, cron and CI (issue 4): every format, files written atomically with
// placeholders or as a set with a manifest, determinism, disclosure control, English labels.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ANSI, arbeitsordner, einmalJe, imProzess, kennzahlen } from './hilfen.js';

const KANTEN = ['--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--personen', 'fixtures/kanten/personen.csv', '--datenstand', '2016-12-31'];
const BEFEHLE: Record<string, string[]> = {
  lzb: ['lzb', ...KANTEN, '--von', '2016-10', '--bis', '2016-12', '--nach', 'geschlecht'],
  report: ['demo'],
  aggregate: ['aggregate', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2017-01', '--bis', '2017-03'],
};
const { unterordner } = arbeitsordner('aus');
const ordner = () => unterordner('o');
/** Read-only commands run once each in this file; determinism is checked by running them again. */
const lauf = einmalJe();
const sha = (datei: string) => createHash('sha256').update(readFileSync(datei)).digest('hex');

describe('every format of every command', () => {
  for (const [name, args] of Object.entries(BEFEHLE)) {
    it(`${name}: table, json, csv, md and html, each byte-identical on a rerun`, async () => {
      const aus: Record<string, string> = {};
      for (const format of ['table', 'json', 'csv', 'md', 'html']) {
        const r = await lauf([...args, '--format', format]);
        expect([r.code, format]).toEqual([0, format]);
        aus[format] = r.stdout;
      }
      // The rerun: the table once more, every file format in one --out-dir set (a run of its own,
      // whose files must be what each format printed alone).
      expect((await imProzess([...args, '--format', 'table'])).stdout, `${name} table rerun`).toBe(aus.table);
      const o = ordner();
      expect((await imProzess([...args, '--out-dir', o, '-q'])).code).toBe(0);
      for (const format of ['json', 'csv', 'md', 'html']) {
        const datei = readdirSync(o).find((d) => d.endsWith(`.${format}`) && !d.endsWith('.manifest.json'));
        expect(readFileSync(join(o, datei!), 'utf8'), `${name} ${format} rerun`).toBe(aus[format]);
      }
      expect(aus.table).not.toMatch(ANSI);
      expect(() => JSON.parse(aus.json)).not.toThrow();
      expect(aus.csv.startsWith('\uFEFF')).toBe(true);
      expect(aus.csv).toContain('\r\n');
      expect(aus.md).toMatch(/^# /);
      expect(aus.md).toMatch(/\n\| --- \|/);
      expect(aus.html.startsWith('<!DOCTYPE html>')).toBe(true);
      // Self-contained: no scripts, no external references of any kind.
      expect(aus.html).not.toMatch(/<script|<link|src=|url\(|https?:\/\//i);
    });
  }

  it('names each input with its whole SHA-256 in files, its first 16 digits at the terminal', async () => {
    const voll = sha('fixtures/demo/zeitraeume.csv');
    const zeile = 'Eingabe zeitraeume: fixtures/demo/zeitraeume.csv · 20.226 Zeilen · UTF-8, Semikolon · SHA-256';
    expect((await lauf(['demo', '--format', 'md'])).stdout).toContain(`- ${zeile} \`${voll}\`\n`);
    expect((await lauf(['demo', '--format', 'html'])).stdout).toContain(`<li>${zeile} <code>${voll}</code></li>`);
    expect((await lauf(['demo', '--format', 'table'])).stdout).toContain(`${zeile} ${voll.slice(0, 16)}…\n`);
    // The targets' full names as a list, not as loose lines.
    expect((await lauf(['demo', '--format', 'md'])).stdout).toContain('**Ziele im Wortlaut:**\n\n- K2 ohne Fluchtkontext: Integrationsquote ohne Asyl/Flucht steigern\n- K3: ');
  });

  it('report html draws a chart per indicator and per target', async () => {
    const html = (await lauf(['demo', '--format', 'html'])).stdout;
    expect((html.match(/<svg /g) ?? []).length).toBe(15 + 7);
    expect(html).toMatch(/<path d="M[\d.]+ [\d.]+ L/);
    expect(html).toContain('@page { size: A4;');
  });
});

describe('CSV for Excel parses back with the right columns', () => {
  it('report: one row per indicator and target, decimal comma, exact values', async () => {
    const csv = (await lauf(['demo', '--format', 'csv'])).stdout;
    const zeilen = parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(zeilen[0])).toEqual(['bereich', 'id', 'name', 'gruppe', 'einheit', 'wert', 'vorjahr', 'jfw', 'jfw_vorjahr', 'zaehler', 'nenner', 'soll', 'status', 'hochrechnung', 'hinweis', 'soll_dezember']);
    expect(zeilen.filter((z) => z.bereich === 'kennzahl')).toHaveLength(15);
    // ABG_LZA: at least 420 in the year, so 210 by June and 420 for December, beside the projection.
    expect(zeilen.find((z) => z.id === 'ABG_LZA')).toMatchObject({ soll: '210', soll_dezember: '420' });
    expect(zeilen.filter((z) => z.bereich === 'ziel')).toHaveLength(7);
    // What the report is about comes first, its inputs with their full checksums last.
    expect(zeilen.slice(0, 4).map((z) => [z.bereich, z.id, z.name])).toEqual([
      ['bericht', 'berichtsmonat', '2017-06'],
      ['bericht', 'jobcenter', 'Elbe-Elster (Demo, synthetische Daten)'],
      ['bericht', 'datenstand', '2017-12-31'],
      ['bericht', 'demo', 'synthetische Beispieldaten, keine echten Zahlen'],
    ]);
    const eingaben = zeilen.filter((z) => z.bereich === 'eingabe');
    expect(eingaben.map((z) => z.id)).toEqual(['zeitraeume', 'personen', 'integrationen', 'massnahmen', 'leistungen', 'monatswerte', 'ziele']);
    expect(eingaben[0]).toMatchObject({ name: 'fixtures/demo/zeitraeume.csv', einheit: 'zeilen', wert: '20226', hinweis: `SHA-256 ${sha('fixtures/demo/zeitraeume.csv')}` });
    expect(eingaben[6]).toMatchObject({ name: 'fixtures/demo/ziele-2017.json', einheit: 'eintraege', wert: '7', hinweis: `SHA-256 ${sha('fixtures/demo/ziele-2017.json')}` });
    const json = JSON.parse((await lauf(['demo', '--json'])).stdout);
    const k2 = zeilen.find((z) => z.id === 'K2')!;
    expect(Number(k2.wert.replace(',', '.'))).toBe(json.kennzahlen.find((k: { id: string }) => k.id === 'K2').wert_exakt);
    expect(Number(k2.zaehler)).toBe(1924);
  });

  it('lzb: one row per Stichtag and group', async () => {
    const csv = (await lauf([...BEFEHLE.lzb, '--format', 'csv'])).stdout;
    const alle = parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    const zeilen = alle.filter((z) => z.bereich === 'stichtag');
    expect(zeilen).toHaveLength(3 * 6);
    const angaben = (bereich: string) => Object.fromEntries(alle.filter((z) => z.bereich === bereich).map((z) => [z.gruppe, z.hinweise]));
    expect(angaben('bericht')).toEqual({
      // The Datenstand as declared; the data begin defaults to the earliest date of the extract (L begins 01.01.2012).
      berichtsmonat: '2016-12', jobcenter: '', datenstand: '2016-12-31', daten_ab: '2012-01-01',
      regel: 'mindestens 638 von 730 Tagen ELB (21 von 24 Monaten), Stichtag am 15. des Monats',
    });
    expect(angaben('eingabe')).toEqual({
      zeitraeume: `fixtures/kanten/zeitraeume.csv · 19 Zeilen · UTF-8, Semikolon · SHA-256 ${sha('fixtures/kanten/zeitraeume.csv')}`,
      personen: `fixtures/kanten/personen.csv · 13 Zeilen · UTF-8, Semikolon · SHA-256 ${sha('fixtures/kanten/personen.csv')}`,
    });
    const dez = zeilen.find((z) => z.monat === '2016-12' && z.gruppe === 'gesamt')!;
    expect(dez).toMatchObject({ stichtag: '2016-12-15', elb: '11', lzb: '8', lzb_zugaenge: '4', uebergang: '2', prognose_3: '3' });
    expect(dez.lzb_anteil.replace(',', '.')).toBe(String((8 / 11) * 100));
  });
});

describe('files for the share', () => {
  it('--out fills {jobcenter}, {monat} and {format}', async () => {
    const o = ordner();
    const r = await imProzess(['demo', '--format', 'md', '--out', join(o, '{jobcenter}_{monat}.{format}')]);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(readdirSync(o)).toEqual(['elbe-elster-demo-synthetische-daten_2017-06.md']);
    // The file holds what stdout would.
    expect(readFileSync(join(o, 'elbe-elster-demo-synthetische-daten_2017-06.md'), 'utf8')).toBe((await lauf(['demo', '--format', 'md'])).stdout);
    const falsch = await imProzess(['demo', '--out', join(o, '{jahr}.json')]);
    expect(falsch.code).toBe(2);
    expect(falsch.stderr).toContain('unbekannter Platzhalter {jahr}');
  });

  it('--out-dir writes json, csv, md, html and xlsx, then a manifest with their checksums', async () => {
    const o = ordner();
    expect((await imProzess(['demo', '--out-dir', o])).code).toBe(0);
    const dateien = readdirSync(o).sort();
    const stamm = 'kennzahlen-elbe-elster-demo-synthetische-daten-2017-06';
    expect(dateien).toEqual([`${stamm}.csv`, `${stamm}.html`, `${stamm}.json`, `${stamm}.manifest.json`, `${stamm}.md`, `${stamm}.xlsx`]);
    const manifest = JSON.parse(readFileSync(join(o, `${stamm}.manifest.json`), 'utf8'));
    expect(manifest.dateien.map((d: { format: string }) => d.format)).toEqual(['json', 'csv', 'md', 'html', 'xlsx']);
    for (const d of manifest.dateien) {
      expect(sha(join(o, d.datei)), d.datei).toBe(d.sha256);
      expect(statSync(join(o, d.datei)).size, d.datei).toBe(d.bytes);
    }
    // The same inputs give the same set: each text file's checksum is that of the format printed
    // alone in another run (the workbook's bytes are compared across runs in arbeitsmappe.e2e).
    for (const d of manifest.dateien.filter((d: { format: string }) => d.format !== 'xlsx')) {
      const allein = (await lauf(['demo', '--format', d.format])).stdout;
      expect(createHash('sha256').update(allein).digest('hex'), d.format).toBe(d.sha256);
    }
  });

  it('--out-dir makes the folder, with {jobcenter} and {monat} filled in; a bad placeholder stops before any input is read', async () => {
    const o = ordner();
    const r = await imProzess(['demo', '--out-dir', join(o, 'ablage', '{jobcenter}', '{monat}'), '-q']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readdirSync(join(o, 'ablage', 'elbe-elster-demo-synthetische-daten', '2017-06')).length).toBe(6);
    const falsch = await imProzess(['report', '--zeitraeume', 'gibt-es-nicht.csv', '--out-dir', join(o, '{format}'), '--format', 'table']);
    expect([falsch.code, falsch.stderr]).toEqual([2, 'kennzahlen: --out-dir: unbekannter Platzhalter {format}; erlaubt sind {jobcenter}, {monat}.\n']);
  });

  it('73 for a target that cannot be written, for root too, and nothing is left behind', async () => {
    const o = ordner();
    // A path below a regular file cannot be written by anyone: no file modes, no uid needed.
    const fehler = join(o, 'fehler.txt');
    writeFileSync(fehler, 'eine Datei, kein Ordner\n');
    const basis = ['lzb', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--datenstand', '2016-12-31', '--monat', '2016-12', '--format', 'table', '-q'];
    const r = await imProzess([...basis, '--out', join(fehler, 'bericht.json')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([73, '', `kennzahlen: ${join(fehler, 'bericht.json')}: ein Teil des Pfads ist eine Datei, kein Ordner.\n`]);
    const set = await imProzess([...basis, '--out-dir', fehler]);
    expect([set.code, set.stdout, set.stderr]).toEqual([73, '', `kennzahlen: ${fehler}: ein Teil des Pfads ist eine Datei, kein Ordner.\n`]);
    const unterordner = await imProzess([...basis, '--out-dir', join(fehler, '{monat}')]);
    expect([unterordner.code, unterordner.stdout, unterordner.stderr]).toEqual([73, '', `kennzahlen: ${join(fehler, '2016-12')}: ein Teil des Pfads ist eine Datei, kein Ordner.\n`]);
    // sysfs takes no new files, from root neither: a missing permission.
    const gesperrt = await imProzess([...basis, '--out', '/sys/bericht.json']);
    expect([gesperrt.code, gesperrt.stdout, gesperrt.stderr]).toEqual([73, '', 'kennzahlen: /sys/bericht.json: keine Schreibberechtigung.\n']);
    expect(readdirSync(o)).toEqual(['fehler.txt']);
    expect(readFileSync(fehler, 'utf8')).toBe('eine Datei, kein Ordner\n');
  });

  it('never writes over an input', async () => {
    const r = await imProzess(['lzb', '--zeitraeume', 'fixtures/kanten/zeitraeume.csv', '--datenstand', '2016-12-31', '--monat', '2016-12', '--out', 'fixtures/kanten/zeitraeume.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eine Ausgabe darf keine Eingabe überschreiben');
  });
});

describe('stamp, language and disclosure control', () => {
  it('adds the creation time only with --stamp', async () => {
    expect(JSON.parse((await lauf(['demo', '--json'])).stdout).erstellt).toBeUndefined();
    // The time zone is the process's: UTC and Berlin need a binary of their own, run side by side.
    const [utc, berlin] = await Promise.all([
      kennzahlen(['demo', '--json', '--stamp'], { env: { TZ: 'UTC' } }),
      kennzahlen(['demo', '--json', '--stamp'], { env: { TZ: 'Europe/Berlin' } }),
    ]);
    expect(JSON.parse(utc.stdout).erstellt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    // Local time with its offset: Berlin is an hour or two ahead of UTC, Kiritimati (this process) 14.
    expect(JSON.parse(berlin.stdout).erstellt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(process.env.TZ).toBe('Pacific/Kiritimati');
    expect(JSON.parse((await imProzess(['demo', '--json', '--stamp'])).stdout).erstellt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+14:00$/);
    expect((await imProzess(['demo', '--format', 'table', '--stamp'])).stdout).toMatch(/Erstellt \d{4}-\d{2}-\d{2}T/);
  });

  it('--lang en: English labels and number format', async () => {
    const t = (await lauf(['demo', '--format', 'table', '--lang', 'en'])).stdout;
    expect(t).toContain('Indicators under § 48a SGB II');
    expect(t).toMatch(/│ K2 +│ Integration rate +│ +26\.8 % │/);
    expect(t).toContain('Targets 2017');
    expect(t).toMatch(/missed/);
    const j = JSON.parse((await lauf(['demo', '--json', '--lang', 'en'])).stdout);
    expect(j.kennzahlen[0].name).toBe('Change in the sum of benefits for subsistence');
    const l = (await lauf([...BEFEHLE.lzb, '--format', 'table', '--lang', 'en'])).stdout;
    expect(l).toContain('Long-term beneficiaries (LZB)');
    expect(l).toContain('By sex, 2016-12');
  });

  it('--suppress-below replaces small counts and what is built on them by *', async () => {
    const d = JSON.parse((await lauf([...BEFEHLE.lzb, '--json', '--suppress-below', '6'])).stdout);
    const [nov, dez] = [d.stichtage[1], d.stichtage[2]];
    // 8 LZB stay; 4 inflows, 1 outflow, 2 in transition become *; 0 stays 0 (BA: "-"). The 11 ELB
    // go too: 12 in November, no inflows and 11 in December would give the one outflow back.
    expect(nov.elb).toBe(12);
    expect([dez.elb, dez.lzb, dez.lzb_zugaenge, dez.elb_abgaenge, dez.uebergang, dez.elb_zugaenge]).toEqual(['*', 8, '*', '*', '*', 0]);
    expect(dez.lzb_anteil).toBe('*');
    // Men: 5 ELB, 5 LZB, both below 6, so their share is suppressed too; women: 6 ELB stay, since
    // with the total hidden the men's 5 no longer follow from them.
    const maenner = dez.gruppen.find((g: { gruppe: string }) => g.gruppe === 'm');
    expect([maenner.elb, maenner.lzb, maenner.lzb_anteil]).toEqual(['*', '*', '*']);
    expect(dez.gruppen.find((g: { gruppe: string }) => g.gruppe === 'w').elb).toBe(6);
    expect(d.gesperrt_unter).toBe(6);
    const r = JSON.parse((await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--json', '--suppress-below', '1000000'])).stdout);
    const k2 = r.kennzahlen.find((k: { id: string }) => k.id === 'K2');
    expect([k2.wert, k2.zaehler, k2.nenner]).toEqual(['*', '*', '*']);
    expect((await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--format', 'table', '--suppress-below', '1000000'])).stdout).toMatch(/│ K2 +│ Integrationsquote +│ +\* │/);
  });
});
