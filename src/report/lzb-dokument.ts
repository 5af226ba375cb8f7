// The LZB report as a document: one row per month, the forecast and the breakdown for the
// Berichtsmonat, every `x` explained, and (in HTML) the stocks and flows as charts. Also its CSV
// and its workbook.

import type { LzbMonat, LzbZaehler } from '../core/lzb/klassifikation.js';
import type { Merkmal } from '../core/merkmale.js';
import { isoMonat, isoTag } from '../core/kalender.js';
import { anzahl, feldVon, hinweisBlatt, jobcenterAngabe, monatsFeld, prozent, titelblock, type Arbeitsmappe, type Blatt, type Feld } from './arbeitsmappe.js';
import { csvDokument, textZelle } from './csv.js';
import { jobcenterText, sperrHinweis, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import { zelle, type Block, type Dokument, type Zelle } from './dokument.js';
import { eingabeBeschreibung, eingabenBlatt, eingabenFuss } from './eingaben.js';
import { lzbSperre, lzbWert, prognoseGroesse, PROGNOSE_GROESSEN, type LzbGroesse, type LzbSperre } from './geheimhaltung.js';
import { gruppenName, MERKMAL_GRUPPEN_NAMEN } from './gruppen.js';
import { einheitIso, einheitText, grundText, regelText, uebergangSpanne, type LzbBericht } from './lzb-bericht.js';
import { csvWert } from './zahlen.js';

const MERKMAL_NAMEN: Record<Merkmal, [string, string]> = {
  geschlecht: ['Geschlecht', 'Sex'],
  altersgruppe: ['Altersgruppe am Stichtag', 'Age group on the reference day'],
  alleinerziehend: ['Alleinerziehende', 'Single parents'],
  fluchtkontext: ['Fluchtkontext', 'Refugee context'],
};

/** The columns of a row of counts, in the order of the tables and the CSV; the share sits between LZB and its flows. */
const VOR_ANTEIL: LzbGroesse[] = ['elb', 'elb_zugaenge', 'elb_abgaenge', 'lzb'];
const NACH_ANTEIL: LzbGroesse[] = ['lzb_zugaenge', 'lzb_abgaenge', 'lzb_4_jahre', 'uebergang'];

/** The values of a row in the CSV and the workbook: counts, the share, counts, the forecast. */
const WERTSPALTEN = [...VOR_ANTEIL, 'lzb_anteil', ...NACH_ANTEIL, ...PROGNOSE_GROESSEN] as const;

/** A row's values in the order of WERTSPALTEN, as printed: `*` where suppressed, null where not computable. */
function zeilenWerte(s: LzbSperre, monat: number, gruppe: string, w: LzbZaehler): (number | '*' | null)[] {
  return WERTSPALTEN.map((g) => (g === 'lzb_anteil' ? s.anteil(monat, gruppe, w) : s.zahl(monat, gruppe, g, lzbWert(w, g))));
}

/** What the columns mean, under the table of a document and among a workbook's notes. */
function spaltenErklaerung(d: Darstellung): string {
  const uebergang = uebergangSpanne(d);
  return texte(d).L(
    `Zugänge/Abgänge: Vergleich mit dem Stichtag des Vormonats. Anteil: LZB je ELB. Übergang: ELB, nicht LZB, mit ${uebergang} Monaten Bezug im Fenster.`,
    `Inflows/outflows: compared with the previous month’s reference day. Share: LZB per ELB. Transition: ELB, not LZB, with ${uebergang} months of receipt in the window.`,
  );
}

/** The title of an LZB report in every format. */
function lzbTitel(b: LzbBericht, d: Darstellung): string {
  const tx = texte(d);
  const jc = jobcenterText(b.jobcenter, d);
  return tx.L(`Langzeitleistungsbeziehende (LZB) · ${jc} · Berichtsmonat ${tx.monat(b.berichtsmonat)}`, `Long-term beneficiaries (LZB) · ${jc} · reporting month ${tx.monat(b.berichtsmonat)}`);
}

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
  const titel = lzbTitel(b, d);
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
  bloecke.push({ art: 'text', leise: true, text: spaltenErklaerung(d) });

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
  const kopf = ['bereich', 'monat', 'stichtag', 'gruppe', ...WERTSPALTEN, 'hinweise'];
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
      zeilen.push(['stichtag', isoMonat(m.monat), isoTag(m.stichtag), textZelle(gruppe), ...zeilenWerte(s, m.monat, gruppe, w).map((n) => csvWert(n)), textZelle(hinweise)]);
    }
  }
  for (const e of b.eingaben) angabe('eingabe', e.rolle, `${eingabeBeschreibung(e, d)} · SHA-256 ${e.sha256}`);
  return csvDokument(kopf, zeilen);
}

/**
 * The LZB report as a workbook: the Stichtage of the total under the title block, the groups, the
 * reasons for each `x`, the inputs. Values as JSON and CSV print them, suppressed alike.
 */
export function lzbMappe(b: LzbBericht, d: Darstellung): Arbeitsmappe {
  const tx = texte(d);
  const { L } = tx;
  const { regel, ergebnis } = b;
  const s = lzbSperre(b, d);
  const titel = lzbTitel(b, d);
  const werte = (monat: number, gruppe: string, w: LzbZaehler): Feld[] =>
    zeilenWerte(s, monat, gruppe, w).map((n, i) => feldVon(n, WERTSPALTEN[i] === 'lzb_anteil' ? prozent : anzahl));
  const werteKopf = [
    'ELB', L('ELB-Zugänge', 'ELB inflows'), L('ELB-Abgänge', 'ELB outflows'), 'LZB', L('Anteil LZB', 'LZB share'), L('LZB-Zugänge', 'LZB inflows'), L('LZB-Abgänge', 'LZB outflows'),
    L('LZB ≥ 4 Jahre', 'LZB ≥ 4 years'), L('Übergang', 'Transition'), ...PROGNOSE_GROESSEN.map((_, k) => `${L('Prognose', 'Forecast')} +${k + 1}`),
  ];
  const monatKopf = [L('Monat', 'Month'), L('Stichtag', 'Reference day')];
  const blaetter: Blatt[] = [{
    name: 'LZB',
    kopfblock: titelblock(titel, [
      jobcenterAngabe(b.jobcenter, d),
      [L('Berichtsmonat', 'Reporting month'), tx.monat(b.berichtsmonat)],
      [L('Datenstand', 'Data as of'), einheitText(regel, b.datenstand, d)],
      [L('Daten ab', 'Data from'), einheitText(regel, b.datenAb, d)],
      [L('LZB-Regel', 'LZB rule'), regelText(regel, d)],
    ], d),
    kopf: [...monatKopf, ...werteKopf],
    zeilen: ergebnis.monate.map((m) => [monatsFeld(m.monat), isoTag(m.stichtag), ...werte(m.monat, 'gesamt', m.werte)]),
  }];
  if (b.nach) {
    const namen = MERKMAL_GRUPPEN_NAMEN[b.nach];
    blaetter.push({
      name: L('Gruppen', 'Groups'),
      kopfblock: [],
      kopf: [...monatKopf, L(...MERKMAL_NAMEN[b.nach]), ...werteKopf],
      zeilen: ergebnis.monate.flatMap((m) => m.gruppen.map((g) => [monatsFeld(m.monat), isoTag(m.stichtag), gruppenName(namen, g.gruppe, L), ...werte(m.monat, g.gruppe, g.werte)])),
    });
  }
  const hinweise: [string, string][] = [];
  if (d.unter !== null) hinweise.push(['*', sperrHinweis(d.unter, d)]);
  hinweise.push([L('Spalten', 'Columns'), spaltenErklaerung(d)]);
  for (const m of ergebnis.monate) for (const g of m.nichtBerechenbar) hinweise.push([monatsFeld(m.monat), grundText(regel, g, d)]);
  blaetter.push(hinweisBlatt(hinweise, d));
  blaetter.push(eingabenBlatt(b.eingaben, d));
  return { titel, erstellt: d.stempel, blaetter };
}
