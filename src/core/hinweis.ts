// Why a value is not there, as data: the report renders it in the reader's language.

/** Why a Monatswerte cell is missing. */
export type FehltGrund = 'vor_datenbeginn' | 'nach_datenstand' | 'nicht_nach_personen' | 'keine_zeile' | 'leere_zelle' | 'ausserhalb_integrationen' | 'ausserhalb_massnahmen' | 'kontinuierlich_offen';

export type Hinweis =
  | { art: 'spalte_fehlt'; spalte: string }
  | { art: 'monate_fehlen'; spalte: string; monate: number[]; gruende: FehltGrund[] }
  | { art: 'gesperrt'; spalte: string; monate: number[] }
  | { art: 'nenner_null' }
  | { art: 'vorjahr_fehlt' }
  | { art: 'keine_hochrechnung'; grund: Hinweis[] }
  | { art: 'unbekannte_kennzahl'; kennzahl: string }
  | { art: 'filter_ohne_personen'; filter: string }
  | { art: 'keine_gesamtwerte' };
