// `kennzahlen check`: validates every given input and lists all problems (up to --max-errors)
// with file, line and column. Exit 0 when all are valid, 65 when any has problems, 66 when a file
// is missing or unreadable.

import { Command } from 'commander';
import { Merkmale } from '../../core/merkmale.js';
import { PersonRegister, Zeitlinien } from '../../core/zeitlinien.js';
import { EXIT_CODE, KennzahlenFehler, nutzungsfehler, problemZeile, type Problem } from '../../fehler.js';
import { KODIERUNG_NAMEN } from '../../input/dekodierung.js';
import type { EingabeRolle, Konfiguration } from '../../input/konfiguration.js';
import { Ereignisse } from '../../core/ereignisse.js';
import { leseIntegrationen, leseMassnahmen } from '../../input/ereignisse.js';
import { leseLeistungen } from '../../input/leistungen.js';
import { leseMonatswerte } from '../../input/monatswerte.js';
import { leseZiele, pruefeZielSpalten } from '../../input/ziele.js';
import { MONATSWERTE_SPALTEN } from '../../core/monatswerte/monatswerte.js';
import { zielSpalten } from '../../core/ziele/ziele.js';
import { dezimal } from '../personendaten.js';
import { lesePersonen } from '../../input/personen.js';
import { oeffneQuelle } from '../../input/quelle.js';
import { oeffneTabelle, TRENNZEICHEN_NAMEN, type Leseergebnis, type Tabelle } from '../../input/tabelle.js';
import type { EingabeInfo } from '../../core/modell.js';
import { leseZeitraeume } from '../../input/zeitraeume.js';
import { deZahl } from '../../report/zahlen.js';
import { gibAus } from '../ausgabe.js';
import { leereZeilenText } from '../eingaben.js';
import { farben } from '../farbe.js';
import type { Io } from '../io.js';
import {
  ausgabeFormat, eingabeDatei, konfiguration, leseOptionen, maxFehler, mitAusgabeOptionen, mitEingabeOptionen, mitFarbe, threads,
  type GemeinsameOptionen,
} from '../optionen.js';

interface CheckOptionen extends GemeinsameOptionen {
  zeitraeume?: string;
  personen?: string;
  integrationen?: string;
  massnahmen?: string;
  leistungen?: string;
  monatswerte?: string;
  ziele?: string;
  decimal?: string;
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

/** `zusatz`: the Monatswerte columns the local goals of `--ziele` use. */
type Leser = (t: Tabelle, o: CheckOptionen, k: Konfiguration | null, zusatz: ReadonlySet<string>) => Promise<Leseergebnis & { beschreibung: string; spalten?: { gelesen: string[]; ungelesen: string[] } }>;

/** Each CSV role read as the commands read it, into throw-away structures. */
const LESER: Partial<Record<EingabeRolle, Leser>> = {
  zeitraeume: async (t, o) => {
    const e = await leseZeitraeume(t, new PersonRegister(), new Zeitlinien(), threads(o));
    return { ...e, beschreibung: e.form === 'tage' ? 'tagesgenaue Zeiträume' : 'Monatsform' };
  },
  personen: async (t) => ({ ...(await lesePersonen(t, new PersonRegister(), new Merkmale())), beschreibung: 'Personenmerkmale' }),
  integrationen: async (t) => ({ ...(await leseIntegrationen(t, new PersonRegister(), new Ereignisse())), beschreibung: 'Integrationen und Eintritte' }),
  massnahmen: async (t) => ({ ...(await leseMassnahmen(t, new PersonRegister(), new Zeitlinien())), beschreibung: 'Maßnahmeteilnahmen' }),
  leistungen: async (t, o, k) => ({ ...(await leseLeistungen(t, dezimal(o, k, t))), beschreibung: 'Leistungen je Monat' }),
  monatswerte: async (t, o, k, zusatz) => {
    const e = await leseMonatswerte(t, dezimal(o, k, t), zusatz);
    const ungelesen = e.ungelesen.length ? ` · nicht geprüft, da weder Kennzahl noch Ziel sie nutzt: ${e.ungelesen.join(', ')}` : '';
    return { ...e, beschreibung: `Monatswerte: ${e.monatswerte.spalten.join(', ') || 'keine Kennzahlspalten'}${ungelesen}`, spalten: { gelesen: e.monatswerte.spalten, ungelesen: e.ungelesen } };
  },
};
const ROLLEN: EingabeRolle[] = ['zeitraeume', 'personen', 'integrationen', 'massnahmen', 'leistungen', 'monatswerte', 'ziele'];

export function checkBefehl(io: Io, fertig: (code: number) => void): Command {
  const cmd = new Command('check')
    .summary('Eingabedateien prüfen und jedes Problem mit Datei, Zeile und Spalte nennen')
    .description('Prüft Eingabedateien vollständig und listet alle Probleme (bis --max-errors).\nExit-Code 0: alles gültig, 65: Probleme in den Daten, 66: Datei fehlt.')
    .option('--zeitraeume <datei>', 'Leistungszeiträume (CSV; "-" = stdin)')
    .option('--personen <datei>', 'Personenmerkmale (CSV)')
    .option('--integrationen <datei>', 'Integrationen und Eintritte (CSV)')
    .option('--massnahmen <datei>', 'Maßnahmeteilnahmen (CSV)')
    .option('--leistungen <datei>', 'Leistungen je Monat (CSV)')
    .option('--monatswerte <datei>', 'Monatswerte (CSV)')
    .option('--ziele <datei>', 'Zielwerte (JSON)')
    .option('--decimal <art>', 'Dezimalzeichen in Zahlen: comma oder point')
    .addHelpText('after', '\nBeispiele:\n  kennzahlen check --zeitraeume zeitraeume.csv --personen personen.csv\n  kennzahlen check --config fixtures/demo/kennzahlen.json --ziele fixtures/demo/ziele-2017.json\n');
  mitEingabeOptionen(cmd, false);
  mitAusgabeOptionen(cmd, ['table', 'json'], false);
  return cmd.action(async (o: CheckOptionen) => fertig(await check(o, io)));
}

async function check(o: CheckOptionen, io: Io): Promise<number> {
  const format = ausgabeFormat(o, io, ['table', 'json']);
  const farbe = farben(mitFarbe(o, io, format));
  const k = await konfiguration(o, io, ROLLEN);
  const auftraege = ROLLEN
    .map((rolle) => ({ rolle, datei: eingabeDatei(o[rolle], k, rolle) }))
    .filter((a): a is { rolle: EingabeRolle; datei: string } => a.datei !== undefined);
  if (!auftraege.length) throw nutzungsfehler('Keine Eingabe zu prüfen: --zeitraeume, --personen, … oder --config angeben.');

  // Monatswerte columns are checked as a report reads them: the standard ones and those the
  // targets' local goals use. The targets file is read once; a broken one is reported in its own
  // turn below.
  const zieleDatei = auftraege.find((a) => a.rolle === 'ziele')?.datei;
  const ziele = zieleDatei ? leseZiele(zieleDatei, io.stdin) : null;
  const zusatz = zielSpalten(ziele ? await ziele.then((z) => z.vorgabe, () => null) : null);

  let rest = maxFehler(o);
  const ergebnisse: Pruefung[] = [];
  /** The columns of the Monatswerte checked, for the columns the local goals name. */
  let mwSpalten: { gelesen: string[]; ungelesen: string[] } | null = null;
  for (const { rolle, datei } of auftraege) {
    const pruefung: Pruefung = { rolle, datei, info: null, beschreibung: '', probleme: [], abgebrochen: false, fehlt: null };
    ergebnisse.push(pruefung);
    if (rest === 0) {
      pruefung.abgebrochen = true;
      continue;
    }
    try {
      if (rolle === 'ziele') {
        const { vorgabe, info } = await ziele!;
        // Person-level data give the standard columns; other columns must be in the Monatswerte.
        const personen = auftraege.some((a) => a.rolle === 'zeitraeume');
        const mwGeprueft = auftraege.some((a) => a.rolle === 'monatswerte');
        const lokal = vorgabe.ziele.some((z) => z.art !== 'kennzahl');
        let beschreibung = `Ziele ${vorgabe.jahr}`;
        if (lokal && !mwGeprueft && !personen) beschreibung += ' · Spalten lokaler Ziele nicht geprüft (keine --monatswerte)';
        else if (lokal && (!mwGeprueft || mwSpalten)) {
          const vorhanden = new Set([...(mwSpalten?.gelesen ?? []), ...(personen ? MONATSWERTE_SPALTEN : [])]);
          pruefung.probleme = pruefeZielSpalten(vorgabe, datei, vorhanden, mwSpalten?.ungelesen ?? []);
        }
        Object.assign(pruefung, { info, beschreibung });
      } else {
        const tabelle = await oeffneTabelle(await oeffneQuelle(datei, io.stdin), rolle, leseOptionen(o, k, rolle, rest));
        const e = await LESER[rolle]!(tabelle, o, k, zusatz);
        if (e.spalten && !e.probleme.length) mwSpalten = e.spalten;
        const leer = e.leereZeilen ? ` · ${leereZeilenText(e.leereZeilen)}` : '';
        Object.assign(pruefung, { info: e.info, beschreibung: e.beschreibung + leer, probleme: e.probleme, abgebrochen: e.abgebrochen });
      }
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
    await gibAus(io, JSON.stringify(doc, null, 2) + '\n', o.out, auftraege);
    return code;
  }
  const zeilen: string[] = [];
  let gesamt = 0;
  for (const e of ergebnisse) {
    gesamt += e.probleme.length;
    const kopf = `${e.rolle.padEnd(14)}${e.datei}`;
    if (e.fehlt) zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.fehlt}`);
    else if (e.probleme.length || e.abgebrochen) {
      zeilen.push(`${farbe.red('✗')} ${kopf}: ${e.probleme.length ? `${deZahl(e.probleme.length)} ${e.probleme.length === 1 ? 'Problem' : 'Probleme'}` : 'nicht geprüft'}${e.abgebrochen ? ' (abgebrochen, --max-errors)' : ''}`);
      for (const p of e.probleme) zeilen.push(`  ${problemZeile(p)}`);
    } else {
      const i = e.info!;
      const format = i.trennzeichen === null ? `${deZahl(i.zeilen)} Einträge · JSON` : `${deZahl(i.zeilen)} ${i.zeilen === 1 ? 'Zeile' : 'Zeilen'} · ${KODIERUNG_NAMEN[i.kodierung]} · ${TRENNZEICHEN_NAMEN[i.trennzeichen]}`;
      zeilen.push(`${farbe.green('✓')} ${kopf}: ${format} · ${e.beschreibung}`);
    }
  }
  zeilen.push(
    code === EXIT_CODE.ok
      ? farbe.green(`${ergebnisse.length} ${ergebnisse.length === 1 ? 'Datei' : 'Dateien'} gültig.`)
      : farbe.red(`${ergebnisse.length} ${ergebnisse.length === 1 ? 'Datei' : 'Dateien'} geprüft: ${deZahl(gesamt)} ${gesamt === 1 ? 'Problem' : 'Probleme'}${ergebnisse.some((e) => e.fehlt) ? ', Datei fehlt' : ''}.`),
  );
  await gibAus(io, zeilen.join('\n') + '\n', o.out, auftraege);
  return code;
}
