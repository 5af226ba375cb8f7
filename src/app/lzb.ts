// `lzb`: LZB classification at the Stichtage of one or more months (docs/vertrag.md §4.1).

import { deutscherMonat, isoMonat } from '../core/kalender.js';
import { klassifiziere } from '../core/lzb/klassifikation.js';
import { letzterMonat } from '../core/lzb/stichtage.js';
import { gruppierung, MERKMAL_SPALTE, type Merkmal } from '../core/merkmale.js';
import type { PersonRegister } from '../core/zeitlinien.js';
import { KennzahlenFehler } from '../fehler.js';
import { STANDARD_DARSTELLUNG } from '../report/darstellung.js';
import { grundText, type LzbBericht } from '../report/lzb-bericht.js';
import { fuehreAus, type Ergebnis, type Leser } from './ergebnis.js';
import { berichtsmonate, lesePersonendaten, pruefeMerkmale, pruefeMonate, type MonatsAuswahl, type PersonenAnfrage } from './personendaten.js';

export interface LzbAnfrage {
  personen: PersonenAnfrage;
  monate: MonatsAuswahl;
  nach: Merkmal | null;
  /** Also the list of persons of the reporting month. */
  liste: boolean;
  jobcenter: string | null;
}

export interface LzbModell {
  bericht: LzbBericht;
  /** To name persons in the list. */
  register: PersonRegister;
}

export function lzb(a: LzbAnfrage, leser: Leser): Promise<Ergebnis<LzbModell>> {
  return fuehreAus(async (notizen) => {
    const daten = await lesePersonendaten(a.personen, leser, notizen);
    if (a.nach) pruefeMerkmale(daten, a.personen.dateien.personen, [{ wer: `--nach ${a.nach}`, spalten: [MERKMAL_SPALTE[a.nach]] }]);
    const { regel, abdeckung, zeitlinien, merkmale, register } = daten;
    const { von, bis } = berichtsmonate(a.monate, () => letzterMonat(regel, abdeckung), notizen);
    pruefeMonate(daten, von, bis);

    const ergebnis = klassifiziere(zeitlinien, {
      regel,
      von,
      bis,
      abdeckung,
      gruppierung: a.nach && merkmale ? gruppierung(a.nach, merkmale) : undefined,
      listeFuer: a.liste ? bis : undefined,
    });
    const letzter = ergebnis.monate[ergebnis.monate.length - 1];
    const gruende = () => letzter.nichtBerechenbar.map((g) => grundText(regel, g, STANDARD_DARSTELLUNG)).join('; ');
    if (letzter.werte.lzb === null) notizen.hinweis(`LZB im Berichtsmonat ${deutscherMonat(bis)} nicht berechenbar: ${gruende()}.`);
    if (a.liste && !ergebnis.liste) {
      throw new KennzahlenFehler('eingabedaten', `--list: der Berichtsmonat ${isoMonat(bis)} ist nicht berechenbar, also auch keine Personenliste.`, [], gruende());
    }
    const bericht: LzbBericht = { jobcenter: a.jobcenter, regel, berichtsmonat: bis, datenAb: abdeckung.datenAb, datenstand: abdeckung.datenstand, eingaben: daten.eingaben, nach: a.nach, ergebnis };
    return { modell: { bericht, register } };
  });
}
