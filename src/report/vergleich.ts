// `kennzahlen vergleich`: the own Jobcenter among its peers (docs/vertrag.md §4.5), as a document
// (terminal, Markdown, HTML) and as JSON, schema "kennzahlen-vergleich/1" (docs/vertrag.md §6):
// every number exact, aggregates with their summed numerator and denominator.

import { isoMonat } from '../core/kalender.js';
import type { Berechnung } from '../core/kennzahlen/berechnung.js';
import { einheitVon, type Definition } from '../core/kennzahlen/definitionen.js';
import type { Aggregat } from '../core/vergleich/vergleich.js';
import type { Vergleichsfenster, VergleichModell } from './vergleich-bericht.js';
import { darstellungJson, hinweisText, stempelBloecke, texte, type Darstellung } from './darstellung.js';
import type { Block, Dokument, Zelle } from './dokument.js';
import { zelle } from './dokument.js';
import { eingabeJson, eingabenBlatt, eingabenFuss } from './eingaben.js';
import { anzahl, feldVon, jobcenterAngabe, monatsFeld, prozent, titelblock, veraenderung, type Arbeitsmappe, type Feld } from './arbeitsmappe.js';
import { mitEinheit } from './kennzahlen-dokument.js';
import { csvZahl, runde } from './zahlen.js';
import { csvDokument, textZelle } from './csv.js';

export const VERGLEICH_SCHEMA = 'kennzahlen-vergleich/1';

const r1 = (w: number | null) => (w === null ? null : runde(w, 1));

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

function aggregatJson(a: Aggregat | null, d: Darstellung) {
  if (!a) return null;
  const b = a.berechnung;
  return {
    wert: r1(b?.wert ?? null), wert_exakt: b?.wert ?? null, zaehler: b?.zaehler ?? null, nenner: b?.nenner ?? null, jobcenter: a.einheiten,
    ausgelassen: a.ausgelassen.map((x) => ({ jobcenter: x.schluessel, grund: hinweisText(x.hinweis, d) })),
  };
}

function fensterJson(f: Vergleichsfenster, d: Darstellung) {
  const e: Berechnung = f.eigen;
  return {
    wert: r1(e.wert), wert_exakt: e.wert, zaehler: e.zaehler, nenner: e.nenner,
    fenster: { zaehler: e.fenster.zaehler.map(isoMonat), nenner: e.fenster.nenner.map(isoMonat) },
    hinweis: hinweisText(e.hinweis, d),
    rang: f.rang, von: f.bewertet, quartil: f.quartil,
    median: f.median, min: f.min, max: f.max, abstand_median: f.abstandMedian,
    vergleichsgruppe: aggregatJson(f.aggregat, d), land: aggregatJson(f.land, d), bund: aggregatJson(f.bund, d),
  };
}

/** A window's three aggregates, in the order every format lists them. */
const aggregateVon = (f: Vergleichsfenster) => [['vergleichsgruppe', f.aggregat], ['land', f.land], ['bund', f.bund]] as const;

/** Who an aggregate leaves out, and why: `05558: integrationen gesperrt (*) für 2017-03; …` (empty: nobody). */
const ausgelassenText = (a: Aggregat, d: Darstellung) => a.ausgelassen.map((x) => `${x.schluessel}: ${hinweisText(x.hinweis, d) ?? ''}`).join('; ');

/** One row of the whole matrix: a Jobcenter (eigen or peer) or an aggregate, in one group, indicator and window. */
interface Matrixzeile {
  gruppe: string;
  definition: Definition;
  fenster: 'monat' | 'jfw';
  art: 'eigen' | 'peer' | 'vergleichsgruppe' | 'land' | 'bund';
  jobcenter: string | null;
  berechnung: Berechnung | null;
  rang: number | null;
  /** A Jobcenter's rank is of this many; an aggregate sums this many. */
  von: number;
  /** A Jobcenter's reason for x; who an aggregate leaves out. */
  hinweis: string;
}

/** The whole matrix, as the CSV of `vergleich` and its workbook's sheet Matrix list it. */
function* matrix(m: VergleichModell, d: Darstellung): Generator<Matrixzeile> {
  for (const g of m.gruppen) {
    for (const k of g.kennzahlen) {
      for (const [fenster, f] of [['monat', k.monat], ['jfw', k.jfw]] as const) {
        const vorne = { gruppe: g.gruppe, definition: k.definition, fenster };
        for (const e of f.einheiten) {
          yield { ...vorne, art: e.schluessel === m.jobcenter ? 'eigen' : 'peer', jobcenter: e.schluessel, berechnung: e.berechnung, rang: e.rang, von: f.bewertet, hinweis: hinweisText(e.berechnung.hinweis, d) ?? '' };
        }
        for (const [art, a] of aggregateVon(f)) {
          if (a) yield { ...vorne, art, jobcenter: null, berechnung: a.berechnung, rang: null, von: a.einheiten, hinweis: ausgelassenText(a, d) };
        }
      }
    }
  }
}

export function vergleichJson(m: VergleichModell, d: Darstellung): string {
  const { vergleichsgruppe, jobcenter_insgesamt, gruppen } = vergleichTeil(m, d);
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
export function vergleichTeil(m: VergleichModell, d: Darstellung) {
  return {
    land: m.land,
    vergleichsgruppe: {
      art: m.gruppe.art,
      ...(m.gruppe.art === 'vergleichstyp' ? { typ: m.gruppe.typ } : {}),
      ...(m.gruppe.art === 'nachbarn' ? { merkmale: m.gruppe.merkmale, abstaende: m.gruppe.abstaende.map((a) => ({ jobcenter: a.schluessel, abstand: a.abstand })) } : {}),
      jobcenter: m.peers,
    },
    jobcenter_insgesamt: m.alle,
    gruppen: m.gruppen.map((g) => ({
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
export function vergleichCsvZeilen(m: VergleichModell, d: Darstellung): string[][] {
  const zahl = (w: number | null) => (w === null ? 'x' : csvZahl(w));
  const zeilen: string[][] = [];
  for (const g of m.gruppen) {
    for (const k of g.kennzahlen) {
      const vorne = (name: string) => ['vergleich', k.definition.id, textZelle(name), textZelle(g.gruppe), einheitVon(k.definition.formel)];
      k.monat.einheiten.forEach((e, i) => {
        const b = e.berechnung;
        const rang = e.rang === null ? '' : `Rang ${e.rang}/${k.monat.bewertet}`;
        zeilen.push([...vorne(e.schluessel), zahl(b.wert), '', zahl(k.jfw.einheiten[i].berechnung.wert), '', zahl(b.zaehler), zahl(b.nenner), '', e.schluessel === m.jobcenter ? 'eigen' : 'peer', '', textZelle(rang), '']);
      });
      const jfw = aggregateVon(k.jfw);
      aggregateVon(k.monat).forEach(([art, a], i) => {
        if (!a) return;
        const b = a.berechnung;
        const aus = ausgelassenText(a, d);
        zeilen.push([...vorne(art), zahl(b?.wert ?? null), '', zahl(jfw[i][1]?.berechnung?.wert ?? null), '', zahl(b?.zaehler ?? null), zahl(b?.nenner ?? null), '', art, '', textZelle(aus ? `ohne ${aus}` : ''), '']);
      });
    }
  }
  return zeilen;
}

export function vergleichDokument(m: VergleichModell, d: Darstellung): Dokument {
  const { L, monat } = texte(d);
  const wer = m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`;
  const titel = L(`Vergleich · ${wer} · Berichtsmonat ${monat(m.berichtsmonat)}`, `Comparison · ${wer} · reporting month ${monat(m.berichtsmonat)}`);
  const bloecke: Block[] = [{ art: 'titel', text: titel, demo: false }, ...vergleichBloecke(m, d, stempelBloecke(d)), eingabenFuss(m.eingaben, d)];
  return { sprache: d.sprache, titel, bloecke };
}

/**
 * The comparison's body: who the peers are, the ranking per group, the strips, the reading and who
 * is left out. `vergleich` shows it under its title; `report` as its section (`vorne` after the first line).
 */
export function vergleichBloecke(m: VergleichModell, d: Darstellung, vorne: Block[] = []): Block[] {
  const tx = texte(d);
  const { L } = tx;
  const x = zelle('x', 'x');
  const wert = (def: Definition, w: number | null): Zelle => (w === null ? x : mitEinheit(d, w, einheitVon(def.formel)));
  const punkte = (w: number | null): Zelle => (w === null ? x : `${w > 0 ? '+' : ''}${tx.zahl(w, 1)}`);
  const agg = (def: Definition, a: Aggregat | null): Zelle => (a === null ? '' : wert(def, a.berechnung?.wert ?? null));
  const bloecke: Block[] = [
    { art: 'text', text: L(`Verglichen mit: ${gruppeText(m, d)}${m.land ? ` · Land ${m.land}` : ''} · Bund: alle ${m.alle} Jobcenter der Tabelle`, `Compared with: ${gruppeText(m, d)}${m.land ? ` · Land ${m.land}` : ''} · national: all ${m.alle} Jobcenters of the table`) },
    ...vorne,
  ];
  const notizen: string[] = [];
  for (const g of m.gruppen) {
    if (m.gruppen.length > 1) bloecke.push({ art: 'abschnitt', text: g.gruppe === 'gesamt' ? L('Insgesamt', 'Total') : g.gruppe });
    bloecke.push({
      art: 'tabelle',
      kopf: ['ID', L('Kennzahl', 'Indicator'), tx.monat(m.berichtsmonat), L('Rang', 'Rank'), L('Quartil', 'Quartile'), 'Median', L('Abstand', 'Distance'), L('Vergleichsgruppe', 'Peer group'), 'Land', 'Bund', L('Rang Vorjahr', 'Rank prev. year')],
      links: 2,
      zeilen: g.kennzahlen.map((k) => {
        const f = k.monat;
        const def = k.definition;
        const rang = f.rang === null ? x : `${f.rang}/${f.bewertet}${def.richtung === 'neutral' ? ' (n)' : ''}`;
        return [def.id, tx.en ? def.kurzEn : def.kurz, wert(def, f.eigen.wert), rang, f.quartil === null ? x : String(f.quartil), wert(def, f.median), punkte(f.abstandMedian), agg(def, f.aggregat), agg(def, f.land), agg(def, f.bund), k.rangVorjahr === null ? x : String(k.rangVorjahr)];
      }),
    });
    // Who is left out of an aggregate that has others in it (where nobody is complete, the cell is x).
    const welches: [string, string, (f: Vergleichsfenster) => Aggregat | null][] = [
      ['der Vergleichsgruppe', 'the peer group', (f) => f.aggregat],
      ['des Landes', 'the Land', (f) => f.land],
      ['des Bundes', 'the national', (f) => f.bund],
    ];
    for (const k of g.kennzahlen) {
      for (const [de, en, von] of welches) {
        const a = von(k.monat);
        if (!a || !a.ausgelassen.length || !a.einheiten) continue;
        const wer = a.ausgelassen.map((x) => `${x.schluessel} (${hinweisText(x.hinweis, d) ?? L('unvollständig', 'incomplete')})`).join('; ');
        const vorne = `${g.gruppe === 'gesamt' ? '' : `${g.gruppe}, `}${k.definition.id}`;
        notizen.push(L(`${vorne}: nicht im Aggregat ${de}: ${wer}`, `${vorne}: left out of ${en} aggregate: ${wer}`));
      }
    }
  }
  // One strip per indicator of the total with values: where the own Jobcenter stands among the peers.
  const gesamt = m.gruppen[0];
  const streifen = gesamt.kennzahlen.filter((k) => k.monat.einheiten.some((e) => e.berechnung.wert !== null)).map((k) => ({
    titel: `${k.definition.id} ${tx.en ? k.definition.kurzEn : k.definition.kurz}, ${tx.monat(m.berichtsmonat)}`,
    punkte: k.monat.einheiten.filter((e) => e.berechnung.wert !== null).map((e) => ({ name: e.schluessel, wert: e.berechnung.wert!, eigen: e.schluessel === m.jobcenter })),
    median: k.monat.median,
    aggregat: k.monat.aggregat.berechnung?.wert ?? null,
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
  const zahl = (w: number | null) => (w === null ? 'x' : csvZahl(w));
  const zeilen = [...matrix(m, d)].map((z) => {
    const b = z.berechnung;
    const aggregat = z.jobcenter === null;
    return [
      textZelle(z.gruppe), z.definition.id, z.fenster, z.art, aggregat ? '' : textZelle(z.jobcenter!), zahl(b?.wert ?? null), zahl(b?.zaehler ?? null), zahl(b?.nenner ?? null),
      aggregat ? '' : z.rang === null ? 'x' : String(z.rang), String(z.von), textZelle(aggregat && z.hinweis ? `ohne ${z.hinweis}` : z.hinweis),
    ];
  });
  return csvDokument(kopf, zeilen);
}

/**
 * The comparison as a workbook: the ranking of the total under the title block, the whole matrix
 * (the CSV's rows, numbers exact with their formats), the inputs.
 */
export function vergleichMappe(m: VergleichModell, d: Darstellung): Arbeitsmappe {
  const tx = texte(d);
  const { L } = tx;
  const alsWert = (def: Definition) => (w: number) => (einheitVon(def.formel) === 'veraenderung_prozent' ? veraenderung(w) : prozent(w));
  const titel = L(`Vergleich · ${m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`}`, `Comparison · ${m.name ? `${m.name} (${m.jobcenter})` : `Jobcenter ${m.jobcenter}`}`);
  const angaben: [string, Feld][] = [
    jobcenterAngabe(m.jobcenter, d),
    [L('Berichtsmonat', 'Reporting month'), monatsFeld(m.berichtsmonat)],
    [L('Verglichen mit', 'Compared with'), gruppeText(m, d)],
    ...(m.land ? [['Land', m.land] as [string, Feld]] : []),
  ];
  const rangliste = m.gruppen[0].kennzahlen.map((k): Feld[] => {
    const f = k.monat;
    const als = alsWert(k.definition);
    const agg = (a: Aggregat | null) => (a === null ? null : feldVon(a.berechnung?.wert ?? null, als));
    return [k.definition.id, tx.en ? k.definition.kurzEn : k.definition.kurz, feldVon(f.eigen.wert, als), f.rang === null ? 'x' : anzahl(f.rang), anzahl(f.bewertet), f.quartil === null ? 'x' : anzahl(f.quartil), feldVon(f.median, als), f.abstandMedian === null ? 'x' : { zahl: f.abstandMedian, format: 'differenz', stellen: 1 }, agg(f.aggregat), agg(f.land), agg(f.bund), k.rangVorjahr === null ? 'x' : anzahl(k.rangVorjahr)];
  });
  const tabelle = [...matrix(m, d)].map((z): Feld[] => {
    const b = z.berechnung;
    const aggregat = z.jobcenter === null;
    return [
      z.gruppe, z.definition.id, z.fenster, z.art, z.jobcenter, feldVon(b?.wert ?? null, alsWert(z.definition)), b?.zaehler == null ? 'x' : anzahl(b.zaehler), b?.nenner == null ? 'x' : anzahl(b.nenner),
      aggregat ? null : z.rang === null ? 'x' : anzahl(z.rang), z.hinweis || null,
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
