// `npm run gen -- --persons N --seed S`: writes a synthetic Jobcenter's extracts (zeitraeume in
// day-exact and/or monthly form, personen) into a folder. Same arguments, same bytes.

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isoMonat, isoTag, monatIndex } from '../src/core/kalender.js';
import { synthetischePersonen } from './synthese.js';

class Schreiber {
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

export async function generiere(o: GenOptionen): Promise<{ personen: number; zeilenTage: number; zeilenMonate: number }> {
  const monat = (s: string) => monatIndex(Number(s.slice(0, 4)), Number(s.slice(5, 7)));
  await mkdir(o.out, { recursive: true });
  const tage = o.form !== 'monate' ? new Schreiber(join(o.out, 'zeitraeume.csv'), 'person_id;beginn;ende;status') : null;
  const monate = o.form !== 'tage' ? new Schreiber(join(o.out, 'zeitraeume-monate.csv'), 'person_id;monat;status') : null;
  const personen = new Schreiber(join(o.out, 'personen.csv'), 'person_id;geschlecht;geburtsdatum;alleinerziehend;fluchtkontext');
  let n = 0;
  for (const p of synthetischePersonen({ personen: o.personen, seed: o.seed, von: monat(o.von), bis: monat(o.bis) })) {
    n++;
    await personen.zeile(`${p.id};${p.geschlecht};${isoTag(p.geburtsdatum)};${p.alleinerziehend ? 1 : 0};${p.fluchtkontext ? 1 : 0}`);
    if (tage) for (const z of p.zeitraeume) await tage.zeile(`${p.id};${isoTag(z.beginn)};${z.ende === null ? '' : isoTag(z.ende)};${z.status}`);
    if (monate) for (const m of p.monate) await monate.zeile(`${p.id};${isoMonat(m)};ELB`);
  }
  await Promise.all([tage?.schliesse(), monate?.schliesse(), personen.schliesse()]);
  return { personen: n, zeilenTage: tage?.zeilen ?? 0, zeilenMonate: monate?.zeilen ?? 0 };
}

const HILFE = `npm run gen -- [--persons N] [--seed S] [--von 2013-01] [--bis 2017-12] [--form tage|monate|beide] [--out ORDNER]
Schreibt zeitraeume.csv (tagesgenau), zeitraeume-monate.csv (Monatsform) und personen.csv eines
synthetischen Jobcenters. Gleiche Argumente ergeben gleiche Dateien.`;

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
  process.stderr.write(`${e.personen} Personen, ${e.zeilenTage} Zeitraum-Zeilen, ${e.zeilenMonate} Monatszeilen → ${values.out}/\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli();
