// The § 48a report as a workbook (docs/vertrag.md §6): the indicators under the title block, the
// groups, the targets, the indicators' monthly series, the notes and the inputs, a sheet each.
// Values come suppressed from the same entries as JSON and CSV; the series from the same judgement
// as the HTML charts.

import { monatTeile } from '../core/kalender.js';
import { einheitVon, type Definition } from '../core/kennzahlen/definitionen.js';
import type { KennzahlWert } from '../core/kennzahlen/kennzahlen.js';
import { anzahl, euro, feldVon, hinweisBlatt, jobcenterAngabe, monatsFeld, prozent, titelblock, veraenderung, wertFormat, type Arbeitsmappe, type Blatt, type Feld, type Zahl } from './arbeitsmappe.js';
import { texte, type Darstellung } from './darstellung.js';
import { eingabenBlatt } from './eingaben.js';
import { vergleichMappe } from './vergleich.js';
import { kennzahlenSperre, vergleichSperre, zaehltPersonen, type KennzahlenSperre } from './geheimhaltung.js';
import { GESAMT_UND_GESCHLECHT_NAMEN, gruppenName } from './gruppen.js';
import type { KennzahlenBericht } from './kennzahlen-bericht.js';
import { jfwSpanne, kennzahlenHinweise, kennzahlenSperrText, kennzahlenTitel, vorgabeText, ZIEL_STATUS, zieleErklaerung } from './kennzahlen-dokument.js';
import { kennzahlEintrag, zielEintrag } from './kennzahlen-json.js';


/** Numerators and denominators: counts (a mean stock with a decimal), or the euro sums of K1 and K1E1. */
const teilFormat = (def: Definition) => (zaehltPersonen(def) ? (w: number) => anzahl(w) : euro);

/** Value, previous year, year to date and its previous year, numerator and denominator of the month. */
function kennzahlFelder(s: KennzahlenSperre, gruppe: string, k: KennzahlWert, d: Darstellung): Feld[] {
  const j = kennzahlEintrag(s, gruppe, k, d);
  const wert = wertFormat(j.einheit);
  const teil = teilFormat(k.definition);
  return [
    j.id, j.name,
    feldVon(j.wert_exakt, wert), feldVon(j.vorjahr_exakt, wert), feldVon(j.jahresfortschritt.wert_exakt, wert), feldVon(j.jahresfortschritt.vorjahr_exakt, wert),
    feldVon(j.zaehler, teil), feldVon(j.nenner, teil),
  ];
}

export function kennzahlenMappe(b: KennzahlenBericht, d: Darstellung): Arbeitsmappe {
  const tx = texte(d);
  const { L } = tx;
  const t = b.berichtsmonat;
  const jahr = monatTeile(t).jahr;
  const s = kennzahlenSperre(b, d);
  const titel = kennzahlenTitel(b, d);
  const werteKopf = [tx.monat(t), tx.monat(t - 12), `${L('JFW', 'YTD')} ${jahr}`, `${L('JFW', 'YTD')} ${jahr - 1}`, L('Zähler', 'Numerator'), L('Nenner', 'Denominator')];
  const blaetter: Blatt[] = [];

  blaetter.push({
    name: L('Kennzahlen', 'Indicators'),
    kopfblock: titelblock(titel, [
      jobcenterAngabe(b.jobcenter, d),
      [L('Berichtsmonat', 'Reporting month'), tx.monat(t)],
      [L('Datenstand', 'Data as of'), tx.datum(b.datenstand)],
      [L('Jahresfortschritt (JFW)', 'Year to date (YTD)'), jfwSpanne(t, d)],
    ], d, b.demo),
    kopf: ['ID', L('Kennzahl', 'Indicator'), ...werteKopf],
    zeilen: b.kennzahlen.map((k) => kennzahlFelder(s, 'gesamt', k, d)),
  });

  if (b.gruppen.length) {
    blaetter.push({
      name: L('Gruppen', 'Groups'),
      kopfblock: [],
      kopf: [L('Gruppe', 'Group'), 'ID', L('Kennzahl', 'Indicator'), ...werteKopf],
      zeilen: b.gruppen.flatMap((g) => g.kennzahlen.map((k) => [gruppenName(GESAMT_UND_GESCHLECHT_NAMEN, g.gruppe, L), ...kennzahlFelder(s, g.gruppe, k, d)])),
    });
  }

  if (b.ziele) {
    blaetter.push({
      name: L('Ziele', 'Targets'),
      kopfblock: [],
      kopf: [
        L('Ziel', 'Target'), L('Wortlaut', 'In full'), L('Vorgabe', 'Bound'), L('Ist (JFW)', 'Actual (YTD)'), L('Vorjahr', 'Prev. year'), L('Soll', 'Target value'),
        L('Abweichung (Pp bzw. Anzahl)', 'Deviation (pp or count)'), L('Abweichung relativ', 'Relative deviation'), 'Status', L('Hochrechnung Dez.', 'Projection Dec.'), L('Soll Dez.', 'Target Dec.'),
      ],
      zeilen: b.ziele.ergebnisse.map((z) => {
        const j = zielEintrag(s, z, d);
        // Quotas to two decimals as the targets are agreed (3,25 %), counts with the decimal of a share of a year.
        const wert = (w: number): Zahl => (z.einheit === 'anzahl' ? anzahl(w) : z.einheit === 'prozent' ? prozent(w, 2) : veraenderung(w, 2));
        const differenz = (w: number): Zahl => ({ zahl: w, format: 'differenz', stellen: z.einheit === 'anzahl' && Number.isInteger(w) ? 0 : 2 });
        return [
          j.bezeichnung, j.name, vorgabeText(z, t, d),
          feldVon(j.ist, wert), feldVon(j.vorjahr, wert), feldVon(j.soll, wert),
          feldVon(j.abweichung_punkte, differenz),
          // A change relative to a change says nothing the points do not (as in the report's table).
          z.einheit === 'veraenderung_prozent' ? null : feldVon(j.abweichung_prozent, (w) => veraenderung(w)),
          L(...ZIEL_STATUS[z.status]),
          feldVon(j.hochrechnung, (w) => (z.einheit === 'anzahl' ? anzahl(w, 0) : wert(w))),
          feldVon(j.soll_dezember, wert),
        ];
      }),
    });
  }

  // The series the HTML charts draw, with the same cells hidden.
  const verlauf = b.grafikdaten().verlauf;
  const reihe: Feld[][] = [];
  for (const k of b.kennzahlen) {
    const v = verlauf.kennzahlen.get(k.definition.id);
    if (!v) continue;
    const wert = wertFormat(einheitVon(k.definition.formel));
    const feld = (i: number, be = v.monat[i]) => feldVon(s.berechnung('gesamt', k.definition, be) ? '*' : be.wert, wert);
    v.monat.forEach((_, i) => reihe.push([monatsFeld(verlauf.von + i), k.definition.id, tx.en ? k.definition.nameEn : k.definition.name, feld(i), feld(i, v.jfw[i])]));
  }
  blaetter.push({ name: L('Monatsreihe', 'Monthly series'), kopfblock: [], kopf: [L('Monat', 'Month'), 'ID', L('Kennzahl', 'Indicator'), L('Monatswert', 'Monthly value'), L('Jahresfortschritt', 'Year to date')], zeilen: reihe });

  const hinweise: [string, string][] = [];
  if (d.unter !== null) hinweise.push(['*', kennzahlenSperrText(d.unter, d)]);
  for (const h of kennzahlenHinweise(b, d)) hinweise.push([h.bezug, h.text]);
  if (b.ziele) hinweise.push([L('Ziele', 'Targets'), zieleErklaerung(jahr, d)]);
  blaetter.push(hinweisBlatt(hinweise, d));
  // With peers given: the ranking and the whole matrix, as `vergleich` writes them.
  if (b.vergleich) {
    const [rangliste, matrix] = vergleichMappe(b.vergleich, d, vergleichSperre(b.vergleich, d, b)).blaetter;
    blaetter.push({ ...rangliste, kopfblock: [] }, { ...matrix, name: L('Vergleichsmatrix', 'Comparison matrix') });
  }

  blaetter.push(eingabenBlatt(b.eingaben, d));
  return { titel, erstellt: d.stempel, blaetter };
}
