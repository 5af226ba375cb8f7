// `npm run gen -- --persons N --seed S`: writes a synthetic Jobcenter's extracts (zeitraeume in
// day-exact and/or monthly form, personen) into a folder. Same arguments, same bytes.

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isoMonat, isoTag, monatIndex } from '../src/core/kalender.js';
import { deZahl } from '../src/report/zahlen.js';
import { lluFaktor, lokaleZiele, luhFaktor, SOZIALGELD, synthetischePersonen } from './synthese.js';

/** Buffered lines to a file; tools/realistisch.ts writes its orders with it too. */
export class Schreiber {
  private puffer: string[] = [];
  private strom;
  zeilen = 0;
  constructor(datei: string, kopf: string) {
    this.strom = createWriteStream(datei);
    this.puffer.push(kopf);
  }
  async zeile(text: string) {
    this.puffer.push(text);
    this.zeilen++;
    if (this.puffer.length >= 20_000) await this.leere();
  }
  private async leere() {
    if (!this.strom.write(this.puffer.join('\n') + '\n')) await once(this.strom, 'drain');
    this.puffer = [];
  }
  async schliesse() {
    if (this.puffer.length) await this.leere();
    this.strom.end();
    await once(this.strom, 'finish');
  }
}

export interface GenOptionen {
  personen: number;
  seed: number;
  von: string;
  bis: string;
  form: 'tage' | 'monate' | 'beide';
  out: string;
}

export interface GenErgebnis {
  personen: number;
  zeilenTage: number;
  zeilenMonate: number;
  integrationen: number;
  massnahmen: number;
}

/** Euro with decimal comma and thousands dots, as German exports write them. */
const euro = (cent: number) => deZahl(cent / 100, 2);

export async function generiere(o: GenOptionen): Promise<GenErgebnis> {
  const monat = (s: string) => monatIndex(Number(s.slice(0, 4)), Number(s.slice(5, 7)));
  const von = monat(o.von), bis = monat(o.bis);
  await mkdir(o.out, { recursive: true });
  const tage = o.form !== 'monate' ? new Schreiber(join(o.out, 'zeitraeume.csv'), 'person_id;beginn;ende;status') : null;
  const monate = o.form !== 'tage' ? new Schreiber(join(o.out, 'zeitraeume-monate.csv'), 'person_id;monat;status') : null;
  const personen = new Schreiber(join(o.out, 'personen.csv'), 'person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext');
  const integrationen = new Schreiber(join(o.out, 'integrationen.csv'), 'person_id;datum;art;kontinuierlich;bedarfsdeckend');
  const massnahmen = new Schreiber(join(o.out, 'massnahmen.csv'), 'person_id;beginn;ende;art');
  // Benefit sums per month in whole cents.
  const llu = new Map<number, number>(), luh = new Map<number, number>();
  const plus = (m: Map<number, number>, k: number, euro: number) => m.set(k, (m.get(k) ?? 0) + Math.round(euro * 100));
  let n = 0;
  for (const p of synthetischePersonen({ personen: o.personen, seed: o.seed, von, bis })) {
    n++;
    await personen.zeile(`${p.id};${p.geschlecht};${isoTag(p.geburtsdatum)};${p.alleinerziehend ? 1 : 0};${p.fluchtkontext ? 1 : 0}`);
    if (tage) for (const z of p.zeitraeume) await tage.zeile(`${p.id};${isoTag(z.beginn)};${z.ende === null ? '' : isoTag(z.ende)};${z.status}`);
    if (monate) for (const m of p.monate) await monate.zeile(`${p.id};${isoMonat(m)};ELB`);
    for (const e of p.ereignisse) await integrationen.zeile(`${p.id};${isoTag(e.datum)};${e.art};${e.kontinuierlich ? 'ja' : 'nein'};${e.bedarfsdeckend ? 'ja' : 'nein'}`);
    for (const m of p.massnahmen) await massnahmen.zeile(`${p.id};${isoTag(m.beginn)};${m.ende === null ? '' : isoTag(m.ende)};${m.art}`);
    for (const m of p.monate) {
      plus(llu, m, p.llu * lluFaktor(m));
      plus(luh, m, p.luh * luhFaktor(m));
    }
    for (const m of p.nefMonate) plus(llu, m, SOZIALGELD * lluFaktor(m));
  }
  const leistungen = new Schreiber(join(o.out, 'leistungen.csv'), 'monat;llu;luh');
  for (let m = von; m <= bis; m++) await leistungen.zeile(`${isoMonat(m)};${euro(llu.get(m) ?? 0)};${euro(luh.get(m) ?? 0)}`);
  const ziele = new Schreiber(join(o.out, 'lokale-ziele.csv'), 'monat;alo_u25;ep_u25;abgaenge_lza;abgaenge_sbm;egl_ausgaben;egl_budget');
  for (const { monat: m, werte: w } of lokaleZiele(o.seed, von, bis)) {
    // "-" is the BA's symbol for zero, as in published tables.
    const anzahl = (x: number) => (x === 0 ? '-' : String(x));
    await ziele.zeile(`${isoMonat(m)};${anzahl(w.alo_u25)};${anzahl(w.ep_u25)};${anzahl(w.abgaenge_lza)};${anzahl(w.abgaenge_sbm)};${euro(Math.round(w.egl_ausgaben * 100))};${euro(Math.round(w.egl_budget * 100))}`);
  }
  await Promise.all([tage?.schliesse(), monate?.schliesse(), personen.schliesse(), integrationen.schliesse(), massnahmen.schliesse(), leistungen.schliesse(), ziele.schliesse()]);
  return { personen: n, zeilenTage: tage?.zeilen ?? 0, zeilenMonate: monate?.zeilen ?? 0, integrationen: integrationen.zeilen, massnahmen: massnahmen.zeilen };
}

const HILFE = `npm run gen -- [--persons N] [--seed S] [--von 2013-01] [--bis 2017-12] [--form tage|monate|beide] [--out ORDNER]
Schreibt die Extrakte eines synthetischen Jobcenters: zeitraeume.csv (tagesgenau) und/oder
zeitraeume-monate.csv (Monatsform), personen.csv, integrationen.csv, massnahmen.csv, leistungen.csv
und lokale-ziele.csv (Monatswerte der lokalen Ziele). Gleiche Argumente ergeben gleiche Dateien.`;

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '12500' },
      seed: { type: 'string', default: '1' },
      von: { type: 'string', default: '2013-01' },
      bis: { type: 'string', default: '2017-12' },
      form: { type: 'string', default: 'tage' },
      out: { type: 'string', default: 'synthetisch' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HILFE + '\n');
    return;
  }
  const form = values.form as GenOptionen['form'];
  const ganz = /^\d+$/;
  if (!ganz.test(values.persons!) || !ganz.test(values.seed!) || !['tage', 'monate', 'beide'].includes(form) || !/^\d{4}-\d{2}$/.test(values.von!) || !/^\d{4}-\d{2}$/.test(values.bis!)) {
    process.stderr.write(HILFE + '\n');
    process.exitCode = 2;
    return;
  }
  const e = await generiere({ personen: Number(values.persons), seed: Number(values.seed), von: values.von!, bis: values.bis!, form, out: values.out! });
  process.stderr.write(`${e.personen} Personen, ${e.zeilenTage} Zeitraum-Zeilen, ${e.zeilenMonate} Monatszeilen, ${e.integrationen} Integrationen/Eintritte, ${e.massnahmen} Maßnahmen → ${values.out}/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli();
