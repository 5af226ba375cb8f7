// `vergleich`: the own Jobcenter among its peers (docs/vertrag.md §4.5), from Monatswerte of many
// Jobcenters in one table. The peers are its Vergleichstyp (`--vergleichstypen`), a list
// (`--peers`) or every row; the Land and the whole table (Bund) are aggregated beside them.

import { deutscherMonat, isoMonat } from '../core/kalender.js';
import { definitionen, type Definition, type KennzahlEinstellungen } from '../core/kennzahlen/definitionen.js';
import type { EingabeInfo } from '../core/modell.js';
import { letzterMonatMitWerten, type Reihe } from '../core/monatswerte/monatswerte.js';
import { aggregat, fenster, vergleiche, type Einheit } from '../core/vergleich/vergleich.js';
import type { Vergleichsfenster, VergleichKennzahl, VergleichModell } from '../report/vergleich-bericht.js';
import { KennzahlenFehler, nutzungsfehler } from '../fehler.js';
import { leseMonatswerte } from '../input/monatswerte.js';
import { leseVergleichstypen, type Zuordnung } from '../input/vergleichstypen.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { dezimal, liesEingabe, wirkungslos, type LeseAnfrage } from './lesen.js';
import { berichtsmonate } from './personendaten.js';
import { waehleRegion } from './report.js';

export interface VergleichAnfrage {
  monatswerte: string;
  vergleichstypen?: string;
  /** `--peers`: the peer group's keys (the own Jobcenter belongs to it anyway). */
  peers: string[] | null;
  jobcenter: string;
  monat?: number;
  k1e3Nenner: KennzahlEinstellungen['k1e3Nenner'];
  lesen: LeseAnfrage;
}

export function vergleich(a: VergleichAnfrage, leser: Leser): Promise<Ergebnis<VergleichModell>> {
  return fuehreAus(async (notizen) => {
    const eingaben: EingabeInfo[] = [];
    const mw = await liesEingabe(leser, notizen, a.lesen, 'monatswerte', a.monatswerte, (t) => leseMonatswerte(t, dezimal(a.lesen, t), new Set(), a.jobcenter), eingaben);
    if (!mw.regionen) {
      throw nutzungsfehler(`${a.monatswerte}: die Monatswerte sind für ein Jobcenter; ein Vergleich braucht eine Tabelle mehrerer (Spalte Regionalschlüssel, JC-Nr, region oder jobcenter).`);
    }
    waehleRegion(a.monatswerte, mw.regionen, a.jobcenter);
    const alle = mw.regionen.schluessel;

    let typen: Map<string, Zuordnung> | null = null;
    if (a.vergleichstypen) {
      typen = (await liesEingabe(leser, notizen, a.lesen, 'vergleichstypen', a.vergleichstypen, leseVergleichstypen, eingaben)).typen;
    }
    const eigen = typen?.get(a.jobcenter) ?? null;
    if (typen && !eigen) {
      throw new KennzahlenFehler('eingabedaten', `${a.vergleichstypen}: kein Vergleichstyp für das Jobcenter „${a.jobcenter}“.`, [], 'Die Datei braucht eine Zeile mit seinem Regionalschlüssel, wie er in den Monatswerten steht.');
    }

    let gruppe: VergleichModell['gruppe'];
    let peers: string[];
    if (a.peers) {
      const fremd = a.peers.filter((k) => !alle.includes(k));
      if (fremd.length) throw nutzungsfehler(`--peers: ${fremd.map((k) => `„${k}“`).join(', ')} ${fremd.length === 1 ? 'steht' : 'stehen'} nicht in ${a.monatswerte}.`);
      gruppe = { art: 'liste' };
      peers = [...new Set([a.jobcenter, ...a.peers])];
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

    const eigeneGruppen = mw.alleRegionen.get(a.jobcenter)!;
    const letzter = () => {
      const m = letzterMonatMitWerten({ spalten: [], gruppen: new Map(eigeneGruppen) });
      if (m === null) throw nutzungsfehler(`${a.monatswerte}: keine Monate für „${a.jobcenter}“; --monat JJJJ-MM nennt den Berichtsmonat.`);
      return m;
    };
    const t = berichtsmonate({ bis: a.monat }, letzter, notizen).bis;
    const stand = letzter();
    if (t > stand) throw new KennzahlenFehler('eingabedaten', `Der Berichtsmonat ${deutscherMonat(t)} liegt nach dem letzten Monat von „${a.jobcenter}“ in ${a.monatswerte} (${deutscherMonat(stand)}).`, [], `--monat ${isoMonat(stand)} (oder früher).`);

    const spalten = new Set(mw.monatswerte.spalten);
    const defs = definitionen({ k1e3Nenner: a.k1e3Nenner });
    const landVon = (k: string) => typen?.get(k)?.land ?? null;
    const land = eigen?.land ?? null;
    // The own Jobcenter's groups: the total first, then each breakdown it has.
    const namen = ['gesamt', ...[...eigeneGruppen.keys()].filter((g) => g !== 'gesamt').sort()];
    const gruppen = namen.map((g) => {
      const einheit = (k: string): Einheit => ({ schluessel: k, land: landVon(k) ?? undefined, reihe: mw.alleRegionen.get(k)?.get(g) as Reihe | undefined });
      const peerEinheiten = peers.map(einheit);
      const alleEinheiten = alle.map(einheit);
      const imLand = land === null ? null : alleEinheiten.filter((e) => e.land === land);
      const teil = (d: Definition, art: 'monat' | 'jfw'): Vergleichsfenster => {
        const [von, bis] = fenster(d, t, art);
        return {
          ...vergleiche(d, a.jobcenter, peerEinheiten, spalten, von, bis),
          land: imLand ? aggregat(d, imLand, spalten, von, bis) : null,
          bund: aggregat(d, alleEinheiten, spalten, von, bis),
        };
      };
      const kennzahlen = defs.map((d): VergleichKennzahl => {
        const [von, bis] = fenster(d, t - 12, 'monat');
        return { definition: d, monat: teil(d, 'monat'), jfw: teil(d, 'jfw'), rangVorjahr: vergleiche(d, a.jobcenter, peerEinheiten, spalten, von, bis).rang };
      });
      return { gruppe: g, kennzahlen };
    });
    for (const text of wirkungslos(a.lesen, eingaben)) notizen.hinweis(text);
    return { modell: { jobcenter: a.jobcenter, name: eigen?.name ?? null, land, berichtsmonat: t, gruppe, peers, alle: alle.length, eingaben, gruppen } };
  });
}
