// No silent wrong number: every input the tool does not fully understand is an error that says what
// to do, or a choice the user made visibly. Each case of the trust issue, end to end through main()
// (the JSON inputs' cases are in json-eingaben.test.ts, disclosure control in geheimhaltung tests).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess as lauf, pruefeDist } from './hilfen.js';

const { ordner, datei } = arbeitsordner('vertrauen');
const DEMO = 'fixtures/demo';

// A ended in 2016, B is still in receipt, D had a few days in June, C started after the June
// Stichtag (the latest starts observe the month up to it).
const ZR_BIS = datei('zr-bis.csv', 'person_id;beginn;bis;status\nA;2015-01-01;2016-12-31;ELB\nB;2015-01-01;;ELB\nD;2017-06-01;2017-06-05;ELB\nC;2017-06-20;;ELB\n');

describe('1. a column the tool does not read is an error, not an ignored end date', () => {
  it('bis for ende: 65 with the column meant and the config that fixes it; mapped, the truth of 1 ELB and 1 LZB', async () => {
    const r = await lauf(['lzb', '--zeitraeume', ZR_BIS, '--monat', '2017-06', '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toBe(
      `kennzahlen: ${ZR_BIS}: 2 Probleme in den Eingabedaten.\n` +
        `  ${ZR_BIS}:1:3: Spalte „bis“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „ende“.\n` +
        `  ${ZR_BIS}:1: Abhilfe: in einer Konfiguration (--config DATEI) eintragen: "spalten": {"zeitraeume": {"bis": "ende"}}.\n`,
    );
    const check = await lauf(['check', '--zeitraeume', ZR_BIS, '--format', 'table']);
    expect(check.code).toBe(65);
    expect(check.stdout).toContain('✗ zeitraeume');
    const konfig = datei('bis.json', JSON.stringify({ spalten: { zeitraeume: { bis: 'ende' } } }));
    const richtig = await lauf(['lzb', '--config', konfig, '--zeitraeume', ZR_BIS, '--monat', '2017-06', '--json']);
    expect(richtig.code).toBe(0);
    expect(JSON.parse(richtig.stdout).stichtage[0]).toMatchObject({ elb: 1, lzb: 1 });
  });

  it.each(['Ende am', 'bis zum', 'Leistungsende', 'Leistung bis', 'gültig bis'])('„%s“ is taken for ende, not read', async (kopf) => {
    const d = datei(`zr-${kopf.replace(/\W/g, '_')}.csv`, readFileSync(ZR_BIS, 'utf8').replace(';bis;', `;${kopf};`));
    const r = await lauf(['check', '--zeitraeume', d, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout.split('\n')[1]).toBe(`  ${d}:1:3: Spalte „${kopf}“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „ende“.`);
  });

  it('a column ignored with null in the config is not read, and the numbers are those without it', async () => {
    const mitBg = datei('zr-bg.csv', 'person_id;BG-Nr;beginn;ende\nA;17;2015-01-01;2016-12-31\nB;17;2015-01-01;\nD;19;2017-06-01;2017-06-05\nC;18;2017-06-20;\n');
    const ohne = datei('zr-ohne-bg.csv', 'person_id;beginn;ende\nA;2015-01-01;2016-12-31\nB;2015-01-01;\nD;2017-06-01;2017-06-05\nC;2017-06-20;\n');
    const abgelehnt = await lauf(['lzb', '--zeitraeume', mitBg, '--monat', '2017-06', '--format', 'table']);
    expect(abgelehnt.code).toBe(65);
    // Nothing fits BG-Nr: the suggested config holds "?", which fails if pasted unread.
    expect(abgelehnt.stderr).toContain(`${mitBg}:1: Abhilfe: in einer Konfiguration (--config DATEI) eintragen: "spalten": {"zeitraeume": {"BG-Nr": "?"}}; „?“ durch die gemeinte Spalte ersetzen (noch ohne Spalte: status) oder durch null, wenn die Spalte nicht gelesen werden soll.`);
    const konfig = datei('bg.json', JSON.stringify({ spalten: { zeitraeume: { 'BG-Nr': null } } }));
    const a = await lauf(['lzb', '--config', konfig, '--zeitraeume', mitBg, '--monat', '2017-06', '--json']);
    const b = await lauf(['lzb', '--zeitraeume', ohne, '--monat', '2017-06', '--json']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout).stichtage).toEqual(JSON.parse(b.stdout).stichtage);
  });

  it('a file without an ende column is read as all ongoing, and says so', async () => {
    const d = datei('zr-ohne-ende.csv', 'person_id;beginn\nA;2015-01-01\nD;2017-06-01\nC;2017-06-20\n');
    const r = await lauf(['lzb', '--zeitraeume', d, '--monat', '2017-06', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`kennzahlen: ${d}: keine Spalte „ende“, also gilt jeder Zeitraum als laufend bis zum Datenstand.\nkennzahlen: ${d}: keine Spalte „status“, also gilt jeder Zeitraum als ELB, keiner als NEF (Sozialgeld).\n`);
  });
});

describe('2. the column mapping is checked against the file', () => {
  it('check names a mapping typo in each role at once, with what was meant and the corrected mapping', async () => {
    datei('zr.csv', 'Kunden-Nr;Leistung von;Leistung bis;Art\nA;01.01.2015;31.12.2016;ELB\nB;01.01.2015;;ELB\n');
    datei('pe.csv', 'Kunden-Nr;Geschlecht\nA;w\nB;m\n');
    datei('ig.csv', 'Kunden-Nr;Eintritt;Art\nB;2017-03-01;SVB\n');
    datei('ma.csv', 'Kunden-Nr;Beginn;Ende;Art\nB;2017-01-01;2017-12-31;AGH\n');
    datei('le.csv', 'Monat;LLU;KdU\n2017-06;100,00;50,00\n');
    datei('mw.csv', 'Monat;Bestand ELB;integrationen\n2017-06;100;20\n');
    const konfig = datei('tippfehler.json', JSON.stringify({
      eingaben: { zeitraeume: 'zr.csv', personen: 'pe.csv', integrationen: 'ig.csv', massnahmen: 'ma.csv', leistungen: 'le.csv', monatswerte: 'mw.csv' },
      spalten: {
        zeitraeume: { 'Kunden-Nr': 'person_id', 'Leistung von': 'beginn', 'Leistung-bis': 'ende', Art: 'status' },
        personen: { 'Kunden Nr': 'person_id' },
        integrationen: { 'Kunden-Nr': 'person_id', Eintritt: 'datum', Art: 'arrt' },
        massnahmen: { 'Kunden-Nr': 'person_id', Begin: 'beginn' },
        leistungen: { KdU: 'luh', 'Monat ': 'monaat' },
        monatswerte: { 'Bestand ELB': 'elbb' },
      },
    }));
    const r = await lauf(['check', '--config', konfig, '--format', 'table']);
    expect(r.code).toBe(65);
    const o = ordner;
    expect(r.stdout).toBe([
      `✗ zeitraeume    ${o}/zr.csv: 3 Probleme`,
      `  ${o}/zr.csv:1: Zuordnung „Leistung-bis“ → „ende“ in ${konfig} (spalten.zeitraeume): die Datei hat keine Spalte „Leistung-bis“; gemeint ist wohl „Leistung bis“.`,
      `  ${o}/zr.csv:1:3: Spalte „Leistung bis“ ist keine Spalte von zeitraeume (person_id, beginn, ende, status); gemeint ist wohl „ende“.`,
      `  ${o}/zr.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"zeitraeume": {"Kunden-Nr": "person_id", "Leistung von": "beginn", "Art": "status", "Leistung bis": "ende"}}.`,
      `✗ personen      ${o}/pe.csv: 3 Probleme`,
      `  ${o}/pe.csv:1: Zuordnung „Kunden Nr“ → „person_id“ in ${konfig} (spalten.personen): die Datei hat keine Spalte „Kunden Nr“; gemeint ist wohl „Kunden-Nr“.`,
      `  ${o}/pe.csv:1:1: Spalte „Kunden-Nr“ ist keine Spalte von personen (person_id, geschlecht, geburtsdatum, alleinerziehend, fluchtkontext); gemeint ist wohl „person_id“.`,
      `  ${o}/pe.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"personen": {"Kunden-Nr": "person_id"}}.`,
      `✗ integrationen ${o}/ig.csv: 2 Probleme`,
      `  ${o}/ig.csv:1: Zuordnung „Art“ → „arrt“ in ${konfig} (spalten.integrationen): „arrt“ ist keine Spalte von integrationen (person_id, datum, art, kontinuierlich, bedarfsdeckend); gemeint ist wohl „art“.`,
      `  ${o}/ig.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"integrationen": {"Kunden-Nr": "person_id", "Eintritt": "datum"}}.`,
      `✗ massnahmen    ${o}/ma.csv: 2 Probleme`,
      `  ${o}/ma.csv:1: Zuordnung „Begin“ → „beginn“ in ${konfig} (spalten.massnahmen): die Datei hat keine Spalte „Begin“; gemeint ist wohl „Beginn“.`,
      `  ${o}/ma.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"massnahmen": {"Kunden-Nr": "person_id"}}.`,
      `✗ leistungen    ${o}/le.csv: 2 Probleme`,
      `  ${o}/le.csv:1: Zuordnung „Monat “ → „monaat“ in ${konfig} (spalten.leistungen): „monaat“ ist keine Spalte von leistungen (monat, llu, luh, person_id, bg_nr); gemeint ist wohl „monat“.`,
      `  ${o}/le.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"leistungen": {"KdU": "luh"}}.`,
      `✗ monatswerte   ${o}/mw.csv: 2 Probleme`,
      `  ${o}/mw.csv:1: Zuordnung „Bestand ELB“ → „elbb“ in ${konfig} (spalten.monatswerte): „elbb“ ist keine Spalte der Monatswerte; gemeint ist wohl „elb“.`,
      `  ${o}/mw.csv:1: Abhilfe: in ${konfig} eintragen: "spalten": {"monatswerte": {"Bestand ELB": "elb"}}.`,
      '6 Dateien geprüft: 14 Probleme.',
      '',
    ].join('\n'));
  });

  it('a mapping whose source is not in the file is an error, not a report of x', async () => {
    const konfig = datei('fehlt.json', JSON.stringify({ spalten: { monatswerte: { 'Bestand ELB': 'elb' } } }));
    const r = await lauf(['report', '--config', konfig, '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toContain(`fixtures/monatswerte/bund-k2.csv:1: Zuordnung „Bestand ELB“ → „elb“ in ${konfig} (spalten.monatswerte): die Datei hat keine Spalte „Bestand ELB“ (gefunden: monat, elb, integrationen).`);
  });

  it('a Monatswerte column spelt like a missing standard one is an error; other columns of a BA table are not', async () => {
    const d = datei('mw-elbb.csv', 'monat;elbb;integrationen;region\n2024-06;100;20;Sachsen\n');
    const r = await lauf(['check', '--monatswerte', d, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain(`  ${d}:1:2: Spalte „elbb“ wird nicht gelesen, aber „elb“ fehlt; gemeint ist wohl „elb“.\n`);
    expect(r.stdout).not.toContain('region“');
  });
});

describe('3. a target must be computable to pass', () => {
  const nurK3 = datei('ziele-k3.json', JSON.stringify({ jahr: 2024, ziele: [{ kennzahl: 'K3', veraenderung: -5 }, { kennzahl: 'K2', filter: 'ohne_flucht', veraenderung: 1.1 }] }));
  const bund = ['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--ziele', nurK3, '--monat', '2024-06'];

  it('--fail-on-miss fails with 65 when no target is computable, after writing the report, and says why', async () => {
    const r = await lauf([...bund, '--fail-on-miss', '--json', '-q']);
    expect(r.code).toBe(65);
    expect(JSON.parse(r.stdout).ziele.map((z: { status: string }) => z.status)).toEqual(['nicht_berechenbar', 'nicht_berechenbar']);
    expect(JSON.parse(r.stderr)).toEqual({
      fehler: {
        art: 'eingabedaten',
        exit_code: 65,
        meldung: '2 Ziele sind nicht berechenbar, also nicht geprüft (--fail-on-miss): K3, K2_ohne_flucht.',
        probleme: [
          { datei: nurK3, spaltenname: 'K3', meldung: 'Ziel K3 nicht berechenbar: Spalte lzb fehlt.' },
          { datei: nurK3, spaltenname: 'K2_ohne_flucht', meldung: 'Ziel K2_ohne_flucht nicht berechenbar: Filter ohne_flucht braucht Personendaten mit Merkmalen (--zeitraeume und --personen).' },
        ],
      },
    });
  });

  it('without --fail-on-miss the run succeeds and says which targets are not computable', async () => {
    const r = await lauf([...bund, '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'kennzahlen: 13 von 15 Kennzahlen für 06/2024 nicht berechenbar (K1, K1E1, K1E3, K1E4, K2E1, K2E2, K2E3, K2E4, K3, K3E1, K3E2, K3E3, K3E4); die Gründe stehen im Bericht.\n' +
        'kennzahlen: 2 Ziele nicht berechenbar: K3 nicht berechenbar: Spalte lzb fehlt; K2_ohne_flucht nicht berechenbar: Filter ohne_flucht braucht Personendaten mit Merkmalen (--zeitraeume und --personen).\n',
    );
  });

  it('a local goal on a column with a typo is an error in report and check, with the column meant', async () => {
    const ziele = datei('ziele-tippfehler.json', readFileSync(`${DEMO}/ziele-2017.json`, 'utf8').replace('"wert": "abgaenge_lza"', '"wert": "abgaenge_lzaa"'));
    const meldung = `ziele[4].wert (Ziel ABG_LZA): die Spalte „abgaenge_lzaa“ gibt es in keiner Eingabe; gemeint ist wohl „abgaenge_lza“.`;
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--ziele', ziele, '--monat', '2017-06', '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toBe(`kennzahlen: ${ziele}: ein Ziel nennt eine Spalte, die es in keiner Eingabe gibt.\n  ${ziele}: ${meldung}\nHinweis: Spalten lokaler Ziele kommen aus --monatswerte (Kopfzeile, nach der Zuordnung der Konfiguration).\n`);
    const check = await lauf(['check', '--config', `${DEMO}/kennzahlen.json`, '--ziele', ziele, '--format', 'table']);
    expect(check.code).toBe(65);
    expect(check.stdout).toContain(`✗ ziele         ${ziele}: 1 Problem\n  ${ziele}: ${meldung}\n7 Dateien geprüft: 1 Problem.\n`);
  });

  it('shows a bound as agreed (3,25 %, not 3,3 %), and questions a quota bound below 1 %', async () => {
    const ziele = datei('ziele-genau.json', JSON.stringify({ jahr: 2017, ziele: [
      { id: 'ALQ_U25', zaehler: 'alo_u25', nenner: 'ep_u25', aggregation: 'durchschnitt', hoechstens: 3.25 },
      { kennzahl: 'K2', mindestens: 0.25 },
    ] }));
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--ziele', ziele, '--monat', '2017-06', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ ALQ_U25 +│ höchstens 3,25 % +│ +3,28 % │/);
    expect(r.stderr).toContain('kennzahlen: Ziel K2: mindestens 0,25 % – Grenzen von Quoten stehen in Prozent; ist 25 % gemeint, dann 25 eintragen.\n');
  });

  it('the hint on a bound below 1 % is exact and comes before --fail-on-miss fails the run', async () => {
    const ziele = datei('ziele-anteil.json', JSON.stringify({ jahr: 2017, ziele: [{ kennzahl: 'K2', hoechstens: 0.07 }] }));
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--ziele', ziele, '--monat', '2017-06', '--fail-on-miss', '--format', 'table']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kennzahlen: Ziel K2: hoechstens 0,07 % – Grenzen von Quoten stehen in Prozent; ist 7 % gemeint, dann 7 eintragen.\nkennzahlen: ein Ziel verfehlt: K2 (--fail-on-miss).\n');
  });

  it('--fail-on-miss without targets is a usage error', async () => {
    const r = await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--fail-on-miss', '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([2, 'kennzahlen: --fail-on-miss braucht Ziele: --ziele DATEI (oder "eingaben.ziele" in --config).\n']);
  });
});

describe('4. a month the data do not cover is an error, not a report of x', () => {
  it('report --monat 2026-10 on data that end in 2017: 65, and no --out-dir set is written', async () => {
    const ablage = join(ordner, 'ablage', '{monat}');
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--monat', '2026-10', '--out-dir', ablage, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(
      'kennzahlen: Der Monat 10/2026 liegt nach dem Datenstand 31.12.2017: sein Stichtag 15.10.2026 ist in den Daten nicht beobachtet.\n' +
        'Hinweis: Die Daten beschreiben die Monate bis 12/2017: --monat 2017-12 (oder früher). Der Datenstand ist angegeben (--datenstand oder „datenstand“ in der Konfiguration).\n',
    );
    expect(existsSync(join(ordner, 'ablage'))).toBe(false);
  });

  it('lzb and aggregate alike; report from Monatswerte after their last month', async () => {
    for (const args of [['lzb', '--monat', '2018-01'], ['aggregate', '--von', '2017-06', '--bis', '2018-01']]) {
      const r = await lauf([...args, '--config', `${DEMO}/kennzahlen.json`, '--format', 'table']);
      expect([r.code, r.stdout, r.stderr.split('\n')[0]], args.join(' ')).toEqual([65, '', 'kennzahlen: Der Monat 01/2018 liegt nach dem Datenstand 31.12.2017: sein Stichtag 15.01.2018 ist in den Daten nicht beobachtet.']);
    }
    const mw = await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-07', '--format', 'table']);
    expect([mw.code, mw.stderr]).toEqual([65, 'kennzahlen: Der Berichtsmonat 07/2024 liegt nach dem Datenstand 06/2024 von fixtures/monatswerte/bund-k2.csv.\nHinweis: Die Monatswerte reichen bis 06/2024: --monat 2024-06 (oder früher).\n']);
  });

  it('months before the data begin are an error too', async () => {
    const r = await lauf(['lzb', '--config', `${DEMO}/kennzahlen.json`, '--von', '2010-01', '--bis', '2012-12', '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([65, 'kennzahlen: Die Monate 01/2010–12/2012 liegen vor dem Datenbeginn 01.01.2013: nichts ist berechenbar.\nHinweis: Beginnen die Daten früher als ihre erste Angabe, nennt --daten-ab DATUM den Beginn.\n']);
  });

  it("the README's cron line logs the failure, and the CI lines fail on missed targets", () => {
    // These lines run the built binary, through bash.
    pruefeDist();
    const readme = readFileSync('README.md', 'utf8');
    const cron = /^0 6 20 \* \* {2}(kennzahlen report .+)$/m.exec(readme)![1];
    // The cron job as it runs today: last month's report, on data that end in 2017.
    const jc = join(ordner, 'daten', 'jc');
    mkdirSync(jc, { recursive: true });
    cpSync(DEMO, jc, { recursive: true });
    const jahr = spawnSync('date', ['-d', 'last month', '+%Y'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(jc, `ziele-${jahr}.json`), readFileSync(join(jc, 'ziele-2017.json'), 'utf8').replace('"jahr": 2017', `"jahr": ${jahr}`));
    const befehl = cron
      .replace(/\\%/g, '%')
      .replaceAll('/daten/jc/', `${jc}/`)
      .replace('/mnt/ablage/controlling', join(ordner, 'share'))
      .replace(/^kennzahlen /, 'node bin/kennzahlen.js ')
      .replace('logger -t kennzahlen', 'echo');
    const r = spawnSync('bash', ['-c', befehl], { encoding: 'utf8' });
    expect(r.stdout).toBe('Bericht fehlgeschlagen: 65\n');
    expect(existsSync(join(ordner, 'share'))).toBe(false);
    const ci = [...readme.matchAll(/^- run: npx (kennzahlen .+)$/gm)].map((m) => m[1].replaceAll('daten/', `${jc}/`).replace(/^kennzahlen /, 'node bin/kennzahlen.js ').replace('bericht/', join(ordner, 'bericht')));
    expect(ci.map((c) => spawnSync('bash', ['-c', c], { encoding: 'utf8' }).status)).toEqual([0, 1]);
    expect(readdirSync(join(ordner, 'bericht')).sort()).toEqual(['csv', 'html', 'json', 'manifest.json', 'md', 'xlsx'].map((e) => `kennzahlen-elbe-elster-demo-synthetische-daten-2017-06.${e}`));
  });
});

describe('5. planned ends do not move the Datenstand', () => {
  it('one Bewilligungszeitraum ending 30.11.2027: same Datenstand, same month, same counts, and a note', async () => {
    const original = readFileSync(`${DEMO}/zeitraeume.csv`, 'utf8');
    const geplant = datei('zr-geplant.csv', original.replace(/^(K0000002;2013-02-01;);ELB$/m, '$12027-11-30;ELB'));
    expect(readFileSync(geplant, 'utf8')).not.toBe(original);
    const a = await lauf(['lzb', '--zeitraeume', `${DEMO}/zeitraeume.csv`, '--von', '2017-01', '--json']);
    const b = await lauf(['lzb', '--zeitraeume', geplant, '--von', '2017-01', '--json']);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [da, db] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect([db.datenstand, db.berichtsmonat]).toEqual(['2017-12-28', '2017-12']);
    expect(db.stichtage).toEqual(da.stichtage);
    expect(b.stderr).toBe(
      `kennzahlen: ${geplant}: bei einer Person endet der Bezug laut Extrakt erst nach dem Datenstand 28.12.2017 (geplante Enden, spätestens 30.11.2027); gezählt wird nur bis zum Datenstand.\n` +
        'kennzahlen: Berichtsmonat 12/2017: der letzte Monat, dessen Stichtag der Datenstand erreicht (sonst --monat oder --bis).\n',
    );
  });
});

describe('5a. a Datenstand that no observation backs', () => {
  it('one start far after all others (2071 for 2017) is an error, not a Datenstand', async () => {
    const typo = datei('zr-2071.csv', readFileSync(`${DEMO}/zeitraeume.csv`, 'utf8') + 'K9999999;2071-01-01;;ELB\n');
    const r = await lauf(['lzb', '--zeitraeume', typo, '--format', 'table']);
    expect([r.code, r.stdout, r.stderr]).toEqual([65, '', `kennzahlen: ${typo}: der späteste Beginn 01.01.2071 (person_id „K9999999“) liegt 19.362 Tage nach dem zweitspätesten (28.12.2017); als Datenstand ergäbe er Monate, in denen nichts beobachtet ist.\nHinweis: Ist es ein Tippfehler, die Zeile berichtigen; reichen die Daten wirklich so weit, nennt --datenstand DATUM den Stand.\n`]);
  });

  it('a declared Datenstand long after the latest start is said on stderr', async () => {
    const alt = datei('zr-alt.csv', readFileSync(`${DEMO}/zeitraeume.csv`, 'utf8').split('\n').filter((z, i) => i === 0 || (z !== '' && z.split(';')[1] <= '2017-03-31')).join('\n') + '\n');
    const r = await lauf(['lzb', '--zeitraeume', alt, '--datenstand', '2017-12-31', '--monat', '2017-11', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`kennzahlen: Der angegebene Datenstand 31.12.2017 liegt 275 Tage nach dem spätesten Beginn in ${alt} (31.03.2017): stammt der Abzug wirklich von da? Bis zum Datenstand gilt jeder laufende Zeitraum als fortbestehend.`);
  });
});

describe('5b. filters and breakdowns need their attribute columns', () => {
  const ohneFlucht = datei('personen-ohne-flucht.csv', readFileSync(`${DEMO}/personen.csv`, 'utf8').replace(/;[^;\n]*$/gm, ''));
  it('a filter on a column personen lacks is an error, for aggregate and for a target', async () => {
    expect(readFileSync(ohneFlucht, 'utf8').split('\n')[0]).toBe('person_id;geschlecht;geburtsdatum;alleinerziehend');
    const a = await lauf(['aggregate', '--zeitraeume', `${DEMO}/zeitraeume.csv`, '--personen', ohneFlucht, '--filter', 'ohne_flucht', '--monat', '2017-06', '--format', 'csv']);
    expect([a.code, a.stdout, a.stderr]).toEqual([65, '', `kennzahlen: ${ohneFlucht}: eine Merkmalsspalte fehlt oder ist leer; ohne sie gälte jede Person als „unbekannt“.\n  ${ohneFlucht}:1: Spalte „fluchtkontext“ fehlt oder ist leer, --filter ohne_flucht braucht sie.\n`]);
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--personen', ohneFlucht, '--ziele', `${DEMO}/ziele-2017.json`, '--monat', '2017-06', '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`  ${ohneFlucht}:1: Spalte „fluchtkontext“ fehlt oder ist leer, das Ziel K2_u25_ohne_flucht (Filter u25_ohne_flucht) braucht sie.\n`);
  });

  it('an attribute column that is empty throughout counts as missing', async () => {
    const leer = datei('personen-flucht-leer.csv', readFileSync(`${DEMO}/personen.csv`, 'utf8').replace(/;[^;\n]*$/gm, ';').replace(/^person_id;geschlecht;geburtsdatum;alleinerziehend;$/m, 'person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext'));
    expect(readFileSync(leer, 'utf8').split('\n').slice(0, 2)).toEqual(['person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext', 'K0000001;m;1961-08-08;0;']);
    const r = await lauf(['aggregate', '--zeitraeume', `${DEMO}/zeitraeume.csv`, '--personen', leer, '--filter', 'ohne_flucht', '--monat', '2017-06', '--format', 'csv']);
    expect([r.code, r.stderr.split('\n')[1]]).toEqual([65, `  ${leer}:1: Spalte „fluchtkontext“ fehlt oder ist leer, --filter ohne_flucht braucht sie.`]);
  });

  it('without alleinerziehend, K2E4 is not computable for that reason, not for a denominator of 0', async () => {
    const ohneAe = datei('personen-ohne-ae.csv', readFileSync(`${DEMO}/personen.csv`, 'utf8').replace(/;[^;\n]*;([^;\n]*)$/gm, ';$1'));
    expect(readFileSync(ohneAe, 'utf8').split('\n')[0]).toBe('person_id;geschlecht;geburtsdatum;fluchtkontext');
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--personen', ohneAe, '--monat', '2017-06', '--json', '-q']);
    const k2e4 = JSON.parse(r.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2E4');
    expect([r.code, k2e4.wert, k2e4.hinweis]).toEqual([0, null, 'Spalte integrationen_ae fehlt; Spalte elb_ae fehlt']);
  });
});

describe('5d. an integrations or measures extract older than the periods', () => {
  it('leaves the months it does not observe not computable (x, with the reason), and says so', async () => {
    const alt = (rolle: string) => datei(`${rolle}-bis-maerz.csv`, readFileSync(`${DEMO}/${rolle}.csv`, 'utf8').split('\n').filter((z, i) => i === 0 || (z !== '' && z.split(';')[1] <= '2017-03-31')).join('\n') + '\n');
    const [ig, ma] = [alt('integrationen'), alt('massnahmen')];
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--integrationen', ig, '--massnahmen', ma, '--monat', '2017-06', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `kennzahlen: ${ig}: das späteste Ereignis (Integration oder Eintritt) beginnt am 31.03.2017, 275 Tage vor dem Datenstand 31.12.2017: ein älterer Abzug? Monate mit Stichtag nach dem 14.04.2017 sind dafür nicht berechenbar (x).`,
      `kennzahlen: ${ma}: die späteste Maßnahme beginnt am 31.03.2017, 275 Tage vor dem Datenstand 31.12.2017: ein älterer Abzug? Monate mit Stichtag nach dem 01.05.2017 sind dafür nicht berechenbar (x).`,
    ]);
    const k = Object.fromEntries(JSON.parse(r.stdout).kennzahlen.map((x: { id: string; wert: number | null; hinweis: string | null }) => [x.id, [x.wert, x.hinweis]]));
    expect(k.K2).toEqual([null, 'integrationen fehlt für 2017-04…2017-06 (außerhalb der Zeit, die integrationen abdeckt)']);
    expect(k.K3E2).toEqual([null, 'lzb_aktiviert fehlt für 2017-06 (außerhalb der Zeit, die massnahmen abdeckt)']);
    // What does not depend on them stays as it was.
    expect(k.K3[0]).toBe(-11.6);
  });
});

describe('5d. event inputs: late starts, and the latest month', () => {
  const ab = (rolle: string, tag: string) => datei(`${rolle}-ab-${tag}.csv`, readFileSync(`${DEMO}/${rolle}.csv`, 'utf8').split('\n').filter((z, i) => i === 0 || (z !== '' && z.split(';')[1] >= tag)).join('\n') + '\n');
  it('measures that start late leave a year not computable, since measures begun before may still run', async () => {
    const ma = ab('massnahmen', '2016-01-01');
    const r = await lauf(['aggregate', '--config', `${DEMO}/kennzahlen.json`, '--massnahmen', ma, '--von', '2016-12', '--bis', '2017-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`kennzahlen: ${ma}: die früheste Maßnahme beginnt am 01.01.2016, die Daten am 01.01.2013. Maßnahmen, die vorher begannen, fehlen: Monate mit Stichtag vor dem 31.12.2016 sind dafür nicht berechenbar (x).\n`);
    const [dez, jan] = JSON.parse(r.stdout).zeilen;
    expect([dez.lzb_aktiviert, dez.hinweise.lzb_aktiviert]).toEqual([null, 'lzb_aktiviert fehlt für 2016-12 (außerhalb der Zeit, die massnahmen abdeckt)']);
    const voll = await lauf(['aggregate', '--config', `${DEMO}/kennzahlen.json`, '--monat', '2017-01', '--json']);
    // From January 2017 on, the measures running at the Stichtag all began within the input.
    expect(jan.lzb_aktiviert).toBeGreaterThan(0);
    expect(jan.lzb_aktiviert).toBeLessThanOrEqual(JSON.parse(voll.stdout).zeilen[0].lzb_aktiviert);
  });

  it('integrations that stop a few days before the Stichtag are counted, with a note that the month may be short', async () => {
    const ig = datei('ig-bis-0607.csv', readFileSync(`${DEMO}/integrationen.csv`, 'utf8').split('\n').filter((z, i) => i === 0 || (z !== '' && z.split(';')[1] <= '2017-06-07')).join('\n') + '\n');
    const r = await lauf(['aggregate', '--config', `${DEMO}/kennzahlen.json`, '--integrationen', ig, '--datenstand', '2017-06-20', '--monat', '2017-06', '--format', 'table']);
    expect(r.code).toBe(0);
    // (The other note: with a Datenstand in June, later ends in the demo extract are plans.)
    expect(r.stderr.split('\n').slice(1)).toEqual([`kennzahlen: ${ig}: die späteste Integration oder der späteste Eintritt beginnt am 07.06.2017, vor dem Stichtag 15.06.2017 von 06/2017; reicht der Abzug nicht bis dahin, zählt 06/2017 dafür zu wenig.`, '']);
  });
});

describe('5e. an empty kontinuierlich cell is not known yet, not nein', () => {
  it('K2E3 is not computable where an integration in its window is still open', async () => {
    const ig = datei('ig-offen.csv', readFileSync(`${DEMO}/integrationen.csv`, 'utf8').replace(/^([^;\n]*;2017-0[1-9]-\d\d;[A-Z]+;)(ja|nein)/gm, '$1'));
    const r = await lauf(['report', '--config', `${DEMO}/kennzahlen.json`, '--integrationen', ig, '--monat', '2017-06', '--json', '-q']);
    const k2e3 = JSON.parse(r.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2E3');
    expect([r.code, k2e3.wert, k2e3.vorjahr]).toEqual([0, null, 59.6]);
    expect(k2e3.hinweis).toBe('integrationen_kontinuierlich fehlt für 2017-01…2017-06 („kontinuierlich“ noch offen (leere Zelle) bei einer Integration)');
  });
});

describe('5c. numbers, dates and groups as exports write them', () => {
  it('a count with a thousands point read with a decimal point is an error that names --decimal comma', async () => {
    const d = datei('mw-komma.csv', 'monat,elb,integrationen\n2024-05,"7.400",140\n2024-06,"3.900.000",67\n');
    const r = await lauf(['check', '--monatswerte', d, '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, [
      `✗ monatswerte   ${d}: 2 Probleme`,
      `  ${d}:2:2: Spalte „elb“: „7.400“ ist ungültig; erwartet eine ganze Zahl (eine Anzahl); ist „.“ hier das Tausendertrennzeichen, dann --decimal comma.`,
      `  ${d}:3:2: Spalte „elb“: „3.900.000“ ist ungültig; erwartet eine Zahl mit Dezimalpunkt wie 1,234.5 (oder -, *, x); mit Dezimalkomma geschrieben? dann --decimal comma.`,
      '1 Datei geprüft: 2 Probleme.',
      '',
    ].join('\n')]);
  });

  it('31.12.9999, a database\'s open end, is an open end; the total may be called Insgesamt', async () => {
    const offen = datei('zr-9999.csv', readFileSync(ZR_BIS, 'utf8').replace(';bis;', ';ende;').replace('B;2015-01-01;;ELB', 'B;2015-01-01;31.12.9999;ELB'));
    const leer = datei('zr-leer.csv', readFileSync(ZR_BIS, 'utf8').replace(';bis;', ';ende;'));
    const [a, b] = await Promise.all([offen, leer].map((z) => lauf(['lzb', '--zeitraeume', z, '--von', '2017-01', '--bis', '2017-06', '--json'])));
    expect([a.code, a.stderr]).toEqual([0, '']);
    expect(JSON.parse(a.stdout).stichtage).toEqual(JSON.parse(b.stdout).stichtage);
    const mw = datei('mw-insgesamt.csv', readFileSync('fixtures/monatswerte/bund-k2.csv', 'utf8').replace('monat;', 'monat;gruppe;').replace(/\n(\d{4}-\d{2});/g, '\n$1;Insgesamt;'));
    const r = await lauf(['report', '--monatswerte', mw, '--monat', '2024-06', '--json', '-q']);
    expect(JSON.parse(r.stdout).kennzahlen.find((k: { id: string }) => k.id === 'K2')).toMatchObject({ wert: 20.3 });
  });

  it('a table without a total is an error; aggregate --filter marks its groups, so its CSV is never read as the total', async () => {
    const csv = join(ordner, 'u25.csv');
    const a = await lauf(['aggregate', '--config', `${DEMO}/kennzahlen.json`, '--filter', 'u25', '--von', '2015-01', '--bis', '2017-06', '--format', 'csv', '--out', csv]);
    expect(a.code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[1]).toMatch(/^2015-01;u25:gesamt;/);
    const r = await lauf(['report', '--monatswerte', csv, '--monat', '2017-06', '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([65, `kennzahlen: ${csv}: ein Problem in den Eingabedaten.\n  ${csv}: keine Zeilen der Gruppe „gesamt“ (oder „Insgesamt“); gefunden: u25:gesamt.\n`]);
  });
});

describe('7. an unclosed quote is reported where it opened', () => {
  it('line 3 in a long file, not its last line', async () => {
    const zeilen = ['person_id;beginn;ende;status', 'A;2015-01-01;;ELB', 'B;"2015-01-01;;ELB'];
    for (let i = 0; i < 100_000; i++) zeilen.push(`P${i};2015-01-01;2015-06-30;ELB`);
    const d = datei('anfuehrung-lang.csv', zeilen.join('\n') + '\n');
    const r = await lauf(['check', '--zeitraeume', d, '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, `✗ zeitraeume    ${d}: 1 Problem\n  ${d}:3:2: CSV-Struktur fehlerhaft: das Anführungszeichen in Zeile 3, Spalte 2 wird bis zum Dateiende nicht geschlossen.\n1 Datei geprüft: 1 Problem.\n`]);
  });
});

describe('9. an option is either used or refused', () => {
  const KANTEN = 'fixtures/kanten/zeitraeume.csv';
  it.each([
    [['check', '--zeitraeume', KANTEN, '--format', 'csv'], "Fehler: 'csv' ist kein gültiger Wert für '--format <format>'. Erlaubt: table, json, xlsx."],
    [['check', '--zeitraeume', KANTEN, '--format', 'table', '--out-dir', 'x'], 'kennzahlen: check kennt die Option --out-dir nicht; sie gehört zu lzb, aggregate, report, demo, vergleich.'],
    [['check', '--zeitraeume', KANTEN, '--format', 'table', '--lang', 'en'], 'kennzahlen: check kennt die Option --lang nicht; sie gehört zu lzb, aggregate, report, demo, vergleich.'],
    [['check', '--zeitraeume', KANTEN, '--out', 'x.md'], 'kennzahlen: --out x.md: dieser Befehl schreibt nur table, json oder xlsx; --format nennt das Format, die Endung der Datei ist dann frei.'],
    [['lzb', '--zeitraeume', KANTEN, '--format', 'table', '--threads', '3'], 'kennzahlen: --threads erwartet eine ganze Zahl von 1 bis 2, nicht „3“.'],
    [['demo', '--format', 'table', '--zeitraeume', KANTEN], 'kennzahlen: demo kennt die Option --zeitraeume nicht; sie gehört zu lzb, aggregate, report, check.'],
    [['lzb', '--zeitraeume', '--format', 'table'], 'kennzahlen: --zeitraeume braucht einen Wert (<datei>), dahinter steht aber die Option --format.'],
    [['lzb', KANTEN, '--format', 'table'], `kennzahlen: lzb nimmt „${KANTEN}“ nicht als Argument: Eingaben werden mit ihrer Rolle angegeben.`],
  ])('%j: 2', async (args, meldung) => {
    const r = await lauf([...args, '--no-color']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(meldung);
  });

  it('--out into a folder that takes no files says so (73); --out-dir there ends, not hangs', async () => {
    const r = await lauf(['demo', '-q', '--out', '/proc/x.json']);
    expect([r.code, r.stderr]).toEqual([73, 'kennzahlen: /proc/x.json: der Ordner /proc nimmt keine neuen Dateien an.\n']);
    const satz = await lauf(['demo', '-q', '--out-dir', '/proc/kennzahlen/{monat}', '--format', 'table']);
    expect([satz.code, satz.stderr]).toEqual([73, 'kennzahlen: /proc/kennzahlen: der Ordner /proc nimmt keine neuen Dateien an.\n']);
  });

  it('--nach geschlecht on Monatswerte without groups has nothing to break down (65)', async () => {
    const r = await lauf(['report', '--monatswerte', 'fixtures/monatswerte/bund-k2.csv', '--monat', '2024-06', '--nach', 'geschlecht', '--format', 'table']);
    expect([r.code, r.stdout, r.stderr]).toEqual([65, '', 'kennzahlen: --nach geschlecht: fixtures/monatswerte/bund-k2.csv hat nicht beide Gruppen „w“/„Frauen“ und „m“/„Männer“ (Spalte gruppe; gefunden: keine), also gibt es nichts aufzugliedern.\n']);
  });

  it('--nach geschlecht needs both Frauen and Männer; their labels as tables write them', async () => {
    const beide = datei('mw-gruppen.csv', 'monat;gruppe;elb;integrationen\n' + ['Insgesamt;100;20', 'Frauen;60;12', 'Männer;40;8'].flatMap((g) => ['2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map((m) => `${m};${g}`)).join('\n') + '\n');
    const r = await lauf(['report', '--monatswerte', beide, '--monat', '2024-06', '--nach', 'geschlecht', '--json', '-q']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).gruppen.map((g: { gruppe: string }) => g.gruppe)).toEqual(['frauen', 'maenner']);
    const nurFrauen = datei('mw-frauen.csv', readFileSync(beide, 'utf8').split('\n').filter((z) => !z.includes('Männer')).join('\n'));
    const f = await lauf(['report', '--monatswerte', nurFrauen, '--monat', '2024-06', '--nach', 'geschlecht', '--format', 'table']);
    expect([f.code, f.stderr.split('\n')[0]]).toEqual([65, `kennzahlen: --nach geschlecht: ${nurFrauen} hat nicht beide Gruppen „w“/„Frauen“ und „m“/„Männer“ (Spalte gruppe; gefunden: frauen), also gibt es nichts aufzugliedern.`]);
  });

  it('a column without a header but with values is named once, with its first line and count', async () => {
    const d = datei('zr-namenlos.csv', 'person_id;beginn;ende;status;\nA;2015-01-01;;ELB;\nB;2015-01-01;;ELB;x\nC;2015-01-02;;ELB;y\n');
    const r = await lauf(['check', '--zeitraeume', d, '--format', 'table']);
    expect([r.code, r.stdout.split('\n')[1]]).toEqual([65, `  ${d}:3:5: Spalte 5 hat keine Überschrift, enthält aber in 2 Zeilen Werte, zuerst „x“; erwartet wird eine Überschrift in Zeile 1 (und eine Zuordnung in der Konfiguration, wenn sie nicht kanonisch ist).`]);
  });

  it('a workbook cut off (still being copied to the share) is named as such (65)', async () => {
    const xlsx = datei('zeitraeume.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('[Content_Types].xml')]));
    const r = await lauf(['lzb', '--zeitraeume', xlsx, '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([65, `kennzahlen: ${xlsx}: ein Problem in den Eingabedaten.\n  ${xlsx}: Die Arbeitsmappe ist unvollständig: ihr Ende fehlt (abgeschnitten beim Kopieren, oder noch nicht fertig geschrieben?).\n`]);
  });

  it('an old Excel workbook (.xls), or one encrypted with a password, is named as such (65)', async () => {
    const xls = datei('zeitraeume.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await lauf(['lzb', '--zeitraeume', xls, '--format', 'table']);
    expect([r.code, r.stderr.split('\n')[1]]).toEqual([65, `  ${xls}:1: weder CSV noch .xlsx, sondern eine Excel-Arbeitsmappe im alten Format (.xls) oder eine mit Kennwort (oder Vertraulichkeitsbezeichnung) verschlüsselte. Abhilfe: in Excel das Kennwort entfernen und „Speichern unter“ › „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und diese Datei angeben.`]);
  });
});

describe('10. person ids that do not match', () => {
  const zr = datei('zr-nullen.csv', 'person_id;beginn;ende;status\n00123;2015-01-01;;ELB\n00124;2015-01-01;;ELB\n00125;2017-06-01;2017-06-05;ELB\n00999;2017-06-20;;ELB\n');
  it('ids that match only with other leading zeros (Excel) are an error that says so', async () => {
    const pe = datei('pe-nullen.csv', 'person_id;geschlecht\n123;w\n124;m\n');
    const r = await lauf(['lzb', '--zeitraeume', zr, '--personen', pe, '--monat', '2017-06', '--format', 'table']);
    expect([r.code, r.stdout]).toEqual([65, '']);
    expect(r.stderr).toBe(
      `kennzahlen: ${pe}: 2 Personen-IDs passen erst mit anderen führenden Nullen zu ${zr} (z. B. „123“ hier, „00123“ dort). Das sieht nach verlorenen führenden Nullen aus: Excel liest eine ID-Spalte aus Ziffern als Zahl und lässt sie weg.\n` +
        'Hinweis: Die IDs in beiden Dateien als Text exportieren (in Excel: Daten › Aus Text/CSV, Spalte als Text; nicht per Doppelklick öffnen und speichern). Rolle personen.\n',
    );
  });

  it('an input none of whose persons has ELB periods is an error; some missing are a note', async () => {
    const fremd = datei('ig-fremd.csv', 'person_id;datum;art\nX1;2017-03-01;SVB\nX2;2017-04-01;SVB\n');
    const r = await lauf(['aggregate', '--zeitraeume', zr, '--integrationen', fremd, '--monat', '2017-06', '--format', 'table']);
    expect([r.code, r.stderr]).toEqual([65, `kennzahlen: ${fremd}: keine der 2 Personen hat ELB-Zeiten in ${zr} (z. B. „X1“), also zählt aus integrationen nichts.\nHinweis: Stammen beide Dateien aus demselben Extrakt, und sind die Personen-IDs gleich geschrieben?\n`]);
    const teils = datei('ig-teils.csv', 'person_id;datum;art\n00124;2015-01-10;GERING\n00123;2017-03-01;SVB\nX2;2017-06-15;SVB\n');
    const t = await lauf(['aggregate', '--zeitraeume', zr, '--integrationen', teils, '--monat', '2017-06', '--format', 'table']);
    expect([t.code, t.stderr]).toEqual([0, `kennzahlen: ${teils}: eine Person ohne ELB-Zeiten in ${zr}; ihre Integrationen und Eintritte zählen nicht.\n`]);
  });
});
