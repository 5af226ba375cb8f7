// How a report names the groups of a breakdown: one table per breakdown (src/core/merkmale.ts). The
// § 48a report and Monatswerte take their sexes from it, so that Frauen read the same in every report.

import type { Merkmal } from '../core/merkmale.js';

type Namen = Record<string, [string, string]>;

/** Each breakdown's groups, under the keys src/core/merkmale.ts gives them. */
export const MERKMAL_GRUPPEN_NAMEN: Record<Merkmal, Namen> = {
  geschlecht: { m: ['Männer', 'men'], w: ['Frauen', 'women'], d: ['divers', 'diverse'], x: ['ohne Angabe', 'not stated'], unbekannt: ['unbekannt', 'unknown'] },
  altersgruppe: {
    unter_15: ['unter 15 Jahre', 'under 15'],
    '15_bis_unter_25': ['15 bis unter 25 Jahre', '15 to under 25'],
    '25_bis_unter_55': ['25 bis unter 55 Jahre', '25 to under 55'],
    '55_und_aelter': ['55 Jahre und älter', '55 and older'],
    unbekannt: ['unbekannt', 'unknown'],
  },
  alleinerziehend: { ja: ['alleinerziehend', 'single parent'], nein: ['nicht alleinerziehend', 'not a single parent'], unbekannt: ['unbekannt', 'unknown'] },
  fluchtkontext: { ja: ['im Fluchtkontext', 'refugee context'], nein: ['nicht im Fluchtkontext', 'no refugee context'], unbekannt: ['unbekannt', 'unknown'] },
};

/**
 * The groups of a § 48a report and of Monatswerte: the total and the sexes, these also under the
 * names a Monatswerte file's `gruppe` column may give them (`frauen`, `maenner`). Monatswerte name
 * no others: the groups of another breakdown keep their keys there.
 */
export const GESAMT_UND_GESCHLECHT_NAMEN: Namen = {
  gesamt: ['insgesamt', 'total'],
  ...MERKMAL_GRUPPEN_NAMEN.geschlecht,
  frauen: MERKMAL_GRUPPEN_NAMEN.geschlecht.w,
  maenner: MERKMAL_GRUPPEN_NAMEN.geschlecht.m,
};

/** A group in the reader's language (`L` of texte()); a group the table does not know keeps its key. */
export const gruppenName = (namen: Namen, gruppe: string, L: (de: string, en: string) => string): string => (namen[gruppe] ? L(...namen[gruppe]) : gruppe);
