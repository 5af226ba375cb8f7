// `kennzahlen vergleich`: the own Jobcenter among its peers (docs/vertrag.md §4.5), as a document
// (terminal, Markdown, HTML) and as JSON, schema "kennzahlen-vergleich/1" (docs/vertrag.md §6):
// every number exact, aggregates with their summed numerator and denominator.

import { isoMonat } from '../core/kalender.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { einheitVon, type Definition } from '../core/kennzahlen/definitionen.js';
import { gleichwertig, mitte, type Aggregat } from '../core/vergleich/vergleich.js';
import type { Vergleichsfenster, VergleichModell } from './vergleich-bericht.js';
import { darstellungJson, hinweisText, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import type { Block, Dokument, Zelle } from './dokument.js';
import { zelle } from './dokument.js';
import { eingabeJson, eingabenBlatt, eingabenFuss } from './eingaben.js';
import { anzahl, feldVon, jobcenterAngabe, monatsFeld, titelblock, wertFormat, type Arbeitsmappe, type Feld } from './arbeitsmappe.js';
import { kennzahlenSperrText, mitEinheit } from './kennzahlen-dokument.js';
import { AGGREGATE, aggregatVon, vergleichSperre, type AggregatArt, type VergleichSperre } from './geheimhaltung.js';
import { csvWert, runde } from './zahlen.js';
import { csvDokument, textZelle } from './csv.js';

export const VERGLEICH_SCHEMA = 'kennzahlen-vergleich/1';

/** A suppressed number, typed as the one text the other formats tell from a number. */
const GESPERRT = '*' as const;
type Zahl = number | null | typeof GESPERRT;


/** What `*` means in a comparison: as in a § 48a report, and a suppressed value is no dot in the strips. */
export const vergleichSperrText = (unter: number, d: Darstellung): string =>
  `${kennzahlenSperrText(unter, d)}${texte(d).L('; in den Streifen fehlt ein gesperrter Wert', '; a suppressed value is left out of the strips')}`;

/** Who the peers are, in words. */
function gruppeText(m: VergleichModell, d: Darstellung): string {
  const { L } = texte(d);
  const n = m.peers.length;
  switch (m.gruppe.art) {
    case 'vergleichstyp': return L(`Vergleichstyp ${m.gruppe.typ} (${n} Jobcenter)`, `comparison type ${m.gruppe.typ} (${n} Jobcenters)`);
    case 'liste': return L(`${n} Jobcenter nach --peers`, `${n} Jobcenters from --peers`);
    case 'alle': return L(`alle ${n} Jobcenter der Tabelle`, `all ${n} Jobcenters of the table`);
    case 'nachbarn': return L(`die ${n - 1} nächsten Nachbarn nach ${m.gruppe.merkmale.join(', ')} (${n} Jobcenter)`, `the ${n - 1} nearest neighbours by ${m.gruppe.merkmale.join(', ')} (${n} Jobcenters)`);
  }
}


/** A value as printed: the number (null: not computable) or `*` with its numerator and denominator. */
interface Sichtwert {
  wert: Zahl;
  zaehler: Zahl;
  nenner: Zahl;
  /** Why the value is not computable (null where it is, or where it is suppressed). */
  hinweis: Berechnung['hinweis'];
}

interface Sichtaggregat extends Sichtwert {
  einheiten: number;
  ausgelassen: Aggregat['ausgelassen'];
}

/** A window of the comparison as every format prints it: suppressed numbers are `*`. */
interface Sichtfenster {
  eigen: Sichtwert;
  fenster: Berechnung['fenster'];
  rang: Zahl;
  bewertet: number;
  quartil: Zahl;
  median: Zahl;
  min: Zahl;
  max: Zahl;
  abstandMedian: Zahl;
  /** Peer group, Land and Bund, in the order every format lists them (Land null without a Land). */
  aggregate: readonly (readonly [AggregatArt, Sichtaggregat | null])[];
  einheiten: { schluessel: string; wert: Sichtwert; rang: Zahl }[];
}

interface Sichtkennzahl {
  definition: Definition;
  monat: Sichtfenster;
  jfw: Sichtfenster;
  rangVorjahr: number | null;
}

/** A number as printed: `*` where suppressed; one that is not computable stays x, which tells nothing. */
const zeige = (w: number | null, gesperrt: boolean): Zahl => (w !== null && gesperrt ? GESPERRT : w);

const alsSichtwert = (b: Berechnung | null, gesperrt: boolean): Sichtwert => ({
  wert: zeige(b?.wert ?? null, gesperrt), zaehler: zeige(b?.zaehler ?? null, gesperrt), nenner: zeige(b?.nenner ?? null, gesperrt), hinweis: b?.hinweis ?? null,
});

/**
 * A window as printed under disclosure control: a suppressed Jobcenter's value, rank and quartile
 * are `*`; so are a minimum, maximum or median built on a value that a suppressed Jobcenter has
 * (even if a shown one has it too: with the ranks, that would tell the suppressed value exactly),
 * and a distance to a suppressed median. Without a threshold, the numbers.
 */
function sichtfenster(f: Vergleichsfenster, gruppe: string, def: Definition, fensterArt: 'monat' | 'jfw', eigen: string, s: VergleichSperre): Sichtfenster {
  const gesperrt = f.einheiten.map((e) => s.einheit(gruppe, def, e.schluessel, e.berechnung));
  const eigenGesperrt = gesperrt[f.einheiten.findIndex((e) => e.schluessel === eigen)];
  const verborgen = f.einheiten.filter((e, i) => gesperrt[i] && e.berechnung.wert !== null).map((e) => e.berechnung.wert!);
  const offen = (w: number) => !verborgen.some((x) => gleichwertig(x, w));
  const alle = f.einheiten.map((e) => e.berechnung.wert).filter((w): w is number => w !== null).sort((a, b) => a - b);
  const median: Zahl = f.median === null ? null : mitte(alle).every(offen) ? f.median : GESPERRT;
  const randwert = (w: number | null): Zahl => (w === null ? null : offen(w) ? w : GESPERRT);
  const aggregat = (art: AggregatArt, a: Aggregat | null): readonly [AggregatArt, Sichtaggregat | null] =>
    [art, a === null ? null : { ...alsSichtwert(a.berechnung, s.aggregat(gruppe, def, fensterArt, art, a.berechnung)), einheiten: a.einheiten, ausgelassen: a.ausgelassen }];
  return {
    eigen: alsSichtwert(f.eigen, eigenGesperrt),
    fenster: f.eigen.fenster,
    rang: zeige(f.rang, eigenGesperrt),
    bewertet: f.bewertet,
    quartil: zeige(f.quartil, eigenGesperrt),
    median,
    min: randwert(f.min),
    max: randwert(f.max),
    abstandMedian: zeige(f.abstandMedian, eigenGesperrt || median === GESPERRT),
    aggregate: AGGREGATE.map((art) => aggregat(art, aggregatVon(f, art))),
    einheiten: f.einheiten.map((e, i) => ({ schluessel: e.schluessel, wert: alsSichtwert(e.berechnung, gesperrt[i]), rang: zeige(e.rang, gesperrt[i]) })),
  };
}

/** Every group's indicators as printed. */
function sicht(m: VergleichModell, s: VergleichSperre): { gruppe: string; kennzahlen: Sichtkennzahl[] }[] {
  return m.gruppen.map((g) => ({
    gruppe: g.gruppe,
    kennzahlen: g.kennzahlen.map((k) => ({
      definition: k.definition,
      monat: sichtfenster(k.monat, g.gruppe, k.definition, 'monat', m.jobcenter, s),
      jfw: sichtfenster(k.jfw, g.gruppe, k.definition, 'jfw', m.jobcenter, s),
      rangVorjahr: k.rangVorjahr,
    })),
  }));
}

const r1z = (w: Zahl) => (typeof w === 'number' ? runde(w, 1) : w);

function aggregatJson(a: Sichtaggregat | null, d: Darstellung) {
  if (!a) return null;
  return {
    wert: r1z(a.wert), wert_exakt: a.wert, zaehler: a.zaehler, nenner: a.nenner, jobcenter: a.einheiten,
    ausgelassen: a.ausgelassen.map((x) => ({ jobcenter: x.schluessel, grund: hinweisText(x.hinweis, d) })),
  };
}

function fensterJson(f: Sichtfenster, d: Darstellung) {
  const e = f.eigen;
  const [vergleichsgruppe, land, bund] = f.aggregate.map(([, a]) => aggregatJson(a, d));
  return {
    wert: r1z(e.wert), wert_exakt: e.wert, zaehler: e.zaehler, nenner: e.nenner,
    fenster: { zaehler: f.fenster.zaehler.map(isoMonat), nenner: f.fenster.nenner.map(isoMonat) },
    hinweis: hinweisText(e.hinweis, d),
    rang: f.rang, von: f.bewertet, quartil: f.quartil,
    median: f.median, min: f.min, max: f.max, abstand_median: f.abstandMedian,
    vergleichsgruppe, land, bund,
  };
}

/** Who an aggregate leaves out, and why: `05558: integrationen gesperrt (*) für 2017-03; …` (empty: nobody). */
const ausgelassenText = (a: Sichtaggregat, d: Darstellung) => a.ausgelassen.map((x) => `${x.schluessel}: ${hinweisText(x.hinweis, d) ?? ''}`).join('; ');

/** One row of the whole matrix: a Jobcenter (eigen or peer) or an aggregate, in one group, indicator and window. */
interface Matrixzeile {
  gruppe: string;
  definition: Definition;
  fenster: 'monat' | 'jfw';
  art: 'eigen' | 'peer' | AggregatArt;
  jobcenter: string | null;
  wert: Sichtwert;
  rang: Zahl;
  /** A Jobcenter's rank is of this many; an aggregate sums this many. */
  von: number;
  /** A Jobcenter's reason for x; who an aggregate leaves out. */
  hinweis: string;
}

/** The whole matrix, as the CSV of `vergleich` and its workbook's sheet Matrix list it. */
function* matrix(m: VergleichModell, d: Darstellung, gruppen: ReturnType<typeof sicht>): Generator<Matrixzeile> {
  for (const g of gruppen) {
    for (const k of g.kennzahlen) {
      for (const [fenster, f] of [['monat', k.monat], ['jfw', k.jfw]] as const) {
        const vorne = { gruppe: g.gruppe, definition: k.definition, fenster };
        for (const e of f.einheiten) {
          yield { ...vorne, art: e.schluessel === m.jobcenter ? 'eigen' : 'peer', jobcenter: e.schluessel, wert: e.wert, rang: e.rang, von: f.bewertet, hinweis: hinweisText(e.wert.hinweis, d) ?? '' };
        }
        for (const [art, a] of f.aggregate) {
          if (a) yield { ...vorne, art, jobcenter: null, wert: a, rang: null, von: a.einheiten, hinweis: ausgelassenText(a, d) };
        }
      }
    }
  }
}

export function vergleichJson(m: VergleichModell, d: Darstellung): string {
  const { vergleichsgruppe, jobcenter_insgesamt, gruppen } = vergleichTeil(m, d, vergleichSperre(m, d));
  const doc = {
    schema: VERGLEICH_SCHEMA,
    jobcenter: m.jobcenter,
    name: m.name,
    land: m.land,
    berichtsmonat: isoMonat(m.berichtsmonat),
    ...darstellungJson(d),
    vergleichsgruppe,
    jobcenter_insgesamt,
    eingaben: m.eingaben.map(eingabeJson),
    gruppen,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The comparison as JSON prints it, without what a report around it states itself (`report`'s section `vergleich`). */
export function vergleichTeil(m: VergleichModell, d: Darstellung, s: VergleichSperre) {
  return {
    land: m.land,
    vergleichsgruppe: {
      art: m.gruppe.art,
      ...(m.gruppe.art === 'vergleichstyp' ? { typ: m.gruppe.typ } : {}),
      // Distances are differences of counts scaled by their spread: under disclosure control two known counts would give the scale, and a distance a hidden count.
      ...(m.gruppe.art === 'nachbarn' ? { merkmale: m.gruppe.merkmale, abstaende: m.gruppe.abstaende.map((a) => ({ jobcenter: a.schluessel, abstand: d.unter === null ? a.abstand : GESPERRT })) } : {}),
      jobcenter: m.peers,
    },
    jobcenter_insgesamt: m.schluessel.length,
    gruppen: sicht(m, s).map((g) => ({
      gruppe: g.gruppe,
      kennzahlen: g.kennzahlen.map((k) => ({
        id: k.definition.id,
        name: d.sprache === 'en' ? k.definition.nameEn : k.definition.name,
        richtung: k.definition.richtung,
        einheit: einheitVon(k.definition.formel),
        monat: fensterJson(k.monat, d),
        jfw: fensterJson(k.jfw, d),
        rang_vorjahr: k.rangVorjahr,
      })),
    })),
  };
}

/**
 * The comparison as rows of the report's CSV (`bereich` vergleich): per group and indicator each
 * Jobcenter (`status` eigen or peer, `hinweis` its rank) with its monthly value and JFW, then the
 * aggregates of peer group, Land and Bund with those left out.
 */
export function vergleichCsvZeilen(m: VergleichModell, d: Darstellung, s: VergleichSperre): string[][] {
  const zeilen: string[][] = [];
  for (const g of sicht(m, s)) {
    for (const k of g.kennzahlen) {
      const vorne = (name: string) => ['vergleich', k.definition.id, textZelle(name), textZelle(g.gruppe), einheitVon(k.definition.formel)];
      k.monat.einheiten.forEach((e, i) => {
        const b = e.wert;
        const rang = e.rang === null ? '' : `Rang ${e.rang}/${k.monat.bewertet}`;
        zeilen.push([...vorne(e.schluessel), csvWert(b.wert), '', csvWert(k.jfw.einheiten[i].wert.wert), '', csvWert(b.zaehler), csvWert(b.nenner), '', e.schluessel === m.jobcenter ? 'eigen' : 'peer', '', textZelle(rang), '']);
      });
      k.monat.aggregate.forEach(([art, a], i) => {
        if (!a) return;
        const aus = ausgelassenText(a, d);
        zeilen.push([...vorne(art), csvWert(a.wert), '', csvWert(k.jfw.aggregate[i][1]?.wert ?? null), '', csvWert(a.zaehler), csvWert(a.nenner), '', art, '', textZelle(aus ? `ohne ${aus}` : ''), '']);
      });
    }
  }
  return zeilen;
}

export function vergleichDokument(m: VergleichModell, d: Darstellung): Dokument {
  const { L, monat } = texte(d);
  const wer = m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`;
  const titel = L(`Vergleich · ${wer} · Berichtsmonat ${monat(m.berichtsmonat)}`, `Comparison · ${wer} · reporting month ${monat(m.berichtsmonat)}`);
  const bloecke: Block[] = [{ art: 'titel', text: titel, demo: false }, ...vergleichBloecke(m, d, vergleichSperre(m, d), stempelBloecke(d)), eingabenFuss(m.eingaben, d)];
  return { sprache: d.sprache, titel, bloecke };
}

/**
 * The comparison's body: who the peers are, the ranking per group, the strips, the reading and who
 * is left out. `vergleich` shows it under its title; `report` as its section (`vorne` after the first line).
 */
export function vergleichBloecke(m: VergleichModell, d: Darstellung, s: VergleichSperre, vorne: Block[] = []): Block[] {
  const tx = texte(d);
  const { L } = tx;
  const x = zelle('x', 'x');
  const gesperrt = zelle('*', 'gesperrt');
  const oderZeichen = (w: Zahl, als: (w: number) => Zelle): Zelle => (w === null ? x : w === GESPERRT ? gesperrt : als(w));
  const wert = (def: Definition, w: Zahl): Zelle => oderZeichen(w, (w) => mitEinheit(d, w, einheitVon(def.formel)));
  const punkte = (w: Zahl): Zelle => oderZeichen(w, (w) => `${w > 0 ? '+' : ''}${tx.zahl(w, 1)}`);
  const agg = (def: Definition, a: Sichtaggregat | null): Zelle => (a === null ? '' : wert(def, a.wert));
  const gruppen = sicht(m, s);
  const bloecke: Block[] = [
    { art: 'text', text: L(`Verglichen mit: ${gruppeText(m, d)}${m.land ? ` · Land ${m.land}` : ''} · Bund: alle ${m.schluessel.length} Jobcenter der Tabelle`, `Compared with: ${gruppeText(m, d)}${m.land ? ` · Land ${m.land}` : ''} · national: all ${m.schluessel.length} Jobcenters of the table`) },
    ...vorne,
  ];
  const notizen: string[] = [];
  for (const g of gruppen) {
    if (gruppen.length > 1) bloecke.push({ art: 'abschnitt', text: g.gruppe === 'gesamt' ? L('Insgesamt', 'Total') : g.gruppe });
    bloecke.push({
      art: 'tabelle',
      kopf: ['ID', L('Kennzahl', 'Indicator'), tx.monat(m.berichtsmonat), L('Rang', 'Rank'), L('Quartil', 'Quartile'), 'Median', L('Abstand', 'Distance'), L('Vergleichsgruppe', 'Peer group'), 'Land', 'Bund', L('Rang Vorjahr', 'Rank prev. year')],
      links: 2,
      zeilen: g.kennzahlen.map((k) => {
        const f = k.monat;
        const def = k.definition;
        const rang = oderZeichen(f.rang, (r) => `${r}/${f.bewertet}${def.richtung === 'neutral' ? ' (n)' : ''}`);
        const [peer, land, bund] = f.aggregate.map(([, a]) => agg(def, a));
        return [def.id, tx.en ? def.kurzEn : def.kurz, wert(def, f.eigen.wert), rang, oderZeichen(f.quartil, String), wert(def, f.median), punkte(f.abstandMedian), peer, land, bund, k.rangVorjahr === null ? x : String(k.rangVorjahr)];
      }),
    });
    // Who is left out of an aggregate that has others in it (where nobody is complete, the cell is x).
    const welches: Record<AggregatArt, [string, string]> = {
      vergleichsgruppe: ['der Vergleichsgruppe', 'the peer group'],
      land: ['des Landes', 'the Land'],
      bund: ['des Bundes', 'the national'],
    };
    for (const k of g.kennzahlen) {
      for (const [art, a] of k.monat.aggregate) {
        const [de, en] = welches[art];
        if (!a || !a.ausgelassen.length || !a.einheiten) continue;
        const wer = a.ausgelassen.map((x) => `${x.schluessel} (${hinweisText(x.hinweis, d) ?? L('unvollständig', 'incomplete')})`).join('; ');
        const vorne = `${g.gruppe === 'gesamt' ? '' : `${g.gruppe}, `}${k.definition.id}`;
        notizen.push(L(`${vorne}: nicht im Aggregat ${de}: ${wer}`, `${vorne}: left out of ${en} aggregate: ${wer}`));
      }
    }
  }
  // One strip per indicator of the total with values: where the own Jobcenter stands among the peers.
  // A suppressed value is no dot, a suppressed median or aggregate no line.
  const nurZahl = (w: Zahl) => (typeof w === 'number' ? w : null);
  const streifen = gruppen[0].kennzahlen.filter((k) => k.monat.einheiten.some((e) => typeof e.wert.wert === 'number')).map((k) => ({
    titel: `${k.definition.id} ${tx.en ? k.definition.kurzEn : k.definition.kurz}, ${tx.monat(m.berichtsmonat)}`,
    punkte: k.monat.einheiten.filter((e) => typeof e.wert.wert === 'number').map((e) => ({ name: e.schluessel, wert: e.wert.wert as number, eigen: e.schluessel === m.jobcenter })),
    median: nurZahl(k.monat.median),
    aggregat: nurZahl(k.monat.aggregate[0][1]?.wert ?? null),
    namen: { eigen: m.name ?? m.jobcenter, median: 'Median', aggregat: L('Aggregat der Vergleichsgruppe', 'peer group aggregate') },
    richtung: k.definition.richtung,
    einheit: '%' as const,
    stellen: 1,
  }));
  if (streifen.length) bloecke.push({ art: 'streifen', streifen });
  bloecke.push({
    art: 'notizen', titel: L('Lesart', 'Reading'),
    punkte: [
      L('Rang 1 = am besten in der guten Richtung der Kennzahl; (n): neutrale Kennzahl, nach dem Wert geordnet, der größte zuerst. Gleiche Werte teilen sich den Rang.', 'Rank 1 = best in the indicator\'s good direction; (n): neutral indicator, ordered by value, largest first. Equal values share a rank.'),
      L('Quartil ⌈4·Rang/n⌉ ab vier Werten: 1 ist das beste Viertel. Abstand: eigener Wert minus Median, in Prozentpunkten.', 'Quartile ⌈4·rank/n⌉ from four values: 1 is the best quarter. Distance: own value minus median, in percentage points.'),
      L('Vergleichsgruppe, Land und Bund: summierte Zähler durch summierte Nenner der Jobcenter mit vollständigen Eingaben, nie das Mittel der Quoten.', 'Peer group, Land and national: summed numerators over summed denominators of the Jobcenters with complete inputs, never the mean of the rates.'),
      ...(d.unter === null ? [] : [vergleichSperrText(d.unter, d)]),
      ...notizen,
    ],
  });
  return bloecke;
}

/**
 * The whole peer matrix for Excel: a row per group, indicator, window and Jobcenter (the own one
 * marked), then the aggregates of peer group, Land and Bund, each with numerator and denominator;
 * exact values with a decimal comma, `x` where not computable.
 */
export function vergleichCsv(m: VergleichModell, d: Darstellung): string {
  const kopf = ['gruppe', 'kennzahl', 'fenster', 'art', 'jobcenter', 'wert', 'zaehler', 'nenner', 'rang', 'von', 'hinweis'];
  const zeilen = [...matrix(m, d, sicht(m, vergleichSperre(m, d)))].map((z) => {
    const b = z.wert;
    const aggregat = z.jobcenter === null;
    return [
      textZelle(z.gruppe), z.definition.id, z.fenster, z.art, aggregat ? '' : textZelle(z.jobcenter!), csvWert(b.wert), csvWert(b.zaehler), csvWert(b.nenner),
      aggregat ? '' : csvWert(z.rang), String(z.von), textZelle(aggregat && z.hinweis ? `ohne ${z.hinweis}` : z.hinweis),
    ];
  });
  return csvDokument(kopf, zeilen);
}

/**
 * The comparison as a workbook: the ranking of the total under the title block, the whole matrix
 * (the CSV's rows, numbers exact with their formats), the inputs.
 */
export function vergleichMappe(m: VergleichModell, d: Darstellung, s: VergleichSperre = vergleichSperre(m, d)): Arbeitsmappe {
  const tx = texte(d);
  const { L } = tx;
  const titel = L(`Vergleich · ${m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`}`, `Comparison · ${m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`}`);
  const angaben: [string, Feld][] = [
    jobcenterAngabe(m.jobcenter, d),
    [L('Berichtsmonat', 'Reporting month'), monatsFeld(m.berichtsmonat)],
    [L('Verglichen mit', 'Compared with'), gruppeText(m, d)],
    ...(m.land ? [['Land', m.land] as [string, Feld]] : []),
  ];
  const gruppen = sicht(m, s);
  const rangliste = gruppen[0].kennzahlen.map((k): Feld[] => {
    const f = k.monat;
    const als = wertFormat(einheitVon(k.definition.formel));
    const agg = (a: Sichtaggregat | null) => (a === null ? null : feldVon(a.wert, als));
    const [peer, land, bund] = f.aggregate.map(([, a]) => agg(a));
    return [k.definition.id, tx.en ? k.definition.kurzEn : k.definition.kurz, feldVon(f.eigen.wert, als), feldVon(f.rang, anzahl), anzahl(f.bewertet), feldVon(f.quartil, anzahl), feldVon(f.median, als), feldVon(f.abstandMedian, (w) => ({ zahl: w, format: 'differenz', stellen: 1 })), peer, land, bund, k.rangVorjahr === null ? 'x' : anzahl(k.rangVorjahr)];
  });
  const tabelle = [...matrix(m, d, gruppen)].map((z): Feld[] => {
    const b = z.wert;
    const aggregat = z.jobcenter === null;
    return [
      z.gruppe, z.definition.id, z.fenster, z.art, z.jobcenter, feldVon(b.wert, wertFormat(einheitVon(z.definition.formel))), feldVon(b.zaehler, anzahl), feldVon(b.nenner, anzahl),
      aggregat ? null : feldVon(z.rang, anzahl), z.hinweis || null,
    ];
  });
  return {
    titel,
    erstellt: d.stempel,
    blaetter: [
      { name: L('Vergleich', 'Comparison'), kopfblock: titelblock(titel, angaben, d), kopf: ['ID', L('Kennzahl', 'Indicator'), L('Wert', 'Value'), L('Rang', 'Rank'), L('von', 'of'), L('Quartil', 'Quartile'), 'Median', L('Abstand (Punkte)', 'Distance (points)'), L('Vergleichsgruppe', 'Peer group'), 'Land', 'Bund', L('Rang Vorjahr', 'Rank prev. year')], zeilen: rangliste },
      { name: 'Matrix', kopfblock: [], kopf: ['gruppe', 'kennzahl', 'fenster', 'art', 'jobcenter', 'wert', 'zaehler', 'nenner', 'rang', 'hinweis'], zeilen: tabelle },
      eingabenBlatt(m.eingaben, d),
    ],
  };
}
