// `vergleich`: the own Jobcenter among its peers (docs/vertrag.md §4.5), from Monatswerte of many
// Jobcenters in one table. The peers are its Vergleichstyp (`--vergleichstypen`), a list
// (`--peers`) or every row; the Land and the whole table (Bund) are aggregated beside them.

import { mitAnderenNullen, ohneFuehrendeNullen } from '../core/abgleich.js';
import { deutscherMonat, isoMonat } from '../core/kalender.js';
import { definitionen, type Definition, type KennzahlEinstellungen } from '../core/kennzahlen/definitionen.js';
import type { EingabeInfo } from '../core/modell.js';
import { BETRAGS_SPALTEN, letzterMonatMitWerten, type Reihe } from '../core/monatswerte/monatswerte.js';
import { aggregatAus, berechneAlle, fenster, naechsteNachbarn, vergleicheWerte, type Einheit } from '../core/vergleich/vergleich.js';
import type { Vergleichsfenster, VergleichKennzahl, VergleichModell } from '../report/vergleich-bericht.js';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';
import { leseMonatswerte, type MonatswerteErgebnis } from '../input/monatswerte.js';
import { leseVergleichstypen, type Zuordnung } from '../input/vergleichstypen.js';
import { fuehreAus, type Ergebnis, type Leser, type Notizen } from './ergebnis.js';
import { dezimal, liesEingabe, wirkungslos, type LeseAnfrage } from './lesen.js';
import { berichtsmonate } from './personendaten.js';
import { nichtsBerechenbar, waehleRegion } from './report.js';

export interface VergleichAnfrage {
  monatswerte: string;
  vergleichstypen?: string;
  /** `--peers`: the peer group's keys (the own Jobcenter belongs to it anyway). */
  peers: string[] | null;
  jobcenter: string;
  monat?: number;
  k1e3Nenner: KennzahlEinstellungen['k1e3Nenner'];
  lesen: LeseAnfrage;
  /** `--nachbarn K --merkmale …`: the peer group is the k Jobcenters closest in structure. */
  nachbarn: { k: number; merkmale: string[] } | null;
  /**
   * Must the groups be one breakdown (with `--suppress-below`)? Its relations say that the groups
   * and a rest add up to the total; two breakdowns in one table would add up to twice that.
   */
  gliederungPruefen: boolean;
}

export function vergleich(a: VergleichAnfrage, leser: Leser): Promise<Ergebnis<VergleichModell>> {
  return fuehreAus(async (notizen) => {
    const eingaben: EingabeInfo[] = [];
    const mw = await liesEingabe(leser, notizen, a.lesen, 'monatswerte', a.monatswerte, (t) => leseMonatswerte(t, dezimal(a.lesen, t), new Set(), a.jobcenter), eingaben);
    if (!mw.regionen) {
      throw nutzungsfehler(`${a.monatswerte}: die Monatswerte sind für ein Jobcenter; ein Vergleich braucht eine Tabelle mehrerer (Spalte Regionalschlüssel, JC-Nr, region oder jobcenter).`);
    }
    waehleRegion(a.monatswerte, mw.regionen, a.jobcenter);
    const eigeneGruppen = mw.alleRegionen.get(a.jobcenter)!;
    const letzter = () => {
      const m = letzterMonatMitWerten({ spalten: [], gruppen: new Map(eigeneGruppen) });
      if (m === null) throw nutzungsfehler(`${a.monatswerte}: keine Monate für „${a.jobcenter}“; --monat JJJJ-MM nennt den Berichtsmonat.`);
      return m;
    };
    const t = berichtsmonate({ bis: a.monat }, letzter, notizen).bis;
    const stand = letzter();
    if (t > stand) throw new KennzahlenFehler('eingabedaten', `Der Berichtsmonat ${deutscherMonat(t)} liegt nach dem letzten Monat von „${a.jobcenter}“ in ${a.monatswerte} (${deutscherMonat(stand)}).`, [], `--monat ${isoMonat(stand)} (oder früher).`);

    const modell = await vergleichsmodell(mw, a, t, leser, notizen, eingaben);
    const gruppen = modell.gruppen;
    const gesamt = gruppen[0].kennzahlen;
    if (!gesamt.some((k) => k.monat.eigen.wert !== null || k.jfw.eigen.wert !== null)) {
      throw nichtsBerechenbar(t, gesamt.map((k) => k.monat.eigen), mw.monatswerte.spalten, mw.ungelesen, false);
    }
    for (const text of wirkungslos(a.lesen, eingaben)) notizen.hinweis(text);
    return { modell };
  });
}

/** What a comparison reads and decides: the request's peer definition and the files it names. */
export type VergleichsAngaben = Pick<VergleichAnfrage, 'monatswerte' | 'vergleichstypen' | 'peers' | 'jobcenter' | 'nachbarn' | 'k1e3Nenner' | 'lesen' | 'gliederungPruefen'>;

/**
 * The comparison for Berichtsmonat t from Monatswerte of many Jobcenters (read, region chosen):
 * reads the Vergleichstypen if named, settles the peers and computes every group, indicator and
 * window. `vergleich` and `report` (its section) both make it here.
 */
export async function vergleichsmodell(mw: MonatswerteErgebnis, a: VergleichsAngaben, t: number, leser: Leser, notizen: Notizen, eingaben: EingabeInfo[]): Promise<VergleichModell> {
  const alle = mw.regionen!.schluessel;
  const liste = (ks: readonly string[]) => ks.map((k) => `„${k}“`).join(', ');

  let typen: Map<string, Zuordnung> | null = null;
  if (a.vergleichstypen) {
    typen = (await liesEingabe(leser, notizen, a.lesen, 'vergleichstypen', a.vergleichstypen, leseVergleichstypen, eingaben)).typen;
    // A key of the file that the table writes with other leading zeros (Excel) is the same Jobcenter, never silently another.
    const imTisch = new Map(alle.map((k) => [ohneFuehrendeNullen(k), k]));
    const verschoben = [...typen.keys()].filter((k) => !alle.includes(k) && imTisch.has(ohneFuehrendeNullen(k)));
    if (verschoben.length) {
      throw new KennzahlenFehler('eingabedaten', `${a.vergleichstypen}: ${liste(verschoben)} ${verschoben.length === 1 ? 'steht' : 'stehen'} in ${a.monatswerte} mit führenden Nullen (${liste(verschoben.map((k) => imTisch.get(ohneFuehrendeNullen(k))!))}).`, [], 'Die Schlüssel in beiden Dateien gleich schreiben, als Text mit führenden Nullen (in Excel die Spalte als Text formatieren).');
    }
    // Every row of the table counts for the Bund: one the file does not know (a total such as
    // Deutschland or a Land, or a Jobcenter without its type) would count twice or unseen.
    const fremd = alle.filter((k) => !typen!.has(k));
    if (fremd.length) {
      throw new KennzahlenFehler('eingabedaten', `${a.monatswerte}: ${fremd.length} ${fremd.length === 1 ? 'Zeile' : 'Regionen'} ohne Vergleichstyp in ${a.vergleichstypen}: ${liste(fremd.slice(0, 20))}${fremd.length > 20 ? ` und ${fremd.length - 20} weitere` : ''}.`, [], 'Summenzeilen (Deutschland, Länder) gehören nicht in den Vergleich: aus der Tabelle nehmen; ein Jobcenter ohne Typ in die Datei eintragen.');
    }
  } else {
    // Without the file, the table's keys must be Jobcenters' keys (five digits): a row of a total would be counted as a Jobcenter.
    const fremd = alle.filter((k) => !/^\d{5}$/.test(k));
    if (fremd.length) {
      throw new KennzahlenFehler('eingabedaten', `${a.monatswerte}: ${liste(fremd.slice(0, 20))} ${fremd.length === 1 ? 'ist kein Schlüssel' : 'sind keine Schlüssel'} eines Jobcenters (fünf Ziffern wie 05111).`, [], 'Summenzeilen (Deutschland, Länder) aus der Tabelle nehmen, oder mit --vergleichstypen sagen, welche Zeilen Jobcenter sind.');
    }
  }
  // Every row of the table is in the file (above), the own Jobcenter's among them.
  const eigen = typen?.get(a.jobcenter) ?? null;

  let gruppe: VergleichModell['gruppe'] | null = null;
  let peers: string[] = [];
  if (a.peers) {
    const fremd = a.peers.filter((k) => !alle.includes(k));
    if (fremd.length) {
      const gemeint = fremd.map((k) => mitAnderenNullen(alle, k)).filter((k): k is string => k !== undefined);
      throw nutzungsfehler(`--peers: ${liste(fremd)} ${fremd.length === 1 ? 'steht' : 'stehen'} nicht in ${a.monatswerte}${gemeint.length ? `; gemeint ${gemeint.length === 1 ? 'ist' : 'sind'} wohl ${liste(gemeint)} (Schlüssel mit führenden Nullen)` : ''}.`);
    }
    if (typen) notizen.hinweis(`--peers bestimmt die Vergleichsgruppe; ${a.vergleichstypen} gibt nur Namen und Länder.`);
    gruppe = { art: 'liste' };
    peers = [...new Set([a.jobcenter, ...a.peers])];
  } else if (a.nachbarn) {
    // Decided after the Berichtsmonat is known: the structure is that month's.
  } else if (eigen) {
    gruppe = { art: 'vergleichstyp', typ: eigen.vergleichstyp };
    const vomTyp = [...typen!].filter(([, z]) => z.vergleichstyp === eigen.vergleichstyp).map(([k]) => k);
    peers = vomTyp.filter((k) => alle.includes(k));
    const ohneWerte = vomTyp.filter((k) => !alle.includes(k));
    if (ohneWerte.length) notizen.hinweis(`Vergleichstyp ${eigen.vergleichstyp}: ohne Monatswerte in ${a.monatswerte}, also nicht verglichen: ${ohneWerte.join(', ')}.`);
  } else {
    gruppe = { art: 'alle' };
    peers = alle;
  }

  const landVon = (k: string) => typen?.get(k)?.land ?? null;
  const land = eigen?.land ?? null;
  if (land !== null) {
    const ohneLand = alle.filter((k) => !typen!.get(k)?.land);
    if (ohneLand.length) notizen.hinweis(`Land ${land}: ohne Angabe des Landes in ${a.vergleichstypen}, also in keinem Land gezählt: ${ohneLand.join(', ')}.`);
  }
  const spalten = new Set(mw.monatswerte.spalten);
  if (a.nachbarn) {
    const { k, merkmale } = a.nachbarn;
    const teile = merkmale.map((m) => m.split('/').map((x) => x.trim().toLowerCase()));
    const fremd = [...new Set(teile.flat())].filter((x) => !spalten.has(x));
    if (teile.some((t) => t.length > 2) || fremd.length) {
      throw nutzungsfehler(`--merkmale: ${fremd.length ? `${liste(fremd)} ${fremd.length === 1 ? 'ist keine Spalte' : 'sind keine Spalten'} der Monatswerte` : 'ein Merkmal ist eine Spalte oder ein Quotient a/b'}; vorhanden: ${mw.monatswerte.spalten.join(', ')}.`);
    }
    const wert = (reihe: Reihe | undefined, s: string) => {
      const w = reihe?.get(t)?.get(s);
      return typeof w === 'number' ? w : null;
    };
    const strukturen = alle.map((schluessel) => {
      const reihe = mw.alleRegionen.get(schluessel)?.get('gesamt');
      return {
        schluessel,
        werte: teile.map(([z, n]) => {
          const oben = wert(reihe, z);
          if (n === undefined || oben === null) return oben;
          const unten = wert(reihe, n);
          return unten === null || unten === 0 ? null : oben / unten;
        }),
      };
    });
    const { nachbarn, ohneWerte } = naechsteNachbarn(a.jobcenter, strukturen, k);
    if (ohneWerte.includes(a.jobcenter)) throw new KennzahlenFehler('eingabedaten', `--nachbarn: „${a.jobcenter}“ hat für ${deutscherMonat(t)} nicht alle Merkmale (${merkmale.join(', ')}); ohne sie gibt es keine Nachbarn.`);
    if (ohneWerte.length) notizen.hinweis(`--nachbarn: ohne alle Merkmale für ${deutscherMonat(t)}, also nicht als Nachbarn erwogen: ${ohneWerte.join(', ')}.`);
    if (nachbarn.length < k) notizen.hinweis(`--nachbarn ${k}: nur ${nachbarn.length} andere Jobcenter haben alle Merkmale.`);
    gruppe = { art: 'nachbarn', merkmale, abstaende: nachbarn };
    peers = [a.jobcenter, ...nachbarn.map((n) => n.schluessel)];
  }
  const defs = definitionen({ k1e3Nenner: a.k1e3Nenner });
  const eigeneGruppen = mw.alleRegionen.get(a.jobcenter)!;

  // The own Jobcenter's groups: the total first, then each breakdown it has.
  const namen = ['gesamt', ...[...eigeneGruppen.keys()].filter((g) => g !== 'gesamt').sort()];
  // A peer without rows of a group the own Jobcenter has (or with other labels for it) is not compared there: said.
  for (const g of namen) {
    const ohne = peers.filter((k) => !mw.alleRegionen.get(k)?.has(g));
    if (ohne.length) {
      const andere = [...new Set(ohne.flatMap((k) => [...(mw.alleRegionen.get(k)?.keys() ?? [])]).filter((x) => !namen.includes(x)))];
      notizen.hinweis(`Gruppe ${g}: keine Zeilen für ${ohne.join(', ')}, also dort nicht verglichen${andere.length ? ` (dort gibt es die Gruppen ${andere.join(', ')})` : ''}.`);
    }
  }
  if (a.gliederungPruefen) pruefeGliederung(a.monatswerte, mw.alleRegionen, namen.slice(1), t);
  const gruppen = namen.map((g) => {
    const einheit = (k: string): Einheit => ({ schluessel: k, reihe: mw.alleRegionen.get(k)?.get(g) as Reihe | undefined });
    const alleEinheiten = alle.map(einheit);
    const peerEinheiten = peers.map(einheit);
    // Each Jobcenter's indicator once per window; peer group, Land and Bund take theirs from it.
    const werte = (d: Definition, [von, bis]: [number, number]) => {
      const alleWerte = berechneAlle(d, alleEinheiten, spalten, von, bis);
      const nach = new Map(alleWerte.map((w) => [w.schluessel, w]));
      return { alleWerte, peerWerte: peers.map((k) => nach.get(k)!) };
    };
    const teil = (d: Definition, art: 'monat' | 'jfw'): Vergleichsfenster => {
      const { alleWerte, peerWerte } = werte(d, fenster(d, t, art));
      return {
        ...vergleicheWerte(d, a.jobcenter, peerWerte),
        land: land === null ? null : aggregatAus(d, alleWerte.filter((w) => landVon(w.schluessel) === land)),
        bund: aggregatAus(d, alleWerte),
      };
    };
    const kennzahlen = defs.map((d): VergleichKennzahl => {
      const vorjahr = berechneAlle(d, peerEinheiten, spalten, ...fenster(d, t - 12, 'monat'));
      return { definition: d, monat: teil(d, 'monat'), jfw: teil(d, 'jfw'), rangVorjahr: vergleicheWerte(d, a.jobcenter, vorjahr).rang };
    });
    return { gruppe: g, kennzahlen };
  });
  return {
    jobcenter: a.jobcenter, name: eigen?.name ?? null, land, berichtsmonat: t, gruppe: gruppe!, peers, eingaben, gruppen,
    schluessel: alle, landSchluessel: land === null ? null : alle.filter((k) => landVon(k) === land), reihen: mw.alleRegionen,
  };
}

/**
 * The groups of every Jobcenter add up to at most its total, in every month and column the
 * comparison prints (t−23 … t): one breakdown (with a rest such as divers or unknown), not two in
 * one table (sex and age), whose groups disclosure control would relate to the total as if they
 * were one. The numbers cannot tell two breakdowns from groups that contradict their total, so
 * the message names both.
 */
function pruefeGliederung(datei: string, regionen: ReadonlyMap<string, ReadonlyMap<string, Reihe>>, gruppen: readonly string[], t: number): void {
  if (gruppen.length < 2) return;
  for (const [k, je] of regionen) {
    const gesamt = je.get('gesamt');
    if (!gesamt) continue;
    for (const [monat, zeile] of gesamt) {
      if (monat < t - 23 || monat > t) continue;
      for (const [spalte, w] of zeile) {
        if (typeof w !== 'number' || BETRAGS_SPALTEN.has(spalte)) continue;
        let summe = 0;
        for (const g of gruppen) {
          const x = je.get(g)?.get(monat)?.get(spalte);
          if (typeof x === 'number') summe += x;
        }
        if (summe > w) {
          throw new KennzahlenFehler('eingabedaten', `${datei}: die Gruppen ${gruppen.join(', ')} von „${k}“ ergeben ${isoMonat(monat)} in ${spalte} ${summe}, mehr als gesamt (${w}). Das sind mehrere Gliederungen in einer Tabelle oder Gruppen, die ihrer Summe widersprechen; --suppress-below muss wissen, welche Gruppen sich zum Ganzen ergänzen.`, [], 'Je Gliederung eine Tabelle vergleichen (z. B. nur Frauen und Männer) und die Zeile prüfen, oder ohne --suppress-below.');
        }
      }
    }
  }
}
