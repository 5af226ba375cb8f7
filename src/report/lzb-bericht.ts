// What an LZB report shows, independent of its format, and the wording shared by all formats.

import { deutscherMonat, deutscherTag, isoMonat, isoTag } from '../core/kalender.js';
import type { Grund, LzbErgebnis } from '../core/lzb/klassifikation.js';
import type { LzbRegel } from '../core/lzb/regel.js';
import type { Merkmal } from '../core/merkmale.js';
import type { EingabeInfo } from '../input/tabelle.js';

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
export function einheitIso(regel: LzbRegel, wert: number): string {
  return regel.einheit === 'tag' ? isoTag(wert) : isoMonat(wert);
}

/** A unit of the rule for people: `15.03.2017` (day) or `03/2017` (month). */
export function einheitDeutsch(regel: LzbRegel, wert: number): string {
  return regel.einheit === 'tag' ? deutscherTag(wert) : deutscherMonat(wert);
}

export function regelText(regel: LzbRegel): string {
  const { lzbMin, lzbFenster, stichtagTag } = regel.einstellungen;
  const monate = `${lzbMin} von ${lzbFenster} Monaten`;
  return regel.einheit === 'tag'
    ? `mindestens ${regel.lzb.mindestens} von ${regel.lzb.fenster} Tagen ELB (${monate}), Stichtag am ${stichtagTag}. des Monats`
    : `mindestens ${monate} ELB (Monatsform), Stichtag am ${stichtagTag}. des Monats`;
}

const BETRIFFT: Record<Extract<Grund, { art: 'vor_datenbeginn' }>['betrifft'], string> = {
  elb: 'ELB-Bestand',
  elb_bewegungen: 'ELB-Zu-/Abgänge',
  lzb: 'LZB, Übergang und Prognose',
  lzb_bewegungen: 'LZB-Zu-/Abgänge',
  lzb_4_jahre: 'LZB ≥ 4 Jahre',
};

/** Why a value is `x`, in a sentence. */
export function grundText(regel: LzbRegel, g: Grund): string {
  const wann = (w: number) => einheitDeutsch(regel, w);
  if (g.art === 'nach_datenstand') {
    return `Stichtag ${wann(g.stichtag)} liegt nach dem Datenstand ${wann(g.datenstand)} (reichen die Daten weiter: --datenstand DATUM)`;
  }
  const vorBeginn = `vor dem Datenbeginn ${wann(g.datenAb)}`;
  if (g.betrifft === 'elb') return `${BETRIFFT.elb}: Stichtag ${wann(g.fensterBeginn)} liegt ${vorBeginn}`;
  if (g.betrifft === 'elb_bewegungen') return `${BETRIFFT.elb_bewegungen}: Stichtag des Vormonats ${wann(g.fensterBeginn)} liegt ${vorBeginn}`;
  const fenster = g.betrifft === 'lzb_4_jahre' ? regel.vierJahre.fenster : regel.lzb.fenster;
  const einheit = regel.einheit === 'tag' ? 'Tage' : 'Monate';
  const vormonat = g.betrifft === 'lzb_bewegungen' ? ' des Vormonats' : '';
  return `${BETRIFFT[g.betrifft]}: das ${fenster}-${einheit}-Fenster${vormonat} beginnt am ${wann(g.fensterBeginn)}, ${vorBeginn}`;
}
