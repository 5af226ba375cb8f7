// The LZB report as a document: one row per month, the forecast and the breakdown for the
// Berichtsmonat, every `x` explained, and (in HTML) the stocks and flows as charts. Also its CSV.

import type { LzbMonat, LzbZaehler } from '../core/lzb/klassifikation.js';
import type { Merkmal } from '../core/merkmale.js';
import { isoMonat, isoTag } from '../core/kalender.js';
import { csvDokument, textZelle } from './csv.js';
import { jobcenterText, sperrHinweis, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import { zelle, type Block, type Dokument, type Zelle } from './dokument.js';
import { eingabeBeschreibung, eingabenFuss } from './eingaben.js';
import { lzbSperre, lzbWert, prognoseGroesse, PROGNOSE_GROESSEN, type LzbGroesse } from './geheimhaltung.js';
import { gruppenName, MERKMAL_GRUPPEN_NAMEN } from './gruppen.js';
import { einheitIso, einheitText, grundText, regelText, uebergangSpanne, type LzbBericht } from './lzb-bericht.js';
import { csvZahl } from './zahlen.js';

const MERKMAL_NAMEN: Record<Merkmal, [string, string]> = {
  geschlecht: ['Geschlecht', 'Sex'],
  altersgruppe: ['Altersgruppe am Stichtag', 'Age group on the reference day'],
  alleinerziehend: ['Alleinerziehende', 'Single parents'],
  fluchtkontext: ['Fluchtkontext', 'Refugee context'],
};

/** The columns of a row of counts, in the order of the tables and the CSV; the share sits between LZB and its flows. */
const VOR_ANTEIL: LzbGroesse[] = ['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb'];
const NACH_ANTEIL: LzbGroesse[] = ['lzb_zugaenge', 'lzb_abgaenge', 'lzb_4_jahre', 'uebergang'];

export function lzbDokument(b: LzbBericht, d: Darstellung): Dokument {
  const tx = texte(d);
  const { L } = tx;
  const { regel, ergebnis } = b;
  const s = lzbSperre(b, d);
  const x = zelle('x', 'x');
  const zahl = (a: number | '*' | null): Zelle => (a === null ? x : a === '*' ? zelle('*', 'gesperrt') : tx.zahl(a));
  const groesse = (monat: number, gruppe: string, w: LzbZaehler, g: LzbGroesse) => zahl(s.zahl(monat, gruppe, g, lzbWert(w, g)));
  const zeile = (monat: number, gruppe: string, w: LzbZaehler): Zelle[] => {
    const a = s.anteil(monat, gruppe, w);
    return [
      ...VOR_ANTEIL.map((g) => groesse(monat, gruppe, w, g)),
      a === null ? x : a === '*' ? zelle('*', 'gesperrt') : tx.prozent(a),
      ...NACH_ANTEIL.map((g) => groesse(monat, gruppe, w, g)),
    ];
  };
  const uebergang = uebergangSpanne(d);
  const spalten = [L('ELB', 'ELB'), L('Zugänge', 'Inflows'), L('Abgänge', 'Outflows'), 'LZB', L('Anteil', 'Share'), L('Zugänge', 'Inflows'), L('Abgänge', 'Outflows'), L('LZB ≥ 4 J.', 'LZB ≥ 4 y.'), L('Übergang', 'Transition')];
  const bloecke: Block[] = [];
  const jc = jobcenterText(b.jobcenter, d);
  const titel = L(`Langzeitleistungsbeziehende (LZB) · ${jc} · Berichtsmonat ${tx.monat(b.berichtsmonat)}`, `Long-term beneficiaries (LZB) · ${jc} · reporting month ${tx.monat(b.berichtsmonat)}`);
  bloecke.push({ art: 'titel', text: titel, demo: false });
  bloecke.push({
    art: 'text',
    text: L(
      `Datenstand ${einheitText(regel, b.datenstand, d)} · Daten ab ${einheitText(regel, b.datenAb, d)} · LZB: ${regelText(regel, d)}`,
      `Data as of ${einheitText(regel, b.datenstand, d)} · data from ${einheitText(regel, b.datenAb, d)} · LZB: ${regelText(regel, d)}`,
    ),
  });
  bloecke.push(...stempelBloecke(d));
  bloecke.push({ art: 'tabelle', kopf: [L('Monat', 'Month'), ...spalten], zeilen: ergebnis.monate.map((m) => [tx.monat(m.monat), ...zeile(m.monat, 'gesamt', m.werte)]), links: 1 });
  bloecke.push({
    art: 'text',
    leise: true,
    text: L(
      `Zugänge/Abgänge: Vergleich mit dem Stichtag des Vormonats. Anteil: LZB je ELB. Übergang: ELB, nicht LZB, mit ${uebergang} Monaten Bezug im Fenster.`,
      `Inflows/outflows: compared with the previous month’s reference day. Share: LZB per ELB. Transition: ELB, not LZB, with ${uebergang} months of receipt in the window.`,
    ),
  });

  const letzter: LzbMonat = ergebnis.monate[ergebnis.monate.length - 1];
  const prognose = letzter.werte.prognose;
  bloecke.push({ art: 'abschnitt', text: L(`Prognose ab ${tx.monat(letzter.monat)}: ELB, die bei ununterbrochenem Bezug LZB würden (kumuliert)`, `Forecast from ${tx.monat(letzter.monat)}: ELB who would become LZB if their receipt continued (cumulative)`) });
  if (prognose) bloecke.push({ art: 'tabelle', kopf: prognose.map((_, k) => tx.monat(letzter.monat + k + 1)), zeilen: [prognose.map((_, k) => groesse(letzter.monat, 'gesamt', letzter.werte, prognoseGroesse(k)))], links: 0 });
  else bloecke.push({ art: 'text', text: L('  x nicht berechenbar (siehe unten)', '  x not computable (see below)') });

  if (b.nach) {
    const namen = MERKMAL_GRUPPEN_NAMEN[b.nach];
    const merkmal = L(...MERKMAL_NAMEN[b.nach]);
    bloecke.push({ art: 'abschnitt', text: L(`Nach ${merkmal}, ${tx.monat(letzter.monat)}`, `By ${merkmal.toLowerCase()}, ${tx.monat(letzter.monat)}`) });
    // Empty groups (e.g. "divers" in a small extract) add only noise; JSON and CSV keep them all.
    const gruppen = letzter.gruppen.filter(({ werte: w }) => [w.elb, w.elb_zugaenge, w.elb_abgaenge].some((n) => n !== 0));
    bloecke.push({ art: 'tabelle', kopf: [merkmal, ...spalten], zeilen: gruppen.map((g) => [gruppenName(namen, g.gruppe, L), ...zeile(letzter.monat, g.gruppe, g.werte)]), links: 1 });
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
  if (d.unter !== null) punkte.push(sperrHinweis(d.unter, d));
  if (punkte.length) bloecke.push({ art: 'notizen', titel: L('x = nicht berechenbar:', 'x = not computable:'), punkte });

  const monate = ergebnis.monate.map((m) => tx.monat(m.monat));
  // A chart shows what the table shows: a suppressed count is a gap, not a point.
  const reihe = (g: LzbGroesse) => ergebnis.monate.map((m) => {
    const a = s.zahl(m.monat, 'gesamt', g, lzbWert(m.werte, g));
    return typeof a === 'number' ? a : null;
  });
  bloecke.push({
    art: 'grafiken',
    grafiken: [
      { titel: L('Bestand ELB und LZB', 'Stock of ELB and LZB'), monate, einheit: '', stellen: 0, reihen: [{ name: 'ELB', werte: reihe('elb'), art: 'linie' }, { name: 'LZB', werte: reihe('lzb'), art: 'linie' }] },
      { titel: L('LZB-Zu- und -Abgänge', 'LZB inflows and outflows'), monate, einheit: '', stellen: 0, reihen: [{ name: L('Zugänge', 'inflows'), werte: reihe('lzb_zugaenge'), art: 'linie' }, { name: L('Abgänge', 'outflows'), werte: reihe('lzb_abgaenge'), art: 'gestrichelt' }] },
      { titel: L(`Übergang (${uebergang} Monate)`, `Transition (${uebergang} months)`), monate, einheit: '', stellen: 0, reihen: [{ name: L('Übergang', 'transition'), werte: reihe('uebergang'), art: 'linie' }] },
    ],
  });
  bloecke.push(eingabenFuss(b.eingaben, d));
  return { sprache: d.sprache, titel, bloecke };
}

/**
 * One row per Stichtag (and group) for Excel, after rows that say what the table is about and
 * before rows naming the inputs; the column `bereich` tells them apart, `gruppe` holds their key
 * and `hinweise` their value.
 */
export function lzbCsv(b: LzbBericht, d: Darstellung): string {
  const kopf = ['bereich', 'monat', 'stichtag', 'gruppe', ...VOR_ANTEIL, 'lzb_anteil', ...NACH_ANTEIL, ...PROGNOSE_GROESSEN, 'hinweise'];
  const wert = (n: number | '*' | null) => (n === null ? 'x' : n === '*' ? '*' : csvZahl(n));
  const s = lzbSperre(b, d);
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
      const z = (g: LzbGroesse) => wert(s.zahl(m.monat, gruppe, g, lzbWert(w, g)));
      zeilen.push([
        'stichtag', isoMonat(m.monat), isoTag(m.stichtag), textZelle(gruppe),
        ...VOR_ANTEIL.map(z), wert(s.anteil(m.monat, gruppe, w)), ...NACH_ANTEIL.map(z),
        ...PROGNOSE_GROESSEN.map((g) => (w.prognose ? z(g) : 'x')),
        textZelle(hinweise),
      ]);
    }
  }
  for (const e of b.eingaben) angabe('eingabe', e.rolle, `${eingabeBeschreibung(e, d)} · SHA-256 ${e.sha256}`);
  return csvDokument(kopf, zeilen);
}
