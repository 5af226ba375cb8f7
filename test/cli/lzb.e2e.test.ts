// lzb end to end through main(); what only a process has (a pipe, another time zone) runs the
// built binary.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, arbeitsordner, imProzess, kennzahlen, pruefeDist } from './hilfen.js';

const KANTEN = 'fixtures/kanten/zeitraeume.csv';
/** The edge fixture describes 2016 up to December; its latest start is in July. */
const STAND = ['--datenstand', '2016-12-31'];
/** The Windows-1252 export's config leaves its free-text remark unread. */
const CP1252 = ['--config', 'fixtures/kodierung/kennzahlen.json'];
const json = (s: string) => JSON.parse(s);
const { datei: schreibe, unterordner } = arbeitsordner('lzb');
/** 36 months by age group: JSON larger than a pipe's 64 KiB. */
const GROSS = ['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2015-01', '--bis', '2017-12', '--nach', 'altersgruppe', '--json'];
/** GROSS by the binary in Los Angeles (UTC−8), far from this process's Kiritimati (UTC+14); run once. */
let grossInLosAngeles: ReturnType<typeof kennzahlen> | undefined;
const grossLA = () => (grossInLosAngeles ??= kennzahlen(GROSS, { env: { TZ: 'America/Los_Angeles' } }));

describe('kennzahlen lzb', () => {
  it('classifies the edge fixture as computed by hand (exit 0, JSON on a pipe by default, stderr only the note on its Datenstand)', async () => {
    const r = await imProzess(['lzb', '--zeitraeume', KANTEN, ...STAND, '--personen', 'fixtures/kanten/personen.csv', '--von', '2016-11', '--bis', '2016-12', '--nach', 'geschlecht']);
    expect(r.code).toBe(0);
    // The edge fixture is small: its latest start is in July, so the declared Datenstand is questioned.
    expect(r.stderr).toBe(`kennzahlen: Der angegebene Datenstand 31.12.2016 liegt 183 Tage nach dem spätesten Beginn in ${KANTEN} (01.07.2016): stammt der Abzug wirklich von da? Bis zum Datenstand gilt jeder laufende Zeitraum als fortbestehend.\n`);
    const d = json(r.stdout);
    expect(d.schema).toBe('kennzahlen-lzb/1');
    expect(d.berichtsmonat).toBe('2016-12');
    expect(d.daten_ab).toBe('2012-01-01');
    const [nov, dez] = d.stichtage;
    expect([nov.elb, nov.lzb, nov.lzb_zugaenge]).toEqual([12, 4, 1]);
    expect(dez).toMatchObject({ monat: '2016-12', stichtag: '2016-12-15', elb: 11, elb_zugaenge: 0, elb_abgaenge: 1, lzb: 8, lzb_zugaenge: 4, lzb_abgaenge: 0, lzb_4_jahre: 1, uebergang: 2, prognose: [1, 1, 3, 3, 3, 3] });
    expect(dez.prognose_monate).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06']);
    const g = Object.fromEntries(dez.gruppen.map((x: { gruppe: string; elb: number; lzb: number }) => [x.gruppe, [x.elb, x.lzb]]));
    expect(g).toEqual({ m: [5, 5], w: [6, 3], d: [0, 0], x: [0, 0], unbekannt: [0, 0] });
    expect(d.eingaben.map((e: { rolle: string; zeilen: number }) => [e.rolle, e.zeilen])).toEqual([['zeitraeume', 19], ['personen', 13]]);
    expect(d.eingaben[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks months whose window reaches before the data as null with the reason, never as a smaller count', async () => {
    const r = await imProzess(['lzb', '--zeitraeume', KANTEN, ...STAND, '--von', '2016-11', '--bis', '2016-12', '--daten-ab', '2014-12-01', '--json']);
    const [nov, dez] = json(r.stdout).stichtage;
    expect(nov.lzb).toBeNull();
    expect(nov.elb).toBe(12);
    expect(nov.hinweise[0]).toBe('LZB, Übergang und Prognose: das 730-Tage-Fenster beginnt am 17.11.2014, vor dem Datenbeginn 01.12.2014');
    expect(dez.lzb).toBe(8);
    expect(dez.lzb_zugaenge).toBeNull();
  });

  it('prints a German table with colour only when asked', async () => {
    const r = await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--von', '2017-01', '--bis', '2017-12', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Jobcenter Elbe-Elster (Demo, synthetische Daten) · Berichtsmonat 12/2017');
    expect(r.stdout).toContain('Datenstand 31.12.2017');
    expect(r.stdout).toMatch(/│ 12\/2017 │ +\d\.\d{3} │/); // thousands with a dot
    expect(r.stdout).toMatch(/\d+,\d %/);
    expect(r.stdout).not.toMatch(ANSI);
    expect((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--format', 'table', '--color'])).stdout).toMatch(ANSI);
    expect((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--format', 'table'], null, false, { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
    expect((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--format', 'table'], null, false, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '--monat', '2017-06', '--format', 'table', '--no-color'], null, false, { FORCE_COLOR: '1' })).stdout).not.toMatch(ANSI);
  });

  it('sends JSON larger than 64 KiB through a pipe complete (the binary)', async () => {
    const r = await grossLA();
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(64 * 1024);
    expect(json(r.stdout).stichtage).toHaveLength(36);
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    pruefeDist();
    const bash = spawn('bash', ['-c', `node bin/kennzahlen.js ${GROSS.join(' ')} | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`]);
    let stderr = '';
    bash.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    await new Promise((fertig) => bash.once('close', fertig));
    expect(stderr).toBe('0\n');
  });

  it('reads - from stdin and gives the same result as the file', async () => {
    const aus = async (args: string[], input: string | null = null) => json((await imProzess(args, input)).stdout).stichtage;
    const datei = await aus(['lzb', '--zeitraeume', KANTEN, ...STAND, '--monat', '2016-12']);
    const stdin = await aus(['lzb', '--zeitraeume', '-', ...STAND, '--monat', '2016-12'], readFileSync(KANTEN, 'utf8'));
    expect(stdin).toEqual(datei);
  });

  it('gives the same counts for the Windows-1252, UTF-8 BOM, UTF-16 and comma variants', async () => {
    const stichtage = async (f: string) => json((await imProzess(['lzb', '--zeitraeume', f, ...STAND, ...(f.includes('cp1252') ? CP1252 : []), '--von', '2016-06', '--bis', '2016-12'])).stdout).stichtage;
    const basis = await stichtage(KANTEN);
    for (const f of ['zeitraeume-cp1252.csv', 'zeitraeume-utf8-bom.csv', 'zeitraeume-utf16le.txt', 'zeitraeume-komma.csv']) {
      expect(await stichtage(`fixtures/kodierung/${f}`), f).toEqual(basis);
    }
  });

  it('classifies the monthly form by the month rule', async () => {
    const [nov, dez] = json((await imProzess(['lzb', '--zeitraeume', 'fixtures/monatsform/zeitraeume.csv', '--von', '2016-11', '--bis', '2016-12'])).stdout).stichtage;
    expect([nov.elb, nov.lzb, nov.lzb_zugaenge]).toEqual([5, 2, null]);
    expect(dez).toMatchObject({ elb: 4, lzb: 2, lzb_zugaenge: 1, lzb_abgaenge: 1, elb_abgaenge: 1, uebergang: 1, prognose: [1, 1, 2, 2, 2, 2] });
  });

  it('writes the per-person list (the only output with person ids), with the right umlauts and €', async () => {
    const ordner = unterordner('liste');
    const liste = join(ordner, 'liste.csv');
    const r = await imProzess(['lzb', '--zeitraeume', 'fixtures/kodierung/zeitraeume-cp1252.csv', ...CP1252, ...STAND, '--monat', '2016-12', '--list', liste]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Jörg');
    const text = readFileSync(liste, 'utf8');
    expect(text.startsWith('\uFEFFperson_id;monat;stichtag;elb_tage;monate_im_fenster;lzb;lzb_4_jahre;segment;lzb_ab\r\n')).toBe(true);
    const zeilen = text.trim().split('\r\n').slice(1);
    expect(zeilen).toContain('Ä-Jörg€;2016-12;2016-12-15;715;23,5;ja;nein;lzb;');
    expect(zeilen).toContain('C;2016-12;2016-12-15;637;20,9;nein;nein;sonstige;2017-01');
    expect(zeilen).toContain('F;2016-12;2016-12-15;564;18,5;nein;nein;uebergang;2017-03');
    expect(zeilen).toHaveLength(11);
    expect(readdirSync(ordner)).toEqual(['liste.csv']);
  });

  it('maps the user’s own column names through --config', async () => {
    const d = json((await imProzess(['lzb', '--config', 'fixtures/zuordnung/kennzahlen.json', '--monat', '2016-12'])).stdout);
    expect(d.jobcenter).toBe('Beispiel mit eigenen Spaltennamen');
    expect(d.stichtage[0]).toMatchObject({ elb: 3, lzb: 2 });
    expect(d.eingaben[0].datei).toBe('fixtures/zuordnung/zeitraeume.csv');
  });

  it('is byte-identical on reruns and in any time zone', async () => {
    // The binary in Los Angeles against this process in Kiritimati, then a rerun here.
    const [a, b] = await Promise.all([grossLA(), imProzess(GROSS)]);
    expect(process.env.TZ).toBe('Pacific/Kiritimati');
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect((await imProzess(GROSS)).stdout).toBe(a.stdout);
  });

  it('picks the latest month the data reach when no month is given, and says so on stderr (not with -q)', async () => {
    const r = await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json']);
    expect(json(r.stdout).berichtsmonat).toBe('2017-12');
    expect(r.stderr).toContain('Berichtsmonat 12/2017');
    expect((await imProzess(['lzb', '--config', 'fixtures/demo/kennzahlen.json', '-q'])).stderr).toBe('');
  });
});

describe('exit codes and error messages', () => {
  it('0 for --help and --version, on stdout', async () => {
    const h = await imProzess(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('lzb');
    expect(h.stdout).toContain('check');
    expect(h.stdout).toMatch(/^Aufruf: kennzahlen \[optionen\] \[befehl\]\n/);
    expect(h.stdout).toContain('\nExit-Codes:\n  0   ok\n  1   ein Ziel verfehlt (nur mit --fail-on-miss)\n');
    const lzb = (await imProzess(['lzb', '--help'])).stdout;
    expect(lzb).toContain('--zeitraeume');
    // Commander's own notes in German, with the same help option as the program.
    expect(lzb).toMatch(/^Aufruf: kennzahlen lzb \[optionen\]\n/);
    expect(lzb).toMatch(/\nOptionen:\n/);
    expect(lzb).toMatch(/--max-errors <n> +höchstens so viele Probleme je Lauf melden \(Standard:\s+100\)/);
    expect(lzb).toMatch(/\(Auswahl:\s+"geschlecht",\s+"altersgruppe",\s+"alleinerziehend",\s+"fluchtkontext"\)/);
    expect(lzb).toMatch(/-h, --help +Hilfe zeigen/);
    expect(lzb).not.toMatch(/Usage:|Options:|default:|choices:|display help/);
    const v = await imProzess(['--version']);
    expect([v.code, v.stdout.trim()]).toEqual([0, JSON.parse(readFileSync('package.json', 'utf8')).version]);
  });

  it('2 for usage errors: unknown option, bad month, contradictory or missing options', async () => {
    const faelle: [string[], RegExp][] = [
      [['lzb', '--frobnicate'], /^Fehler: unbekannte Option '--frobnicate'\n/],
      [['lzb', '--monta', '2016-12'], /unbekannte Option '--monta'\n\(Meinten Sie --monat\?\)/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--format', 'xls'], /'xls' ist kein gültiger Wert für '--format <format>'\. Erlaubt: table, json, csv, md, html, xlsx\./],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--monat', '2016-13'], /--monat erwartet einen Monat/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--monat', '2016-12', '--von', '2016-01'], /--monat oder --von\/--bis, nicht beides/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--nach', 'geschlecht'], /--nach geschlecht braucht Personenmerkmale/],
      // An empty file name reads nothing: without this error the report would say "nach geschlecht" and show no groups.
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--nach', 'geschlecht', '--personen', ''], /^kennzahlen: --personen braucht einen Datei- oder Ordnernamen, nicht „“\.\n$/],
      [['aggregate', '--zeitraeume', KANTEN, ...STAND, '--filter', 'frauen', '--personen', ''], /^kennzahlen: --personen braucht einen Datei- oder Ordnernamen, nicht „“\.\n$/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--nach', 'hutgroesse'], /hutgroesse/],
      [['lzb', '--monat', '2016-12'], /Es fehlt die Eingabe --zeitraeume/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--delimiter', '|'], /--delimiter erwartet/],
      [['lzb', '--zeitraeume', KANTEN, ...STAND, '--lzb-min', '30'], /--lzb-min 30 ist größer als --lzb-window 24/],
      [['frobnicate'], /^Fehler: unbekannter Befehl 'frobnicate'/],
      [['lzb', 'zeitraeume.csv'], /lzb nimmt „zeitraeume\.csv“ nicht als Argument: Eingaben werden mit ihrer Rolle angegeben\.\nHinweis: z\. B\. --zeitraeume zeitraeume\.csv/],
    ];
    for (const [args, meldung] of faelle) {
      const r = await imProzess([...args, '--format', 'table']);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr, args.join(' ')).toMatch(meldung);
    }
    const ohneWert = await imProzess(['lzb', '--format', 'table', '--zeitraeume']);
    expect([ohneWert.code, ohneWert.stderr]).toEqual([2, "Fehler: Option '--zeitraeume <datei>' braucht einen Wert\n(kennzahlen lzb --help zeigt die Optionen)\n"]);
  });

  it('2 with a JSON error on stderr in JSON mode', async () => {
    const r = await imProzess(['lzb', '--frobnicate', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(json(r.stderr).fehler).toMatchObject({ art: 'nutzung', exit_code: 2, meldung: "unbekannte Option '--frobnicate'" });
  });

  it('65 for bad data: file, line, column, value and expectation; no stack trace; nothing on stdout', async () => {
    const r = await imProzess(['lzb', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--monat', '2016-12', '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fixtures/fehler/zeitraeume.csv:3:2: Spalte „beginn“: „31.02.2016“ ist ungültig; erwartet ein Datum wie 2017-03-15 oder 15.03.2017 (diesen Tag gibt es nicht).');
    expect(r.stderr).toContain('fixtures/fehler/zeitraeume.csv:6: 2 Felder statt 4');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const j = await imProzess(['lzb', '--zeitraeume', 'fixtures/fehler/zeitraeume.csv', '--monat', '2016-12', '--json']);
    const f = json(j.stderr).fehler;
    expect([j.code, f.art, f.probleme.length]).toEqual([65, 'eingabedaten', 6]);
    expect(f.probleme[0]).toEqual({
      datei: 'fixtures/fehler/zeitraeume.csv', zeile: 3, spalte: 2, spaltenname: 'beginn', wert: '31.02.2016',
      erwartet: 'ein Datum wie 2017-03-15 oder 15.03.2017 (diesen Tag gibt es nicht)',
      meldung: 'Spalte „beginn“: „31.02.2016“ ist ungültig; erwartet ein Datum wie 2017-03-15 oder 15.03.2017 (diesen Tag gibt es nicht).',
    });
  });

  it('65 for a config with an unknown key, pointing at it', async () => {
    const datei = schreibe('k.json', '{ "eingaben": { "zeitraume": "x.csv" } }');
    const r = await imProzess(['lzb', '--config', datei, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('eingaben.zeitraume: unbekannte Rolle');
  });

  it('66 for a missing input file', async () => {
    const r = await imProzess(['lzb', '--zeitraeume', 'fixtures/gibt-es-nicht.csv', '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([66, '']);
    expect(r.stderr).toContain('fixtures/gibt-es-nicht.csv: Datei nicht gefunden.');
  });

  it('73 when the output cannot be written, leaving nothing behind', async () => {
    const ordner = unterordner('ziel');
    const basis = ['lzb', '--zeitraeume', KANTEN, ...STAND, '--monat', '2016-12'];
    const r1 = await imProzess([...basis, '--out', join(ordner, 'fehlt', 'bericht.json')]);
    expect(r1.code).toBe(73);
    expect(r1.stderr).toContain('Ordner gibt es nicht');
    const r2 = await imProzess([...basis, '--out', ordner]); // a folder, not a file
    expect(r2.code).toBe(73);
    const r3 = await imProzess([...basis, '--list', ordner]);
    expect(r3.code).toBe(73);
    expect(readdirSync(ordner)).toEqual([]);
    const ok = await imProzess([...basis, '--out', join(ordner, 'bericht.json')]);
    expect([ok.code, ok.stdout]).toEqual([0, '']);
    expect(json(readFileSync(join(ordner, 'bericht.json'), 'utf8')).stichtage[0].lzb).toBe(8);
    expect(readdirSync(ordner)).toEqual(['bericht.json']);
    expect(existsSync(join(ordner, 'fehlt'))).toBe(false);
  });
});
