// The LZB report as a document: one row per month, the forecast and the breakdown for the
// Berichtsmonat, every `x` explained, and (in HTML) the stocks and flows as charts. Also its CSV.

import type { LzbMonat, LzbZaehler } from '../core/lzb/klassifikation.js';
import type { Merkmal } from '../core/merkmale.js';
import { isoMonat, isoTag } from '../core/kalender.js';
import { csvDokument, textZelle } from './csv.js';
import { gesperrt, texte, type Darstellung } from './darstellung.js';
import { zelle, type Block, type Dokument, type Zelle } from './dokument.js';
import { eingabeBeschreibung, eingabeZeile } from './eingaben.js';
import { einheitIso, einheitText, grundText, regelText, type LzbBericht } from './lzb-bericht.js';
import { csvZahl } from './zahlen.js';

export const GRUPPEN_NAMEN: Record<Merkmal, Record<string, [string, string]>> = {
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

const MERKMAL_NAMEN: Record<Merkmal, [string, string]> = {
  geschlecht: ['Geschlecht', 'Sex'],
  altersgruppe: ['Altersgruppe am Stichtag', 'Age group on the reference day'],
  alleinerziehend: ['Alleinerziehende', 'Single parents'],
  fluchtkontext: ['Fluchtkontext', 'Refugee context'],
};

/** A count, or `*` below the disclosure threshold, or null where not computable. */
const anzahl = (d: Darstellung, n: number | null): number | '*' | null => (gesperrt(d, n) ? '*' : n);

/** The LZB share of ELB; suppressed when either count is. */
function anteil(d: Darstellung, w: LzbZaehler): number | '*' | null {
  if (w.lzb === null || !w.elb) return null;
  if (gesperrt(d, w.lzb) || gesperrt(d, w.elb)) return '*';
  return (w.lzb / w.elb) * 100;
}

export function lzbDokument(b: LzbBericht, d: Darstellung): Dokument {
  const tx = texte(d);
  const { L } = tx;
  const { regel, ergebnis } = b;
  const x = zelle('x', 'x');
  const zahl = (n: number | null): Zelle => {
    const a = anzahl(d, n);
    return a === null ? x : a === '*' ? zelle('*', 'gesperrt') : tx.zahl(a);
  };
  const zeile = (w: LzbZaehler): Zelle[] => {
    const a = anteil(d, w);
    return [
      zahl(w.elb), zahl(w.elb_zugaenge), zahl(w.elb_abgaenge), zahl(w.lzb),
      a === null ? x : a === '*' ? zelle('*', 'gesperrt') : tx.prozent(a),
      zahl(w.lzb_zugaenge), zahl(w.lzb_abgaenge), zahl(w.lzb_4_jahre), zahl(w.uebergang),
    ];
  };
  const spalten = [L('ELB', 'ELB'), L('Zugänge', 'Inflows'), L('Abgänge', 'Outflows'), 'LZB', L('Anteil', 'Share'), L('Zugänge', 'Inflows'), L('Abgänge', 'Outflows'), L('LZB ≥ 4 J.', 'LZB ≥ 4 y.'), L('Übergang', 'Transition')];
  const bloecke: Block[] = [];
  const jc = b.jobcenter ? `Jobcenter ${b.jobcenter}` : L('Jobcenter (nicht angegeben)', 'Jobcenter (not stated)');
  const titel = L(`Langzeitleistungsbeziehende (LZB) · ${jc} · Berichtsmonat ${tx.monat(b.berichtsmonat)}`, `Long-term beneficiaries (LZB) · ${jc} · reporting month ${tx.monat(b.berichtsmonat)}`);
  bloecke.push({ art: 'titel', text: titel, demo: false });
  bloecke.push({
    art: 'text',
    text: L(
      `Datenstand ${einheitText(regel, b.datenstand, d)} · Daten ab ${einheitText(regel, b.datenAb, d)} · LZB: ${regelText(regel, d)}`,
      `Data as of ${einheitText(regel, b.datenstand, d)} · data from ${einheitText(regel, b.datenAb, d)} · LZB: ${regelText(regel, d)}`,
    ),
  });
  if (d.stempel) bloecke.push({ art: 'text', text: L(`Erstellt ${d.stempel}`, `Created ${d.stempel}`), leise: true });
  bloecke.push({ art: 'tabelle', kopf: [L('Monat', 'Month'), ...spalten], zeilen: ergebnis.monate.map((m) => [tx.monat(m.monat), ...zeile(m.werte)]), links: 1 });
  bloecke.push({
    art: 'text',
    leise: true,
    text: L(
      'Zugänge/Abgänge: Vergleich mit dem Stichtag des Vormonats. Anteil: LZB je ELB. Übergang: ELB, nicht LZB, mit 15 bis unter 19 Monaten Bezug im Fenster.',
      'Inflows/outflows: compared with the previous month’s reference day. Share: LZB per ELB. Transition: ELB, not LZB, with 15 to under 19 months of receipt in the window.',
    ),
  });

  const letzter: LzbMonat = ergebnis.monate[ergebnis.monate.length - 1];
  const prognose = letzter.werte.prognose;
  bloecke.push({ art: 'abschnitt', text: L(`Prognose ab ${tx.monat(letzter.monat)}: ELB, die bei ununterbrochenem Bezug LZB würden (kumuliert)`, `Forecast from ${tx.monat(letzter.monat)}: ELB who would become LZB if their receipt continued (cumulative)`) });
  if (prognose) bloecke.push({ art: 'tabelle', kopf: prognose.map((_, k) => tx.monat(letzter.monat + k + 1)), zeilen: [prognose.map((n) => zahl(n))], links: 0 });
  else bloecke.push({ art: 'text', text: L('  x nicht berechenbar (siehe unten)', '  x not computable (see below)') });

  if (b.nach) {
    const namen = GRUPPEN_NAMEN[b.nach];
    const merkmal = L(...MERKMAL_NAMEN[b.nach]);
    bloecke.push({ art: 'abschnitt', text: L(`Nach ${merkmal}, ${tx.monat(letzter.monat)}`, `By ${merkmal.toLowerCase()}, ${tx.monat(letzter.monat)}`) });
    // Empty groups (e.g. "divers" in a small extract) add only noise; JSON and CSV keep them all.
    const gruppen = letzter.gruppen.filter(({ werte: w }) => [w.elb, w.elb_zugaenge, w.elb_abgaenge].some((n) => n !== 0));
    bloecke.push({ art: 'tabelle', kopf: [merkmal, ...spalten], zeilen: gruppen.map((g) => [namen[g.gruppe] ? L(...namen[g.gruppe]) : g.gruppe, ...zeile(g.werte)]), links: 1 });
  }

  // One line per kind of reason, with the months it applies to and the wording of the latest of them.
  const gruende = new Map<string, { monate: number[]; text: string }>();
  for (const m of ergebnis.monate) {
    for (const g of m.nichtBerechenbar) {
      const art = g.art === 'vor_datenbeginn' ? g.betrifft : g.art;
      const eintrag = gruende.get(art) ?? { monate: [], text: '' };
      eintrag.monate.push(m.monat);
      eintrag.text = grundText(regel, g, d);
      gruende.set(art, eintrag);
    }
  }
  const punkte = [...gruende.values()].map(({ monate, text }) => {
    const spanne = monate.length === 1 ? tx.monat(monate[0]) : `${tx.monat(monate[0])}–${tx.monat(monate[monate.length - 1])}`;
    return `${spanne}: ${text}${monate.length > 1 ? L(` (für ${tx.monat(monate[monate.length - 1])})`, ` (for ${tx.monat(monate[monate.length - 1])})`) : ''}`;
  });
  if (ergebnis.monate.some((m) => m.nichtBerechenbar.some((g) => g.art === 'vor_datenbeginn'))) {
    punkte.push(L('Reichen die Daten weiter zurück als ihre früheste Zeile, sagt --daten-ab DATUM das an.', 'If the data reach back further than their earliest row, say so with --daten-ab DATE.'));
  }
  if (d.unter !== null) punkte.push(L(`* = gesperrt: Zahl unter ${d.unter} (--suppress-below)`, `* = suppressed: count below ${d.unter} (--suppress-below)`));
  if (punkte.length) bloecke.push({ art: 'notizen', titel: L('x = nicht berechenbar:', 'x = not computable:'), punkte });

  const monate = ergebnis.monate.map((m) => tx.monat(m.monat));
  const reihe = (f: (w: LzbZaehler) => number | null) => ergebnis.monate.map((m) => {
    const a = anzahl(d, f(m.werte));
    return typeof a === 'number' ? a : null;
  });
  bloecke.push({
    art: 'grafiken',
    grafiken: [
      { titel: L('Bestand ELB und LZB', 'Stock of ELB and LZB'), monate, einheit: '', reihen: [{ name: 'ELB', werte: reihe((w) => w.elb), art: 'linie' }, { name: 'LZB', werte: reihe((w) => w.lzb), art: 'linie' }] },
      { titel: L('LZB-Zu- und -Abgänge', 'LZB inflows and outflows'), monate, einheit: '', reihen: [{ name: L('Zugänge', 'inflows'), werte: reihe((w) => w.lzb_zugaenge), art: 'linie' }, { name: L('Abgänge', 'outflows'), werte: reihe((w) => w.lzb_abgaenge), art: 'gestrichelt' }] },
      { titel: L('Übergang (15 bis unter 19 Monate)', 'Transition (15 to under 19 months)'), monate, einheit: '', reihen: [{ name: L('Übergang', 'transition'), werte: reihe((w) => w.uebergang), art: 'linie' }] },
    ],
  });
  bloecke.push({ art: 'fuss', zeilen: b.eingaben.map((e) => eingabeZeile(e, d)) });
  return { sprache: d.sprache, titel, bloecke };
}

/**
 * One row per Stichtag (and group) for Excel, after rows that say what the table is about and
 * before rows naming the inputs; the column `bereich` tells them apart, `gruppe` holds their key
 * and `hinweise` their value.
 */
export function lzbCsv(b: LzbBericht, d: Darstellung): string {
  const kopf = ['bereich', 'monat', 'stichtag', 'gruppe', 'elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb', 'lzb_anteil', 'lzb_zugaenge', 'lzb_abgaenge', 'lzb_4_jahre', 'uebergang', 'prognose_1', 'prognose_2', 'prognose_3', 'prognose_4', 'prognose_5', 'prognose_6', 'hinweise'];
  const wert = (n: number | '*' | null) => (n === null ? 'x' : n === '*' ? '*' : csvZahl(n));
  const zeilen: string[][] = [];
  const angabe = (bereich: string, schluessel: string, wert: string) => zeilen.push([bereich, '', '', schluessel, ...Array<string>(kopf.length - 5).fill(''), textZelle(wert)]);
  angabe('bericht', 'berichtsmonat', isoMonat(b.berichtsmonat));
  angabe('bericht', 'jobcenter', b.jobcenter ?? '');
  angabe('bericht', 'datenstand', einheitIso(b.regel, b.datenstand));
  angabe('bericht', 'daten_ab', einheitIso(b.regel, b.datenAb));
  angabe('bericht', 'regel', regelText(b.regel, d));
  if (d.stempel) angabe('bericht', 'erstellt', d.stempel);
  if (d.unter !== null) angabe('bericht', 'gesperrt_unter', String(d.unter));
  for (const m of b.ergebnis.monate) {
    const hinweise = m.nichtBerechenbar.map((g) => grundText(b.regel, g, d)).join('; ');
    for (const { gruppe, werte: w } of [{ gruppe: 'gesamt', werte: m.werte }, ...m.gruppen]) {
      const z = (n: number | null) => wert(anzahl(d, n));
      zeilen.push([
        'stichtag', isoMonat(m.monat), isoTag(m.stichtag), textZelle(gruppe),
        z(w.elb), z(w.elb_zugaenge), z(w.elb_abgaenge), z(w.lzb), wert(anteil(d, w)), z(w.lzb_zugaenge), z(w.lzb_abgaenge), z(w.lzb_4_jahre), z(w.uebergang),
        ...Array.from({ length: 6 }, (_, k) => z(w.prognose ? w.prognose[k] : null)),
        textZelle(hinweise),
      ]);
    }
  }
  for (const e of b.eingaben) angabe('eingabe', e.rolle, `${eingabeBeschreibung(e, d)} · SHA-256 ${e.sha256}`);
  return csvDokument(kopf, zeilen);
}
