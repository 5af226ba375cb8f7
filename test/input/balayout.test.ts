// The BA table layout on the rows' text (src/input/balayout.ts): what a header is, what a footnote
// is, and the footnote markers that header labels carry.

import { describe, expect, it } from 'vitest';
import { gehoertZuFussnoten, istFussnote, istKopf } from '../../src/input/balayout.js';
import { kopfSpalten } from '../../src/input/rollen.js';
import { normiereName, ohneFussnotenzeichen } from '../../src/input/spalten.js';

describe('footnote markers in header labels', () => {
  it('are stripped before matching; a number in brackets the label opened stays', () => {
    expect(normiereName('Bestand ELB 1)')).toBe('bestand elb');
    expect(normiereName('Integrationen²')).toBe('integrationen');
    expect(normiereName('K2 *')).toBe('k2');
    expect(normiereName('Integrationsquote 2 )')).toBe('integrationsquote');
    expect(ohneFussnotenzeichen('Zeitraum (Monat 1)')).toBe('Zeitraum (Monat 1)');
    expect(ohneFussnotenzeichen('monat')).toBe('monat');
  });
});

describe('the header below title lines', () => {
  const mw = kopfSpalten('monatswerte');
  it('names the role\'s columns: canonical, mapped, a known synonym, or a marked label', () => {
    expect(istKopf(['Monat', 'Gruppe', 'Bestand ELB 1)', 'Integrationen²'], mw, [])).toBe(true);
    expect(istKopf(['Berichtsmonat', 'Bestand ELB'], mw, [])).toBe(true);
    expect(istKopf(['Kunden-Nr', 'Leistung von', 'Leistung bis'], kopfSpalten('zeitraeume'), [{ von: 'Kunden-Nr', nach: 'person_id' }])).toBe(true);
    // A role of one column: a header of that one name.
    expect(istKopf(['person_id', ''], kopfSpalten('personen'), [])).toBe(true);
  });
  it('is not a title line, a blank line or a data row', () => {
    expect(istKopf(['Statistik der Bundesagentur für Arbeit', '', '', ''], mw, [])).toBe(false);
    expect(istKopf(['Zeitraum: Januar 2023', '', ''], mw, [])).toBe(false);
    expect(istKopf(['', '', ''], mw, [])).toBe(false);
    expect(istKopf(['2023-06', 'Insgesamt', '3.900.000'], mw, [])).toBe(false);
    expect(istKopf(['K0000001', '2016-12-01', '', 'ELB'], kopfSpalten('zeitraeume'), [])).toBe(false);
  });
});

describe('footnote and source lines', () => {
  it('start with ©, Quelle, Hinweis, Erstellungsdatum, Stand:, Fußnote, 1) … 9) or „* text“', () => {
    for (const z of ['© Statistik der Bundesagentur für Arbeit', 'Quelle: Statistik der BA', 'Hinweise: …', 'Erstellungsdatum: 15.07.2024', 'Stand: Juli 2024', 'Fußnoten', '1) Erwerbsfähige Leistungsberechtigte', '2 ) Quote', '* Aus Datenschutzgründen …']) {
      expect(istFussnote([z, '', '']), z).toBe(true);
      expect(istFussnote(['', z]), `${z} in der zweiten Spalte`).toBe(true);
    }
  });
  it('are not data rows, nor a lone * (a suppressed value)', () => {
    for (const z of [['2023-06', 'Insgesamt', '*'], ['*', '1'], ['10)', ''], ['K0000001', '2016-12-01'], ['Standort', 'x']]) expect(istFussnote(z), z.join(';')).toBe(false);
  });
  it('keep empty rows and one-cell notes in their block; a row of several cells is data', () => {
    expect(gehoertZuFussnoten(['', '', ''])).toBe(true);
    expect(gehoertZuFussnoten(['Die Werte sind vorläufig.', '', ''])).toBe(true);
    expect(gehoertZuFussnoten(['2024-07', 'Insgesamt', '3.900.000'])).toBe(false);
  });
});
