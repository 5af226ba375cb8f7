// How a report presents itself: language and number format (`--lang`), disclosure control
// (`--suppress-below`) and the optional creation stamp (`--stamp`). Passed to every renderer.

import { deutscherMonat, deutscherTag, isoMonat, isoTag } from '../core/kalender.js';
import type { FehltGrund, Hinweis } from '../core/hinweis.js';
import type { Block } from './dokument.js';
import { deZahl, enZahl } from './zahlen.js';

export const SPRACHEN = ['de', 'en'] as const;
export type Sprache = (typeof SPRACHEN)[number];

export interface Darstellung {
  sprache: Sprache;
  /** Counts 1 … unter−1 are shown as `*`, and so is everything computed from them; null: no suppression. */
  unter: number | null;
  /** Creation time, only with `--stamp` (outputs are otherwise byte-identical for the same inputs). */
  stempel: string | null;
}

export const STANDARD_DARSTELLUNG: Darstellung = { sprache: 'de', unter: null, stempel: null };

export function texte(d: Darstellung) {
  const en = d.sprache === 'en';
  return {
    en,
    /** The label in the report's language. */
    L: (de: string, englisch: string) => (en ? englisch : de),
    zahl: (w: number, stellen = 0) => (en ? enZahl(w, stellen) : deZahl(w, stellen)),
    prozent: (w: number, stellen = 1) => `${en ? enZahl(w, stellen) : deZahl(w, stellen)} %`,
    monat: (m: number) => (en ? isoMonat(m) : deutscherMonat(m)),
    tag: (t: number) => (en ? isoTag(t) : deutscherTag(t)),
    /** An ISO date or month from a report model, in the reader's form. */
    datum: (iso: string) => {
      if (en) return iso;
      const [j, m, t] = iso.split('-');
      return t ? `${t}.${m}.${j}` : `${m}/${j}`;
    },
  };
}

/** The Jobcenter as every report's title names it, also when none was given. */
export function jobcenterText(jobcenter: string | null, d: Darstellung): string {
  return jobcenter ? `Jobcenter ${jobcenter}` : texte(d).L('Jobcenter (nicht angegeben)', 'Jobcenter (not stated)');
}

/** With `--stamp`, the creation time as a quiet line under a document's title; nothing without. */
export function stempelBloecke(d: Darstellung): Block[] {
  return d.stempel ? [{ art: 'text', text: texte(d).L(`Erstellt ${d.stempel}`, `Created ${d.stempel}`), leise: true }] : [];
}

/** `--stamp` and `--suppress-below` as every JSON schema states them, each only when given. */
export function darstellungJson(d: Darstellung): { erstellt?: string; gesperrt_unter?: number } {
  return { ...(d.stempel ? { erstellt: d.stempel } : {}), ...(d.unter !== null ? { gesperrt_unter: d.unter } : {}) };
}

/**
 * What `*` means in a table of counts (LZB, Monatswerte). The § 48a report words its own: its values
 * are computed from counts, not counts themselves.
 */
export function sperrHinweis(unter: number, d: Darstellung): string {
  return texte(d).L(
    `* = gesperrt: Zahl unter ${unter}, oder mitgesperrt, damit sich keine solche aus Summen und Differenzen errechnen lässt (--suppress-below)`,
    `* = suppressed: count below ${unter}, or suppressed as well so that none can be worked out from sums and differences (--suppress-below)`,
  );
}

/** Is this count small enough to be suppressed? Zero is not: BA tables show it as `-`. */
export function gesperrt(d: Darstellung, n: number | null): boolean {
  return d.unter !== null && n !== null && n > 0 && n < d.unter;
}

/** Sorted months with runs compressed: `2016-01…2016-03, 2016-07`. */
export function monatsliste(monate: readonly number[]): string {
  const m = [...new Set(monate)].sort((a, b) => a - b);
  const teile: string[] = [];
  for (let i = 0; i < m.length; i++) {
    let j = i;
    while (j + 1 < m.length && m[j + 1] === m[j] + 1) j++;
    teile.push(j > i ? `${isoMonat(m[i])}…${isoMonat(m[j])}` : isoMonat(m[i]));
    i = j;
  }
  return teile.join(', ');
}

const FEHLT: Record<FehltGrund, [string, string]> = {
  vor_datenbeginn: ['Fenster vor dem Datenbeginn', 'window before the start of the data'],
  nach_datenstand: ['nach dem Datenstand', 'after the data cut-off'],
  nicht_nach_personen: ['Leistungen sind nicht nach Personen gegliedert', 'benefits are not broken down by person'],
  keine_zeile: ['keine Zeile in leistungen', 'no row in leistungen'],
  leere_zelle: ['leere oder x-Zelle in leistungen', 'empty or x cell in leistungen'],
  ausserhalb_integrationen: ['außerhalb der Zeit, die integrationen abdeckt', 'outside the period integrationen covers'],
  ausserhalb_massnahmen: ['außerhalb der Zeit, die massnahmen abdeckt', 'outside the period massnahmen covers'],
  kontinuierlich_offen: ['„kontinuierlich“ noch offen (leere Zelle) bei einer Integration', '"kontinuierlich" still open (empty cell) for an integration'],
};

/** Why a value is not there, in a sentence of the report's language; null when there is nothing to say. */
export function hinweisText(h: readonly Hinweis[] | null, d: Darstellung): string | null {
  if (!h || !h.length) return null;
  const { L } = texte(d);
  const eins = (x: Hinweis): string => {
    switch (x.art) {
      case 'spalte_fehlt': return L(`Spalte ${x.spalte} fehlt`, `column ${x.spalte} is missing`);
      case 'monate_fehlen': {
        const gruende = x.gruende.length ? ` (${x.gruende.map((g) => L(...FEHLT[g])).join('; ')})` : '';
        return L(`${x.spalte} fehlt für ${monatsliste(x.monate)}`, `${x.spalte} missing for ${monatsliste(x.monate)}`) + gruende;
      }
      case 'gesperrt': return L(`${x.spalte} gesperrt (*) für ${monatsliste(x.monate)}`, `${x.spalte} suppressed (*) for ${monatsliste(x.monate)}`);
      case 'nenner_null': return L('Nenner ist 0', 'denominator is 0');
      case 'vorjahr_fehlt': return L('Vorjahreswert fehlt', 'previous year missing');
      case 'keine_hochrechnung': return L(`keine Hochrechnung: ${hinweisText(x.grund, d)}`, `no projection: ${hinweisText(x.grund, d)}`);
      case 'unbekannte_kennzahl': return L(`unbekannte Kennzahl ${x.kennzahl}`, `unknown indicator ${x.kennzahl}`);
      case 'filter_ohne_personen':
        return L(`Filter ${x.filter} braucht Personendaten mit Merkmalen (--zeitraeume und --personen)`, `filter ${x.filter} needs person-level data with attributes (--zeitraeume and --personen)`);
      case 'keine_gesamtwerte': return L('keine Monatswerte für „gesamt“', 'no Monatswerte for "gesamt"');
    }
  };
  return h.map(eins).join('; ');
}
