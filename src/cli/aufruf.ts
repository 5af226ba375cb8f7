// From a command line to a use case's request: flags win over the config, the config over the
// default (docs/vertrag.md §2); every value is parsed by its entry in the option table, and every
// usage error that the call alone shows is raised here, before any input is read.

import { isoMonat } from '../core/kalender.js';
import type { CheckAnfrage } from '../app/check.js';
import type { LeseAnfrage } from '../app/lesen.js';
import type { AggregateAnfrage } from '../app/aggregate.js';
import type { LzbAnfrage } from '../app/lzb.js';
import { ZUSATZ_ROLLEN, type MonatsAuswahl, type PersonenAnfrage, type PersonenRolle } from '../app/personendaten.js';
import type { ReportAnfrage } from '../app/report.js';
import type { VergleichAnfrage } from '../app/vergleich.js';
import { nutzungsfehler } from '../fehler.js';
import { leseKonfiguration, type Konfiguration } from '../input/konfiguration.js';
import type { EingabeRolle } from '../core/modell.js';
import { STDIN } from '../input/quelle.js';
import { EINSTELLUNGEN, optionenVon, type Befehl, type OptionDef, type OptionName, type Werte } from './optionen.js';
import type { Io } from './io.js';

export interface Aufruf {
  befehl: Befehl;
  werte: Werte;
  /** The files of the call by role, from flags or the config. */
  dateien: Partial<Record<EingabeRolle, string>>;
  konfiguration: Konfiguration | null;
}

/** The inputs of a call: options that name a file of a role. */
const rollenOptionen = (befehl: Befehl) => optionenVon(befehl).filter(([, d]) => d.rolle) as [OptionName, OptionDef & { rolle: EingabeRolle }][];

/**
 * Settles every value of a call. `flags`: what commander parsed (text or switches); `befehl`: whose
 * options apply; `vorab`: checks of the call that need no config (the output's format and file).
 * Standard input can be read only once, so at most one input may be `-`: checked with the flags
 * before anything is read, the config itself included, and again with its inputs. The flags' own
 * values are checked before the config is read too: a wrong call is a usage error (2), even when
 * the config it names is missing (66).
 */
export async function leseAufruf(befehl: Befehl, flags: Record<string, unknown>, io: Io, vorab: (w: Werte) => void = () => undefined): Promise<Aufruf> {
  hoechstensEinmalStdin(befehl, flags, null);
  vorab(werteVon(befehl, flags, null));
  const k = typeof flags.config === 'string' ? await leseKonfiguration(flags.config, io.stdin, EINSTELLUNGEN) : null;
  if (k) hoechstensEinmalStdin(befehl, flags, k);
  const werte = werteVon(befehl, flags, k);
  return { befehl, werte, dateien: dateienVon(befehl, werte), konfiguration: k };
}

/** Each option's value: the flag, else the config's, else the default, parsed by its entry. */
function werteVon(befehl: Befehl, flags: Record<string, unknown>, k: Konfiguration | null): Werte {
  const werte: Record<string, unknown> = {};
  for (const [name, d] of optionenVon(befehl)) {
    let roh = flags[name];
    let wie: string = d.flag;
    if (roh === undefined && k) {
      roh = d.rolle ? k.eingaben[d.rolle] : d.konfig === 'jobcenter' ? k.jobcenter : d.konfig ? k.einstellungen[d.konfig] : undefined;
      if (roh !== undefined) roh = String(roh);
      wie = d.rolle ? `„eingaben.${d.rolle}“ in ${k.datei}` : `„einstellungen.${d.konfig}“ in ${k.datei}`;
    }
    if (roh === undefined) roh = d.standard;
    if (roh === undefined) continue;
    werte[name] = d.wert && typeof roh === 'string' ? d.wert(roh, wie) : roh;
  }
  return werte as Werte;
}

function hoechstensEinmalStdin(befehl: Befehl, flags: Record<string, unknown>, k: Konfiguration | null): void {
  const namen: string[] = [];
  if (flags.config === STDIN) namen.push('--config');
  for (const [name, d] of rollenOptionen(befehl)) {
    const flag = flags[name];
    if ((flag ?? k?.eingaben[d.rolle]) !== STDIN) continue;
    namen.push(flag === undefined ? `„eingaben.${d.rolle}“ der Konfiguration` : d.flag);
  }
  if (namen.length < 2) return;
  const aufzaehlung = `${namen.slice(0, -1).join(', ')} und ${namen[namen.length - 1]}`;
  throw nutzungsfehler(
    `Nur eine Eingabe kann von der Standardeingabe kommen, aber ${aufzaehlung} nennen ${namen.length === 2 ? 'beide' : 'alle'} „-“.`,
    'Die übrigen als Dateien angeben: die Standardeingabe lässt sich nur einmal lesen.',
  );
}

function dateienVon(befehl: Befehl, werte: Werte): Partial<Record<EingabeRolle, string>> {
  const d: Partial<Record<EingabeRolle, string>> = {};
  for (const [name, def] of rollenOptionen(befehl)) {
    const datei = werte[name];
    if (typeof datei === 'string') d[def.rolle] = datei;
  }
  return d;
}

export function leseAnfrage(a: Aufruf): LeseAnfrage {
  const w = a.werte;
  return {
    trennzeichen: w.delimiter,
    kodierung: w.encoding,
    dezimal: w.decimal,
    kopfzeile: w.kopfzeile,
    spalten: a.konfiguration?.spalten ?? {},
    werte: a.konfiguration?.werte ?? {},
    blatt: w.blatt,
    form: w.layout,
    blaetter: a.konfiguration?.blaetter ?? {},
    konfiguration: a.konfiguration?.datei,
    maxProbleme: w.maxErrors!,
    threads: w.threads!,
  };
}

/** The person-level inputs and the LZB rule's settings; null without `zeitraeume`. */
function personenAnfrage(a: Aufruf): PersonenAnfrage | null {
  const alle = a.dateien;
  const d: Partial<Record<PersonenRolle, string>> = {};
  for (const r of ['zeitraeume', ...ZUSATZ_ROLLEN] as const) if (alle[r] !== undefined) d[r] = alle[r];
  if (!d.zeitraeume) {
    for (const r of ZUSATZ_ROLLEN) if (d[r]) throw nutzungsfehler(`--${r} braucht auch --zeitraeume: ohne Leistungszeiträume kein Bestand.`);
    return null;
  }
  const w = a.werte;
  const einstellungen = { stichtagTag: w.stichtagTag!, lzbMin: w.lzbMin!, lzbFenster: w.lzbWindow! };
  if (einstellungen.lzbMin > einstellungen.lzbFenster) throw nutzungsfehler(`--lzb-min ${einstellungen.lzbMin} ist größer als --lzb-window ${einstellungen.lzbFenster}.`);
  return { dateien: d, einstellungen, datenAb: w.datenAb, datenstand: w.datenstand, lesen: leseAnfrage(a) };
}

function mitZeitraeumen(a: Aufruf): PersonenAnfrage {
  const p = personenAnfrage(a);
  if (!p) throw nutzungsfehler('Es fehlt die Eingabe --zeitraeume (oder "eingaben.zeitraeume" in --config).', `kennzahlen ${a.befehl} --help zeigt die Optionen.`);
  return p;
}

/** `--monat` or `--von`/`--bis`. */
function monatsAuswahl(w: Werte): MonatsAuswahl {
  if (w.monat !== undefined && (w.von !== undefined || w.bis !== undefined)) throw nutzungsfehler('--monat oder --von/--bis, nicht beides.');
  const von = w.monat ?? w.von;
  const bis = w.monat ?? w.bis;
  if (von !== undefined && bis !== undefined && von > bis) throw nutzungsfehler(`--von ${isoMonat(von)} liegt nach --bis ${isoMonat(bis)}.`);
  return { von, bis };
}

/** Breakdowns and filters read person attributes: without them the report would claim a breakdown it lacks. */
function brauchtPersonen(a: Aufruf, option: string | null): void {
  if (option && !a.dateien.personen) throw nutzungsfehler(`${option} braucht Personenmerkmale: --personen DATEI.`);
}

const jobcenter = (w: Werte) => w.jobcenter ?? null;

export function lzbAnfrage(a: Aufruf): LzbAnfrage {
  const w = a.werte;
  brauchtPersonen(a, w.nach ? `--nach ${w.nach}` : null);
  const monate = monatsAuswahl(w);
  return { personen: mitZeitraeumen(a), monate, nach: w.nach ?? null, liste: w.list !== undefined, jobcenter: jobcenter(w) };
}

export function aggregateAnfrage(a: Aufruf): AggregateAnfrage {
  const w = a.werte;
  brauchtPersonen(a, w.nach ? '--nach' : w.filter ? '--filter' : null);
  const monate = monatsAuswahl(w);
  return { personen: mitZeitraeumen(a), monate, nach: w.nach ?? null, filter: w.filter ?? null, jobcenter: jobcenter(w), regionalschluessel: w.regionalschluessel ?? null };
}

/** The structure the nearest neighbours are sought in, unless --merkmale says otherwise: ELB stock and LZB share. */
const STANDARD_MERKMALE = ['elb', 'lzb/elb'];

/** Who the peers are (`vergleich`, and `report`'s section): a Vergleichstypen file, a list, or the nearest neighbours. */
function vergleichsgruppe(a: Aufruf) {
  const w = a.werte;
  if (w.nachbarn !== undefined && w.peers) throw nutzungsfehler('--nachbarn oder --peers, nicht beides: beide bestimmen die Vergleichsgruppe.');
  if (w.merkmale && w.nachbarn === undefined) throw nutzungsfehler('--merkmale gilt für --nachbarn K: ohne sie gibt es keine Nachbarn zu suchen.');
  return {
    vergleichstypen: a.dateien.vergleichstypen, peers: w.peers ?? null, nachbarn: w.nachbarn === undefined ? null : { k: w.nachbarn, merkmale: w.merkmale ?? STANDARD_MERKMALE },
    gliederungPruefen: w.suppressBelow !== undefined,
  };
}

export function vergleichAnfrage(a: Aufruf): VergleichAnfrage {
  const w = a.werte;
  const d = a.dateien;
  if (!d.monatswerte) throw nutzungsfehler('vergleich braucht Monatswerte mehrerer Jobcenter: --monatswerte DATEI.', 'kennzahlen vergleich --help zeigt die Optionen.');
  if (!w.jobcenter) throw nutzungsfehler('vergleich braucht das eigene Jobcenter: --jobcenter SCHLÜSSEL, wie er in der Regionsspalte der Monatswerte steht.');
  return { monatswerte: d.monatswerte, ...vergleichsgruppe(a), jobcenter: w.jobcenter, monat: w.monat, k1e3Nenner: w.k1e3Nenner!, lesen: leseAnfrage(a) };
}

export function reportAnfrage(a: Aufruf, mitGrafiken: boolean, demo: boolean): ReportAnfrage {
  const w = a.werte;
  const d = a.dateien;
  const personen = personenAnfrage(a);
  if (!personen && !d.monatswerte) throw nutzungsfehler('report braucht Monatswerte (--monatswerte) oder Personendaten (--zeitraeume …).', 'kennzahlen report --help zeigt die Optionen.');
  // From Monatswerte the sexes are rows of the table, from person-level data attributes.
  if (personen) brauchtPersonen(a, w.nach ? `--nach ${w.nach}` : null);
  if (w.failOnMiss && !d.ziele) throw nutzungsfehler('--fail-on-miss braucht Ziele: --ziele DATEI (oder "eingaben.ziele" in --config).');
  // A comparison section when peers are named: the same peers as `vergleich`, from Monatswerte of many.
  const gruppe = vergleichsgruppe(a);
  const mitVergleich = gruppe.vergleichstypen !== undefined || gruppe.peers !== null || gruppe.nachbarn !== null;
  if (mitVergleich && (!d.monatswerte || !w.jobcenter)) throw nutzungsfehler('Ein Vergleich im Bericht braucht Monatswerte mehrerer Jobcenter (--monatswerte) und das eigene (--jobcenter SCHLÜSSEL).');
  return {
    vergleich: mitVergleich ? gruppe : null,
    demo,
    personen,
    monatswerte: d.monatswerte,
    ziele: d.ziele,
    monat: w.monat,
    nach: w.nach === 'geschlecht' ? 'geschlecht' : null,
    failOnMiss: Boolean(w.failOnMiss),
    k1e3Nenner: w.k1e3Nenner!,
    datenstand: w.datenstand,
    jobcenter: jobcenter(w),
    mitGrafiken,
    lesen: leseAnfrage(a),
  };
}

export function checkAnfrage(a: Aufruf): CheckAnfrage {
  const d = a.dateien;
  if (!Object.keys(d).length) throw nutzungsfehler('Keine Eingabe zu prüfen: --zeitraeume, --personen, … oder --config angeben.');
  return { dateien: d, lesen: leseAnfrage(a) };
}
