// The commands: what each is for, in German and English, with examples. Their options come from
// the option table (src/cli/optionen.ts).

import type { Befehl, Text } from './optionen.js';

export interface BefehlDef {
  zusammenfassung: Text;
  beschreibung: Text;
  beispiele: readonly string[];
}

export const BEFEHL_TEXTE: Record<Befehl, BefehlDef> = {
  lzb: {
    zusammenfassung: {
      de: 'Langzeitleistungsbeziehende je Stichtag: Bestände, Zu- und Abgänge, Übergang, Prognose',
      en: 'long-term recipients per reference day: stocks, inflows and outflows, transition, forecast',
    },
    beschreibung: {
      de: 'Klassifiziert Langzeitleistungsbeziehende (LZB: ELB in mindestens 21 der letzten 24 Monate; bei tagesgenauen Zeiträumen mindestens 638 von 730 Tagen bis einschließlich Stichtag) für jeden Monat.',
      en: 'Classifies long-term recipients (LZB: ELB in at least 21 of the last 24 months; with day-exact periods at least 638 of 730 days up to and including the reference day) for every month.',
    },
    beispiele: [
      'kennzahlen lzb --zeitraeume zeitraeume.csv --monat 2017-06',
      'kennzahlen lzb --config fixtures/demo/kennzahlen.json --von 2017-01 --bis 2017-12 --nach geschlecht',
      "kennzahlen lzb --zeitraeume zr.csv --von 2016-01 --bis 2017-12 --json | jq '.stichtage[] | {monat, lzb}'",
    ],
  },
  aggregate: {
    zusammenfassung: {
      de: 'personenbezogene Extrakte zu Monatswerten verdichten (CSV für Excel oder JSON)',
      en: 'condense person-level extracts into monthly values (CSV for Excel, or JSON)',
    },
    beschreibung: {
      de: 'Verdichtet Leistungszeiträume, Personen, Integrationen, Maßnahmen und Leistungen zu Monatswerten: eine Zeile je Monat (und Gruppe) mit den Spalten, aus denen `report` die Kennzahlen rechnet. Integrationen zählen im Monat t, wenn ihr Beginn zwischen den Stichtagen S(t−1) und S(t) liegt und die Person am Stichtag S(t−1) ELB war.',
      en: 'Condenses benefit periods, persons, integrations, measures and benefits into monthly values: one row per month (and group) with the columns `report` computes the indicators from. Integrations count in month t when they begin between the reference days S(t−1) and S(t) and the person was ELB on S(t−1).',
    },
    beispiele: ['kennzahlen aggregate --config fixtures/demo/kennzahlen.json --von 2016-01 --bis 2017-12 --format csv --out monatswerte.csv'],
  },
  report: {
    zusammenfassung: {
      de: 'Kennzahlen K1–K3E4, Jahresfortschrittswerte und Ziele für einen Berichtsmonat',
      en: 'indicators K1–K3E4, year-to-date values and targets for a reporting month',
    },
    beschreibung: {
      de: 'Berechnet alle Kennzahlen nach § 48a SGB II für den Berichtsmonat, denselben Monat im Vorjahr und die Jahresfortschrittswerte, und vergleicht sie mit den Zielwerten (--ziele). Quelle sind fertige Monatswerte (--monatswerte) oder personenbezogene Extrakte (--zeitraeume, --personen, --integrationen, --massnahmen, --leistungen).',
      en: 'Computes every indicator of § 48a SGB II for the reporting month, the same month a year before and the year-to-date values, and compares them with the targets (--ziele). The source is ready-made monthly values (--monatswerte) or person-level extracts (--zeitraeume, --personen, --integrationen, --massnahmen, --leistungen).',
    },
    beispiele: [
      'kennzahlen report --monatswerte monatswerte.csv --monat 2017-06',
      'kennzahlen report --config fixtures/demo/kennzahlen.json --monat 2017-06 --ziele fixtures/demo/ziele-2017.json --fail-on-miss',
    ],
  },
  check: {
    zusammenfassung: {
      de: 'Eingabedateien prüfen und jedes Problem mit Datei, Zeile und Spalte nennen',
      en: 'check input files and name every problem with file, line and column',
    },
    beschreibung: {
      de: 'Prüft Eingabedateien vollständig und listet alle Probleme (bis --max-errors).\nExit-Code 0: alles gültig, 65: Probleme in den Daten, 66: Datei fehlt.',
      en: 'Checks input files completely and lists every problem (up to --max-errors).\nExit code 0: all valid, 65: problems in the data, 66: a file is missing.',
    },
    beispiele: [
      'kennzahlen check --zeitraeume zeitraeume.csv --personen personen.csv',
      'kennzahlen check --config fixtures/demo/kennzahlen.json --ziele fixtures/demo/ziele-2017.json',
    ],
  },
  demo: {
    zusammenfassung: {
      de: 'den Bericht für 06/2017 auf den mitgelieferten Beispieldaten zeigen (synthetisch)',
      en: 'show the report for 06/2017 on the bundled sample data (synthetic)',
    },
    beschreibung: {
      de: 'Führt `report` für den Berichtsmonat 06/2017 auf dem synthetischen Beispiel-Jobcenter in fixtures/demo/ aus, mit den Zielen 2017 des Arbeitsmarktprogramms Elbe-Elster.',
      en: 'Runs `report` for the reporting month 06/2017 on the synthetic sample Jobcenter in fixtures/demo/, with the 2017 targets of the Elbe-Elster labour-market programme.',
    },
    beispiele: [],
  },
  vergleich: {
    zusammenfassung: {
      de: 'das eigene Jobcenter unter den anderen seines Vergleichstyps: Rang, Quartil, Median, Aggregate',
      en: 'the own Jobcenter among the others of its comparison type: rank, quartile, median, aggregates',
    },
    beschreibung: {
      de: 'Vergleicht jede Kennzahl des Jobcenters (--jobcenter SCHLÜSSEL) mit den anderen aus Monatswerten vieler Jobcenter in einer Tabelle: Rang in der guten Richtung, Quartil, Median, Abstand zum Median und das Aggregat der Vergleichsgruppe, des Landes und aller Zeilen (Bund) aus summierten Zählern und Nennern. Die Vergleichsgruppe ist der Vergleichstyp (--vergleichstypen), eine Liste (--peers) oder die ganze Tabelle.',
      en: 'Compares every indicator of the Jobcenter (--jobcenter KEY) with the others, from monthly values of many Jobcenters in one table: rank in the good direction, quartile, median, distance to the median and the aggregate of the peer group, the Land and all rows (national) from summed numerators and denominators. The peer group is the comparison type (--vergleichstypen), a list (--peers) or the whole table.',
    },
    beispiele: ['kennzahlen vergleich --monatswerte fixtures/vergleich/monatswerte.csv --vergleichstypen fixtures/vergleich/vergleichstypen.csv --jobcenter 12062 --monat 2017-06'],
  },
};
