// `kennzahlen check`: validates every given input and lists all problems (up to --max-errors)
// with file, line and column. Exit 0 when all are valid, 65 when any has problems, 66 when a file
// is missing or unreadable.

import { Command } from 'commander';
import { Merkmale } from '../../core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../../core/zeitlinien.js';
import { EXIT_CODE, KennzahlenFehler, nutzungsfehler, problemZeile, type Problem } from '../../fehler.js';
import { KODIERUNG_NAMEN } from '../../input/dekodierung.js';
import type { EingabeRolle } from '../../input/konfiguration.js';
import { lesePersonen } from '../../input/personen.js';
import { oeffneQuelle } from '../../input/quelle.js';
import { oeffneTabelle, TRENNZEICHEN_NAMEN, type EingabeInfo, type Leseergebnis, type Tabelle } from '../../input/tabelle.js';
import { leseZeitraeume } from '../../input/zeitraeume.js';
import { deZahl } from '../../report/zahlen.js';
import { gibAus } from '../ausgabe.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import {
  ausgabeFormat, eingabeDatei, konfiguration, leseOptionen, maxFehler, mitAusgabeOptionen, mitEingabeOptionen, mitFarbe,
  type GemeinsameOptionen,
} from '../optionen.js';

interface CheckOptionen extends GemeinsameOptionen {
  zeitraeume?: string;
  personen?: string;
}

interface Pruefung {
  rolle: EingabeRolle;
  datei: string;
  info: EingabeInfo | null;
  beschreibung: string;
  probleme: Problem[];
  abgebrochen: boolean;
  /** The file could not be opened (exit 66). */
  fehlt: string | null;
}

type Leser = (t: Tabelle) => Promise<Leseergebnis & { beschreibung: string }>;

const LESER: Partial<Record<EingabeRolle, () => Leser>> = {
  zeitraeume: () => async (t) => {
    const e = await leseZeitraeume(t, new PersonRegister(), new Zeitlinien());
    return { ...e, beschreibung: e.form === 'tage' ? 'tagesgenaue Zeiträume' : 'Monatsform' };
  },
  personen: () => async (t) => ({ ...(await lesePersonen(t, new PersonRegister(), new Merkmale())), beschreibung: 'Personenmerkmale' }),
};

export function checkBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('check')
    .summary('Eingabedateien prüfen und jedes Problem mit Datei, Zeile und Spalte nennen')
    .description('Prüft Eingabedateien vollständig und listet alle Probleme (bis --max-errors).\nExit-Code 0: alles gültig, 65: Probleme in den Daten, 66: Datei fehlt.')
    .option('--zeitraeume <datei>', 'Leistungszeiträume (CSV; "-" = stdin)')
    .option('--personen <datei>', 'Personenmerkmale (CSV)')
    .addHelpText('after', '\nBeispiel:\n  kennzahlen check --zeitraeume zeitraeume.csv --personen personen.csv\n');
  mitEingabeOptionen(cmd);
  mitAusgabeOptionen(cmd);
  return cmd.action(async (o: CheckOptionen) => fertig(await check(o, io)));
}

async function check(o: CheckOptionen, io: Io): Promise<number> {
  const format = ausgabeFormat(o, io);
  const farbe = farben(mitFarbe(o, io, format));
  const k = await konfiguration(o);
  const flags: Partial<Record<EingabeRolle, string>> = { zeitraeume: o.zeitraeume, personen: o.personen };
  const auftraege = (Object.keys(LESER) as EingabeRolle[])
    .map((rolle) => ({ rolle, datei: eingabeDatei(flags[rolle], k, rolle) }))
    .filter((a): a is { rolle: EingabeRolle; datei: string } => a.datei !== undefined);
  if (!auftraege.length) throw nutzungsfehler('Keine Eingabe zu prüfen: --zeitraeume und/oder --personen (oder --config) angeben.');

  let rest = maxFehler(o);
  const ergebnisse: Pruefung[] = [];
  for (const { rolle, datei } of auftraege) {
    const pruefung: Pruefung = { rolle, datei, info: null, beschreibung: '', probleme: [], abgebrochen: false, fehlt: null };
    ergebnisse.push(pruefung);
    if (rest === 0) {
      pruefung.abgebrochen = true;
      continue;
    }
    try {
      const tabelle = await oeffneTabelle(await oeffneQuelle(datei, io.stdin), rolle, leseOptionen(o, k, rolle, rest));
      const e = await LESER[rolle]!()(tabelle);
      Object.assign(pruefung, { info: e.info, beschreibung: e.beschreibung, probleme: e.probleme, abgebrochen: e.abgebrochen });
    } catch (e) {
      if (!(e instanceof KennzahlenFehler) || (e.art !== 'datei_fehlt' && e.art !== 'eingabedaten')) throw e;
      if (e.art === 'datei_fehlt') pruefung.fehlt = e.message;
      else pruefung.probleme = [...e.probleme];
    }
    rest -= Math.min(rest, pruefung.probleme.length);
  }

  const code = ergebnisse.some((e) => e.fehlt) ? EXIT_CODE.datei_fehlt : ergebnisse.some((e) => e.probleme.length) ? EXIT_CODE.eingabedaten : EXIT_CODE.ok;
  if (format === 'json') {
    const doc = {
      schema: 'kennzahlen-check/1',
      gueltig: code === EXIT_CODE.ok,
      eingaben: ergebnisse.map((e) => ({
        rolle: e.rolle,
        datei: e.datei,
        zeilen: e.info?.zeilen ?? null,
        sha256: e.info?.sha256 ?? null,
        kodierung: e.info?.kodierung ?? null,
        trennzeichen: e.info?.trennzeichen ?? null,
        gueltig: !e.fehlt && !e.probleme.length && !e.abgebrochen,
        fehlt: e.fehlt,
        probleme: e.probleme,
        abgebrochen: e.abgebrochen,
      })),
    };
    await gibAus(io, JSON.stringify(doc, null, 2) + '\n', o.out);
    return code;
  }
  const zeilen: string[] = [];
  let gesamt = 0;
  for (const e of ergebnisse) {
    gesamt += e.probleme.length;
    const kopf = `${e.rolle.padEnd(11)}${e.datei}`;
    if (e.fehlt) zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.fehlt}`);
    else if (e.probleme.length || e.abgebrochen) {
      zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.probleme.length ? `${deZahl(e.probleme.length)} ${e.probleme.length === 1 ? 'Problem' : 'Probleme'}` : 'nicht geprüft'}${e.abgebrochen ? ' (abgebrochen, --max-errors)' : ''}`);
      for (const p of e.probleme) zeilen.push(`  ${problemZeile(p)}`);
    } else {
      const i = e.info!;
      zeilen.push(`${farbe.green('✓')} ${kopf}: ${deZahl(i.zeilen)} Zeilen · ${KODIERUNG_NAMEN[i.kodierung]} · ${TRENNZEICHEN_NAMEN[i.trennzeichen!]} · ${e.beschreibung}`);
    }
  }
  zeilen.push(
    code === EXIT_CODE.ok
      ? farbe.green(`${ergebnisse.length} ${ergebnisse.length === 1 ? 'Datei' : 'Dateien'} gültig.`)
      : farbe.red(`${ergebnisse.length} ${ergebnisse.length === 1 ? 'Datei' : 'Dateien'} geprüft: ${deZahl(gesamt)} ${gesamt === 1 ? 'Problem' : 'Probleme'}${ergebnisse.some((e) => e.fehlt) ? ', Datei fehlt' : ''}.`),
  );
  await gibAus(io, zeilen.join('\n') + '\n', o.out);
  return code;
}
