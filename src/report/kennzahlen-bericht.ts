// What a § 48a report shows, independent of its format, and the wording shared by the formats.

import type { Filter } from '../core/filter.js';
import { deutscherMonat } from '../core/kalender.js';
import type { Einheit } from '../core/kennzahlen/definitionen.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import type { Grenze, ZielErgebnis } from '../core/ziele/ziele.js';
import type { EingabeInfo } from '../input/tabelle.js';
import { deProzent, deZahl } from './zahlen.js';

export interface KennzahlenBericht {
  demo: boolean;
  jobcenter: string | null;
  berichtsmonat: number;
  /** ISO date or month. */
  datenstand: string;
  eingaben: EingabeInfo[];
  kennzahlen: KennzahlWert[];
  /** With `--nach geschlecht`: the indicators per group. */
  gruppen: { gruppe: string; kennzahlen: KennzahlWert[] }[];
  ziele: { jahr: number; ergebnisse: ZielErgebnis[] } | null;
}

export const FILTER_NAMEN: Record<Filter, string> = {
  ohne_flucht: 'ohne Fluchtkontext',
  u25: 'unter 25',
  u25_ohne_flucht: 'unter 25, ohne Fluchtkontext',
  alleinerziehend: 'Alleinerziehende',
  frauen: 'Frauen',
  maenner: 'Männer',
};

export const GRUPPEN_NAMEN: Record<string, string> = { gesamt: 'insgesamt', w: 'Frauen', frauen: 'Frauen', m: 'Männer', maenner: 'Männer', d: 'divers', x: 'ohne Angabe', unbekannt: 'unbekannt' };

/** A value in its unit: `20,3 %`, `+2,1 %` for a change, `7.485` for a count. */
export function mitEinheit(wert: number, einheit: Einheit | 'anzahl', stellen = 1): string {
  if (einheit === 'anzahl') return deZahl(wert, Number.isInteger(wert) ? 0 : stellen);
  const text = deProzent(wert, stellen);
  return einheit === 'veraenderung_prozent' && !text.startsWith('-') && text !== deProzent(0, stellen) ? `+${text}` : text;
}

export function grenzeText(g: Grenze, einheit: Einheit | 'anzahl', anteilig: number | null): string {
  const zahl = (w: number) => (einheit === 'anzahl' ? deZahl(w) : deProzent(w));
  if (g.art === 'veraenderung') {
    const v = `${g.wert >= 0 ? '+' : ''}${deProzent(g.wert)}`;
    return einheit === 'veraenderung_prozent' ? `Veränderung ${v}` : `${v} ggü. Vorjahr`;
  }
  const wort = g.art === 'mindestens' ? 'mindestens' : 'höchstens';
  return `${wort} ${zahl(g.wert)}${anteilig !== null && anteilig < 12 ? ` im Jahr (anteilig ${anteilig}/12)` : ''}`;
}

export function monatsspanne(von: number, bis: number): string {
  return von === bis ? deutscherMonat(von) : `${deutscherMonat(von)}–${deutscherMonat(bis)}`;
}
