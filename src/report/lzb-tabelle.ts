// `kennzahlen lzb --format table`: German labels and number format, one row per month, the
// forecast and the breakdown for the Berichtsmonat, and every `x` explained below the table.

import type { ChalkInstance } from 'chalk';
import { deutscherMonat } from '../core/kalender.js';
import type { LzbMonat, LzbZaehler } from '../core/lzb/klassifikation.js';
import type { Merkmal } from '../core/merkmale.js';
import { eingabeZeile } from './eingaben.js';
import { tabelle } from './tabelle.js';
import { einheitDeutsch, grundText, regelText, type LzbBericht } from './lzb-bericht.js';
import { deProzent, deZahl } from './zahlen.js';

export const GRUPPEN_NAMEN: Record<Merkmal, Record<string, string>> = {
  geschlecht: { m: 'Männer', w: 'Frauen', d: 'divers', x: 'ohne Angabe', unbekannt: 'unbekannt' },
  altersgruppe: {
    unter_15: 'unter 15 Jahre',
    '15_bis_unter_25': '15 bis unter 25 Jahre',
    '25_bis_unter_55': '25 bis unter 55 Jahre',
    '55_und_aelter': '55 Jahre und älter',
    unbekannt: 'unbekannt',
  },
  alleinerziehend: { ja: 'alleinerziehend', nein: 'nicht alleinerziehend', unbekannt: 'unbekannt' },
  fluchtkontext: { ja: 'im Fluchtkontext', nein: 'nicht im Fluchtkontext', unbekannt: 'unbekannt' },
};

const MERKMAL_NAMEN: Record<Merkmal, string> = {
  geschlecht: 'Geschlecht',
  altersgruppe: 'Altersgruppe am Stichtag',
  alleinerziehend: 'Alleinerziehende',
  fluchtkontext: 'Fluchtkontext',
};

const SPALTEN = ['ELB', 'Zugänge', 'Abgänge', 'LZB', 'Anteil', 'Zugänge', 'Abgänge', 'LZB ≥ 4 J.', 'Übergang'];

export function lzbTabelle(b: LzbBericht, farbe: ChalkInstance): string {
  const x = farbe.dim('x');
  const zahl = (n: number | null) => (n === null ? x : deZahl(n));
  const zeile = (w: LzbZaehler) => [
    zahl(w.elb),
    zahl(w.elb_zugaenge),
    zahl(w.elb_abgaenge),
    zahl(w.lzb),
    w.lzb !== null && w.elb ? deProzent((w.lzb / w.elb) * 100) : x,
    zahl(w.lzb_zugaenge),
    zahl(w.lzb_abgaenge),
    zahl(w.lzb_4_jahre),
    zahl(w.uebergang),
  ];
  const { regel, ergebnis } = b;
  const aus: string[] = [];
  const jc = b.jobcenter ? `Jobcenter ${b.jobcenter}` : 'Jobcenter (nicht angegeben)';
  aus.push(farbe.bold(`Langzeitleistungsbeziehende (LZB) · ${jc} · Berichtsmonat ${deutscherMonat(b.berichtsmonat)}`));
  aus.push(`Datenstand ${einheitDeutsch(regel, b.datenstand)} · Daten ab ${einheitDeutsch(regel, b.datenAb)} · LZB: ${regelText(regel)}`);
  aus.push('');

  aus.push(tabelle(['Monat', ...SPALTEN], ergebnis.monate.map((m) => [deutscherMonat(m.monat), ...zeile(m.werte)]), farbe));
  aus.push(farbe.dim('Zugänge/Abgänge: Vergleich mit dem Stichtag des Vormonats. Anteil: LZB je ELB. Übergang: ELB, nicht LZB, mit 15 bis unter 19 Monaten Bezug im Fenster.'));

  const letzter: LzbMonat = ergebnis.monate[ergebnis.monate.length - 1];
  const prognose = letzter.werte.prognose;
  aus.push('');
  aus.push(farbe.bold(`Prognose ab ${deutscherMonat(letzter.monat)}: ELB, die bei ununterbrochenem Bezug LZB würden (kumuliert)`));
  if (prognose) {
    aus.push(tabelle(prognose.map((_, k) => deutscherMonat(letzter.monat + k + 1)), [prognose.map((n) => deZahl(n))], farbe, 0));
  } else aus.push(`  ${x} nicht berechenbar (siehe unten)`);

  if (b.nach) {
    const namen = GRUPPEN_NAMEN[b.nach];
    aus.push('');
    aus.push(farbe.bold(`Nach ${MERKMAL_NAMEN[b.nach]}, ${deutscherMonat(letzter.monat)}`));
    // Empty groups (e.g. "divers" in a small extract) add only noise; the JSON keeps them all.
    const gruppen = letzter.gruppen.filter(({ werte: w }) => [w.elb, w.elb_zugaenge, w.elb_abgaenge].some((n) => n !== 0));
    aus.push(tabelle([MERKMAL_NAMEN[b.nach], ...SPALTEN], gruppen.map((g) => [namen[g.gruppe] ?? g.gruppe, ...zeile(g.werte)]), farbe));
  }

  // One line per kind of reason, with the months it applies to and the wording of the latest of them.
  const gruende = new Map<string, { monate: number[]; text: string }>();
  for (const m of ergebnis.monate) {
    for (const g of m.nichtBerechenbar) {
      const art = g.art === 'vor_datenbeginn' ? g.betrifft : g.art;
      const eintrag = gruende.get(art) ?? { monate: [], text: '' };
      eintrag.monate.push(m.monat);
      eintrag.text = grundText(regel, g);
      gruende.set(art, eintrag);
    }
  }
  if (gruende.size) {
    aus.push('');
    aus.push(`${x} = nicht berechenbar:`);
    for (const { monate, text } of gruende.values()) {
      const spanne = monate.length === 1 ? deutscherMonat(monate[0]) : `${deutscherMonat(monate[0])}–${deutscherMonat(monate[monate.length - 1])}`;
      aus.push(`  ${spanne}: ${text}${monate.length > 1 ? ` (für ${deutscherMonat(monate[monate.length - 1])})` : ''}`);
    }
    if (ergebnis.monate.some((m) => m.nichtBerechenbar.some((g) => g.art === 'vor_datenbeginn'))) {
      aus.push(farbe.dim('  Reichen die Daten weiter zurück als ihre früheste Zeile, sagt --daten-ab DATUM das an.'));
    }
  }

  aus.push('');
  for (const e of b.eingaben) {
    aus.push(farbe.dim(eingabeZeile(e)));
  }
  return aus.join('\n') + '\n';
}
