// The use cases run without a command line, streams or files: a request of plain values and a
// Leser that serves inputs from memory. What they hand back (model, notes, status) is what the shell
// renders and maps to an exit code.

import { describe, expect, it } from 'vitest';
import { check } from '../../src/app/check.js';
import { fuehreAus, type Leser } from '../../src/app/ergebnis.js';
import type { LeseAnfrage } from '../../src/app/lesen.js';
import { lzb, type LzbAnfrage } from '../../src/app/lzb.js';
import { report, type ReportAnfrage } from '../../src/app/report.js';
import { monatIndex, tagNummer } from '../../src/core/kalender.js';
import { STANDARD_EINSTELLUNGEN } from '../../src/core/lzb/regel.js';
import { KennzahlenFehler } from '../../src/fehler.js';
import type { Bytequelle } from '../../src/input/quelle.js';
import { oeffneTabelle } from '../../src/input/tabelle.js';
import { pruefeZiele } from '../../src/input/ziele.js';

/** Inputs by file name; a name not there is a missing file, as the shell reports one. Targets as JSON values. */
function speicherLeser(dateien: Record<string, string>, ziele: Record<string, unknown> = {}): Leser {
  return {
    async tabelle(rolle, datei, optionen, lies) {
      if (!(datei in dateien)) throw new KennzahlenFehler('datei_fehlt', `${datei}: Datei nicht gefunden.`);
      const bytes = Buffer.from(dateien[datei], 'utf8');
      const quelle: Bytequelle = { datei, groesse: bytes.length, pruefsumme: null, async *lies(von = 0, bis = bytes.length) { yield bytes.subarray(von, bis); } };
      return lies(await oeffneTabelle(quelle, rolle, optionen));
    },
    ziele: async (datei) => {
      const z = pruefeZiele(ziele[datei], datei);
      if (!('vorgabe' in z)) throw new Error(`Ziele ungültig: ${JSON.stringify(z.probleme)}`);
      return { vorgabe: z.vorgabe, info: { rolle: 'ziele', datei, zeilen: z.vorgabe.ziele.length, sha256: '', kodierung: 'utf8', trennzeichen: null } };
    },
  };
}

const LESEN: LeseAnfrage = { spalten: {}, werte: {}, blaetter: {}, maxProbleme: 100, threads: 1 };

// A1 receives from 2015 on without a break; B7 stops in March 2017; C3 only in 2015.
const ZEITRAEUME = 'person_id;beginn;ende;status\nA1;2015-01-01;;ELB\nB7;2016-06-01;2017-03-31;ELB\nC3;2015-01-01;2015-12-31;ELB\n';
const anfrage = (monat: number): LzbAnfrage => ({
  personen: { dateien: { zeitraeume: 'zr.csv' }, einstellungen: STANDARD_EINSTELLUNGEN, datenstand: tagNummer(2017, 6, 30), lesen: LESEN },
  monate: { von: monat, bis: monat },
  nach: null,
  liste: false,
  jobcenter: 'Test',
});

describe('use cases without a shell', () => {
  it('lzb: on 15.06.2017 only A1 is ELB, with 730 of 730 days, so LZB', async () => {
    const e = await lzb(anfrage(monatIndex(2017, 6)), speicherLeser({ 'zr.csv': ZEITRAEUME }));
    expect([e.status, e.fehler]).toEqual(['ok', null]);
    const juni = e.modell!.bericht.ergebnis.monate[0];
    expect(juni.werte).toMatchObject({ elb: 1, lzb: 1 });
    // B7 was ELB on 15.03.2017, not on 15.04.: one outflow in April, none in June.
    expect(juni.werte.elb_abgaenge).toBe(0);
    // The Datenstand is declared a year after the latest start: the result says so.
    expect(e.notizen).toContainEqual({ art: 'hinweis', text: expect.stringContaining('Der angegebene Datenstand 30.06.2017 liegt') });
  });

  it('a month after the Datenstand ends the run with its kind, and the notes made so far', async () => {
    const e = await lzb(anfrage(monatIndex(2017, 8)), speicherLeser({ 'zr.csv': ZEITRAEUME }));
    expect([e.status, e.modell]).toEqual(['eingabedaten', null]);
    expect(e.fehler?.message).toBe('Der Monat 08/2017 liegt nach dem Datenstand 30.06.2017: sein Stichtag 15.08.2017 ist in den Daten nicht beobachtet.');
    expect(e.notizen.map((n) => n.art)).toContain('hinweis');
  });

  it('check: a missing file and a bad row give their status, with a model to show', async () => {
    const fehlt = await check({ dateien: { zeitraeume: 'nicht-da.csv' }, lesen: LESEN }, speicherLeser({}));
    expect([fehlt.status, fehlt.fehler, fehlt.modell?.pruefungen[0].fehlt]).toEqual(['datei_fehlt', null, 'nicht-da.csv: Datei nicht gefunden.']);
    const kaputt = await check({ dateien: { zeitraeume: 'zr.csv' }, lesen: LESEN }, speicherLeser({ 'zr.csv': 'person_id;beginn;ende;status\nA1;2015-13-01;;ELB\n' }));
    expect(kaputt.status).toBe('eingabedaten');
    expect(kaputt.modell!.pruefungen[0].probleme.map((p) => [p.zeile, p.spaltenname, p.wert])).toEqual([[2, 'beginn', '2015-13-01']]);
  });

  // 1,000 ELB in each month 06/2016–06/2017 and 10 integrations in each of the twelve months up to
  // 06/2017: K2 = 120 / 1,000 · 100 = 12 %, short of a target of at least 15 %.
  const MONATSWERTE = 'monat;elb;integrationen\n2016-06;1000;\n' + Array.from({ length: 12 }, (_, i) => `${i < 6 ? 2016 : 2017}-${String(((i + 6) % 12) + 1).padStart(2, '0')};1000;10\n`).join('');
  const ZIELE = { 'ziele.json': { jahr: 2017, ziele: [{ kennzahl: 'K2', mindestens: 15 }] } };
  const reportAnfrage = (failOnMiss: boolean): ReportAnfrage => ({
    demo: false, personen: null, monatswerte: 'mw.csv', ziele: 'ziele.json', monat: monatIndex(2017, 6), nach: null, failOnMiss,
    k1e3Nenner: 'bezugsmonat', jobcenter: null, mitGrafiken: false, vergleich: null, lesen: LESEN,
  });

  it('report: a missed target with failOnMiss is the status, and the model is there to be written first', async () => {
    const e = await report(reportAnfrage(true), speicherLeser({ 'mw.csv': MONATSWERTE }, ZIELE));
    const k2 = e.modell!.bericht.kennzahlen.find((k) => k.definition.id === 'K2')!;
    expect(k2.monat.wert).toBeCloseTo(12, 10);
    expect(e.modell!.bericht.ziele!.ergebnisse.map((z) => [z.ziel.id, z.status])).toEqual([['K2', 'verfehlt']]);
    expect([e.status, e.fehler?.message]).toEqual(['ziel_verfehlt', 'ein Ziel verfehlt: K2 (--fail-on-miss).']);
    // Without failOnMiss the same miss is a note, and the run succeeds.
    const ohne = await report(reportAnfrage(false), speicherLeser({ 'mw.csv': MONATSWERTE }, ZIELE));
    expect([ohne.status, ohne.fehler]).toEqual(['ok', null]);
    expect(ohne.notizen).toContainEqual({ art: 'hinweis', text: 'ein Ziel verfehlt: K2.' });
  });

  it('fuehreAus passes a bug on instead of turning it into a status', async () => {
    await expect(fuehreAus(async () => { throw new TypeError('Fehler im Werkzeug'); })).rejects.toThrow(TypeError);
  });
});
