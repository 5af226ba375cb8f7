// What an LZB report shows, independent of its format, and the wording shared by all formats.

import { isoMonat, isoTag } from '../core/kalender.js';
import type { Grund, LzbErgebnis } from '../core/lzb/klassifikation.js';
import { UEBERGANG_MONATE, type LzbRegel } from '../core/lzb/regel.js';
import type { Merkmal } from '../core/merkmale.js';
import type { EingabeInfo } from '../core/modell.js';
import { texte, type Darstellung } from './darstellung.js';

export interface LzbBericht {
  jobcenter: string | null;
  regel: LzbRegel;
  berichtsmonat: number;
  /** In the rule's units (day or month). */
  datenAb: number;
  datenstand: number;
  eingaben: EingabeInfo[];
  nach: Merkmal | null;
  ergebnis: LzbErgebnis;
}

/** A unit of the rule for machines: `2017-03-15` (day) or `2017-03` (month). */
export function einheitIso(regel: Pick<LzbRegel, 'einheit'>, wert: number): string {
  return regel.einheit === 'tag' ? isoTag(wert) : isoMonat(wert);
}

/** A unit of the rule for people. */
export function einheitText(regel: LzbRegel, wert: number, d: Darstellung): string {
  const tx = texte(d);
  return regel.einheit === 'tag' ? tx.tag(wert) : tx.monat(wert);
}

export function regelText(regel: LzbRegel, d: Darstellung): string {
  const { L, zahl } = texte(d);
  const { lzbMin, lzbFenster, stichtagTag } = regel.einstellungen;
  const monate = L(`${lzbMin} von ${lzbFenster} Monaten`, `${lzbMin} of ${lzbFenster} months`);
  return regel.einheit === 'tag'
    ? L(
        `mindestens ${zahl(regel.lzb.mindestens)} von ${zahl(regel.lzb.fenster)} Tagen ELB (${monate}), Stichtag am ${stichtagTag}. des Monats`,
        `at least ${zahl(regel.lzb.mindestens)} of ${zahl(regel.lzb.fenster)} days as ELB (${monate}), reference day ${stichtagTag} of the month`,
      )
    : L(`mindestens ${monate} ELB (Monatsform), Stichtag am ${stichtagTag}. des Monats`, `at least ${monate} as ELB (monthly form), reference day ${stichtagTag} of the month`);
}

const BETRIFFT: Record<Extract<Grund, { art: 'vor_datenbeginn' }>['betrifft'], [string, string]> = {
  elb: ['ELB-Bestand', 'ELB stock'],
  elb_bewegungen: ['ELB-Zu-/Abgänge', 'ELB inflows/outflows'],
  lzb: ['LZB, Übergang und Prognose', 'LZB, transition and forecast'],
  lzb_bewegungen: ['LZB-Zu-/Abgänge', 'LZB inflows/outflows'],
  lzb_4_jahre: ['LZB ≥ 4 Jahre', 'LZB ≥ 4 years'],
};

/** The transition segment in months (`15 bis unter 19`), from the constant the classification counts with. */
export function uebergangSpanne(d: Darstellung): string {
  const { ab, unter } = UEBERGANG_MONATE;
  return texte(d).L(`${ab} bis unter ${unter}`, `${ab} to under ${unter}`);
}

/** Why a value is `x`, in a sentence. */
export function grundText(regel: LzbRegel, g: Grund, d: Darstellung): string {
  const { L } = texte(d);
  const wann = (w: number) => einheitText(regel, w, d);
  if (g.art === 'nach_datenstand') {
    return L(
      `Stichtag ${wann(g.stichtag)} liegt nach dem Datenstand ${wann(g.datenstand)} (reichen die Daten weiter: --datenstand DATUM)`,
      `reference day ${wann(g.stichtag)} is after the data cut-off ${wann(g.datenstand)} (if the data reach further: --datenstand DATE)`,
    );
  }
  const vorBeginn = L(`vor dem Datenbeginn ${wann(g.datenAb)}`, `before the start of the data ${wann(g.datenAb)}`);
  const was = L(...BETRIFFT[g.betrifft]);
  if (g.betrifft === 'elb') return L(`${was}: Stichtag ${wann(g.fensterBeginn)} liegt ${vorBeginn}`, `${was}: reference day ${wann(g.fensterBeginn)} is ${vorBeginn}`);
  if (g.betrifft === 'elb_bewegungen') return L(`${was}: Stichtag des Vormonats ${wann(g.fensterBeginn)} liegt ${vorBeginn}`, `${was}: the previous month's reference day ${wann(g.fensterBeginn)} is ${vorBeginn}`);
  const fenster = g.betrifft === 'lzb_4_jahre' ? regel.vierJahre.fenster : regel.lzb.fenster;
  const einheit = regel.einheit === 'tag' ? L('Tage', 'day') : L('Monate', 'month');
  const vormonat = g.betrifft === 'lzb_bewegungen' ? L(' des Vormonats', ' of the previous month') : '';
  return L(`${was}: das ${fenster}-${einheit}-Fenster${vormonat} beginnt am ${wann(g.fensterBeginn)}, ${vorBeginn}`, `${was}: the ${fenster}-${einheit} window${vormonat} starts on ${wann(g.fensterBeginn)}, ${vorBeginn}`);
}
