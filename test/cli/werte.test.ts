// Value mapping (`werte` in the config): an extract's own codes give the same numbers as the
// canonical values; a code without a mapping is still an error, and the codes left are listed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess } from './hilfen.js';

const { datei } = arbeitsordner('werte');
const KANTEN = 'fixtures/kanten/zeitraeume.csv';
// The data-warehouse export's words for the statuses, with a blank after one of them.
const mitCodes = (text: string) => text.replace(/;ELB(\r?)$/gm, ';Alg II$1').replace(/;NEF(\r?)$/gm, ';Sozialgeld $1');
const konfig = (zeitraeume: string, status: Record<string, string>, name = 'k.json') =>
  datei(name, JSON.stringify({ eingaben: { zeitraeume }, werte: { zeitraeume: { Status: status } }, einstellungen: { datenstand: '2016-12-31' } }));
const lzb = async (args: string[]) => imProzess(['lzb', '--von', '2015-06', '--bis', '2016-12', '--format', 'json', ...args]);

describe('werte: the extract\'s own values', () => {
  it('map to the canonical ones: the same LZB numbers as the file with ELB and NEF', async () => {
    const codes = datei('codes.csv', mitCodes(readFileSync(KANTEN, 'utf8')));
    expect(readFileSync(codes, 'utf8')).toContain('D;2014-12-01;2015-06-30;Alg II\n');
    const kanonisch = await lzb(['--zeitraeume', KANTEN, '--datenstand', '2016-12-31']);
    const zugeordnet = await lzb(['--config', konfig(codes, { 'Alg II': 'ELB', Sozialgeld: 'NEF' })]);
    expect(zugeordnet.code, zugeordnet.stderr).toBe(0);
    expect(JSON.parse(zugeordnet.stdout).stichtage).toEqual(JSON.parse(kanonisch.stdout).stichtage);
    // Without the mapping the codes are errors, each with its line.
    const ohne = await lzb(['--zeitraeume', codes, '--datenstand', '2016-12-31', '--format', 'table']);
    expect(ohne.code).toBe(65);
    expect(ohne.stderr).toContain(`${codes}:2:4: Spalte „status“: „Alg II“ ist ungültig`);
  });

  it('leave an unknown code an error, and list the codes without a mapping', async () => {
    const text = mitCodes(readFileSync(KANTEN, 'utf8')).replace('B;2015-03-19;;Alg II', 'B;2015-03-19;;Alg 2');
    const codes = datei('unbekannt.csv', text);
    const k = konfig(codes, { 'Alg II': 'ELB', Sozialgeld: 'NEF' }, 'unbekannt.json');
    const r = await lzb(['--config', k, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`${codes}:3:4: Spalte „status“: „Alg 2“ ist ungültig`);
    expect(r.stderr).toContain(`${codes}: Spalte status: ohne Zuordnung in „werte.zeitraeume.status“ in ${k} und ungültig: „Alg 2“. Abhilfe: sie dort zuordnen.`);
  });

  it('refuse a mapping to a value the column does not take, or for a column the role lacks', async () => {
    const codes = datei('ziel.csv', mitCodes(readFileSync(KANTEN, 'utf8')));
    const k = datei('ziel.json', JSON.stringify({ eingaben: { zeitraeume: codes }, werte: { zeitraeume: { status: { 'Alg II': 'ELB', Sozialgeld: 'Sozialgeld' }, stauts: { x: 'ELB' } } } }));
    const r = await lzb(['--config', k, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`„werte.zeitraeume.status“ in ${k}: „Sozialgeld“ → „Sozialgeld“, aber „Sozialgeld“ ist kein Wert der Spalte status; erwartet`);
    expect(r.stderr).toContain(`„werte.zeitraeume.stauts“ in ${k}: zeitraeume hat keine Spalte „stauts“; gemeint ist wohl „status“.`);
  });

  it('refuse two keys that differ only in outer blanks but map to different values', async () => {
    // Cells are compared without outer blanks, so „Sozialgeld“ and „Sozialgeld “ name the same
    // cells; taking the later would count every Sozialgeld person as ELB without a word.
    const codes = datei('blank.csv', mitCodes(readFileSync(KANTEN, 'utf8')));
    const k = datei('blank.json', JSON.stringify({ eingaben: { zeitraeume: codes }, werte: { zeitraeume: { status: { 'Alg II': 'ELB', 'Sozialgeld': 'NEF', 'Sozialgeld ': 'ELB' } } }, einstellungen: { datenstand: '2016-12-31' } }));
    const r = await lzb(['--config', k, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`„werte.zeitraeume.status“ in ${k}: „Sozialgeld“ → „NEF“ und „Sozialgeld “ → „ELB“ meinen dieselben Zellen (Leerzeichen am Rand zählen nicht), aber verschiedene Werte.`);
    // The same target twice is merely redundant.
    const gleich = datei('gleich.json', JSON.stringify({ eingaben: { zeitraeume: codes }, werte: { zeitraeume: { status: { 'Alg II': 'ELB', 'Sozialgeld': 'NEF', 'Sozialgeld ': 'NEF' } } }, einstellungen: { datenstand: '2016-12-31' } }));
    expect((await lzb(['--config', gleich])).code).toBe(0);
  });

  it('are read from the config with their shape checked', async () => {
    const k = datei('form.json', JSON.stringify({ eingaben: { zeitraeume: KANTEN }, werte: { zeitraeume: { status: { 'Alg II': 1 } }, kunden: {} } }));
    const r = await lzb(['--config', k, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('werte.zeitraeume.status: erwartet ein Objekt { "Wert im Extrakt": "Wert" } mit Texten als Werten');
    expect(r.stderr).toContain('werte.kunden: unbekannte Rolle; erlaubt: zeitraeume, personen, integrationen, massnahmen, leistungen, monatswerte, ziele');
  });

  it('under a header the config renames: the message names the column the values belong to', async () => {
    const zuordnung = JSON.parse(readFileSync('fixtures/zuordnung/kennzahlen.json', 'utf8'));
    const k = datei('umbenannt.json', JSON.stringify({ ...zuordnung, eingaben: { zeitraeume: `${process.cwd()}/fixtures/zuordnung/zeitraeume.csv` }, werte: { zeitraeume: { Art: { 'Alg II': 'ELB' } } } }));
    const r = await lzb(['--config', k, '--format', 'table']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`„werte.zeitraeume.art“ in ${k}: zeitraeume hat keine Spalte „art“; „art“ heißt nach der Zuordnung der Spalten „status“, die Werte gehören unter „werte.zeitraeume.status“.`);
  });
});
