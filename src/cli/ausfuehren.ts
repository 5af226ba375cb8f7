// One command from parsed flags to its output: the call settled into a request (src/cli/aufruf.ts),
// the use case run (src/app/), its notes on stderr, its model rendered and written, and how it
// ended handed back for the exit code.

import { isAbsolute, relative } from 'node:path';
import { aggregate } from '../app/aggregate.js';
import { check } from '../app/check.js';
import type { Ergebnis } from '../app/ergebnis.js';
import { lzb } from '../app/lzb.js';
import { report } from '../app/report.js';
import { vergleich } from '../app/vergleich.js';
import { vergleichCsv, vergleichDokument, vergleichJson, vergleichMappe } from '../report/vergleich.js';
import { deutscherMonat, isoMonat } from '../core/kalender.js';
import type { Ausgang } from '../fehler.js';
import { paketDatei } from '../paket.js';
import { checkJson, checkMappe, checkText } from '../report/check.js';
import { kennzahlenDokument } from '../report/kennzahlen-dokument.js';
import { kennzahlenCsv, kennzahlenJson } from '../report/kennzahlen-json.js';
import { kennzahlenMappe } from '../report/kennzahlen-mappe.js';
import { lzbCsv, lzbDokument, lzbMappe } from '../report/lzb-dokument.js';
import { lzbJson } from '../report/lzb-json.js';
import { lzbListe } from '../report/lzb-liste.js';
import { monatswerteCsv, monatswerteDokument, monatswerteJson, monatswerteMappe } from '../report/monatswerte.js';
import { xlsxBytes } from '../report/xlsx.js';
import { aggregateAnfrage, checkAnfrage, leseAufruf, lzbAnfrage, reportAnfrage, vergleichAnfrage } from './aufruf.js';
import { ausgabeFormat, berichtsformate, darstellung, gibAus, gibBerichtAus, mitFarbe, pruefeNichtEingabe, schreibeAtomar } from './ausgabe.js';
import { leser } from './eingaben.js';
import { farben } from './farbe.js';
import type { Io } from './io.js';
import { Meldungen } from './meldungen.js';
import { auswahlVon, OPTIONEN, type Befehl, type Format, type Werte } from './optionen.js';

/** A file of the sample Jobcenter, named relative to the working folder when it lies below it. */
function demoDatei(name: string): string {
  const datei = paketDatei('fixtures', 'demo', name);
  const rel = relative(process.cwd(), datei);
  return rel.startsWith('..') || isAbsolute(rel) ? datei : rel;
}

/** Notes first, then the model written; a status that fails after a model fails once it is written. */
async function gibErgebnisAus<M>(e: Ergebnis<M>, melde: Meldungen, schreibe: (m: M) => Promise<string[]>): Promise<Ausgang> {
  melde.notizen(e.notizen);
  if (e.modell) {
    for (const datei of await schreibe(e.modell)) melde.ausfuehrlich(`geschrieben: ${datei}`);
    melde.speicher();
  }
  if (e.fehler) throw e.fehler;
  return e.status;
}

export async function fuehreBefehlAus(befehl: Befehl, flags: Record<string, unknown>, io: Io): Promise<Ausgang> {
  // `demo` is `report` on the bundled sample Jobcenter: its inputs and targets, and its month unless asked otherwise.
  const demo = befehl === 'demo';
  const erlaubt = auswahlVon(OPTIONEN.format, befehl) as readonly Format[];
  const vorab = (w: Werte) => void ausgabeFormat(w, io, erlaubt);
  const a = demo
    ? await leseAufruf('report', { config: demoDatei('kennzahlen.json'), ziele: demoDatei('ziele-2017.json'), monat: OPTIONEN.monat.je.demo.standard, ...flags }, io, vorab)
    : await leseAufruf(befehl, flags, io, vorab);
  const w = a.werte;
  const format = ausgabeFormat(w, io, erlaubt);
  const farbe = farben(mitFarbe(w, io, format));
  const d = darstellung(w);
  const melde = new Meldungen(io, w);
  const lies = leser(io, melde);

  switch (befehl) {
    case 'lzb':
      return gibErgebnisAus(await lzb(lzbAnfrage(a), lies), melde, async ({ bericht, register }) => {
        const bis = bericht.berichtsmonat;
        if (w.list && bericht.ergebnis.liste) {
          pruefeNichtEingabe(w.list, bericht.eingaben);
          await schreibeAtomar(w.list, lzbListe(bericht.ergebnis, bericht.regel, register, bis));
          melde.hinweis(`Personenliste ${deutscherMonat(bis)}: ${bericht.ergebnis.liste.length} Personen → ${w.list}`);
        }
        const formate = berichtsformate(() => lzbDokument(bericht, d), () => lzbJson(bericht, d), () => lzbCsv(bericht, d), () => lzbMappe(bericht, d), farbe);
        return gibBerichtAus(io, w, format, formate, 'lzb-{jobcenter}-{monat}', { jobcenter: bericht.jobcenter, monat: isoMonat(bis) }, bericht.eingaben);
      });
    case 'aggregate':
      return gibErgebnisAus(await aggregate(aggregateAnfrage(a), lies), melde, ({ monatswerte: mw, kopf }) => {
        const formate = berichtsformate(() => monatswerteDokument(mw, kopf, d), () => monatswerteJson(mw, kopf, d), () => monatswerteCsv(mw, kopf, d), () => monatswerteMappe(mw, kopf, d), farbe);
        return gibBerichtAus(io, w, format, formate, 'monatswerte-{jobcenter}-{monat}', { jobcenter: kopf.jobcenter, monat: isoMonat(kopf.bis) }, kopf.eingaben);
      });
    case 'report':
    case 'demo':
      // Charts (HTML), the workbook's monthly series and every set of --out-dir need more months than the tables.
      return gibErgebnisAus(await report(reportAnfrage(a, format === 'html' || format === 'xlsx' || Boolean(w.outDir), demo), lies), melde, ({ bericht }) => {
        const formate = berichtsformate((mitGrafiken) => kennzahlenDokument(bericht, d, mitGrafiken), () => kennzahlenJson(bericht, d), () => kennzahlenCsv(bericht, d), () => kennzahlenMappe(bericht, d), farbe);
        return gibBerichtAus(io, w, format, formate, 'kennzahlen-{jobcenter}-{monat}', { jobcenter: bericht.jobcenter, monat: isoMonat(bericht.berichtsmonat) }, bericht.eingaben);
      });
    case 'vergleich':
      return gibErgebnisAus(await vergleich(vergleichAnfrage(a), lies), melde, (m) => {
        const formate = berichtsformate(() => vergleichDokument(m, d), () => vergleichJson(m, d), () => vergleichCsv(m, d), () => vergleichMappe(m, d), farbe);
        return gibBerichtAus(io, w, format, formate, 'vergleich-{jobcenter}-{monat}', { jobcenter: m.jobcenter, monat: isoMonat(m.berichtsmonat) }, m.eingaben);
      });
    case 'check':
      return gibErgebnisAus(await check(checkAnfrage(a), lies), melde, async (m) => {
        await gibAus(io, format === 'json' ? checkJson(m) : format === 'xlsx' ? await xlsxBytes(checkMappe(m)) : checkText(m, farbe), w.out, m.pruefungen);
        return [];
      });
  }
}
