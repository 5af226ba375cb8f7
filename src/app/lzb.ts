// `lzb`: LZB classification at the Stichtage of one or more months (docs/vertrag.md §4.1).

import { deutscherMonat, isoMonat } from '../core/kalender.js';
import { gruppierung } from '../core/merkmale.js';
import type { PersonRegister } from '../core/zeitlinien.js';
import { KennzahlenFehler } from '../fehler.js';
import { STANDARD_DARSTELLUNG } from '../report/darstellung.js';
import { grundText, type LzbBericht } from '../report/lzb-bericht.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { wirkungslos } from './lesen.js';
import { leseReihe, type ReihenAnfrage } from './personendaten.js';
import { klassifiziereMitThreads } from './teilrechnung.js';

export interface LzbAnfrage extends ReihenAnfrage {
  /** Also the list of persons of the reporting month. */
  liste: boolean;
}

export interface LzbModell {
  bericht: LzbBericht;
  /** To name persons in the list. */
  register: PersonRegister;
}

export function lzb(a: LzbAnfrage, leser: Leser): Promise<Ergebnis<LzbModell>> {
  return fuehreAus(async (notizen) => {
    const { daten, von, bis } = await leseReihe(a, leser, notizen);
    const { regel, abdeckung, zeitlinien, merkmale, register } = daten;

    const auftrag = {
      regel,
      von,
      bis,
      abdeckung,
      gruppierung: a.nach && merkmale ? gruppierung(a.nach, merkmale) : undefined,
      listeFuer: a.liste ? bis : undefined,
    };
    const ergebnis = await klassifiziereMitThreads(zeitlinien, merkmale, auftrag, a.personen.lesen.threads);
    const letzter = ergebnis.monate[ergebnis.monate.length - 1];
    const gruende = () => letzter.nichtBerechenbar.map((g) => grundText(regel, g, STANDARD_DARSTELLUNG)).join('; ');
    if (letzter.werte.lzb === null) notizen.hinweis(`LZB im Berichtsmonat ${deutscherMonat(bis)} nicht berechenbar: ${gruende()}.`);
    if (a.liste && !ergebnis.liste) {
      throw new KennzahlenFehler('eingabedaten', `--list: der Berichtsmonat ${isoMonat(bis)} ist nicht berechenbar, also auch keine Personenliste.`, [], gruende());
    }
    const bericht: LzbBericht = { jobcenter: a.jobcenter, regel, berichtsmonat: bis, datenAb: abdeckung.datenAb, datenstand: abdeckung.datenstand, eingaben: daten.eingaben, nach: a.nach, ergebnis };
    for (const t of wirkungslos(a.personen.lesen, daten.eingaben)) notizen.hinweis(t);
    return { modell: { bericht, register } };
  });
}
