// The fifteen indicators of § 48a SGB II (docs/vertrag.md §4.3), as data: which columns, which formula, which
// direction is good. One formula family serves the monthly value (window t−11 … t or the month t)
// and the year-to-date value (window January … t).

export type Richtung = 'hoch' | 'runter' | 'neutral';
export type Einheit = 'prozent' | 'veraenderung_prozent';

export type Formel =
  /** (X(window) / X(window − 12) − 1)·100, X summed or averaged over the window. */
  | { art: 'veraenderung'; spalte: string; jahreswert: 'summe' | 'mittel' }
  /** Σ events over the window / mean stock over the window shifted back one month ·100. */
  | { art: 'quote'; ereignis: string; bestand: string }
  /** Σ flows over the window / Σ stocks over the window shifted back `versatz` months ·100. */
  | { art: 'rate'; fluss: string; bestand: string; versatz: 0 | 1 }
  /** Σ a / Σ b over the same window ·100. */
  | { art: 'anteil'; teil: string; ganzes: string };

export interface Definition {
  id: string;
  name: string;
  /** A short label for tables. */
  kurz: string;
  /** English name and short label (`--lang en`). */
  nameEn: string;
  kurzEn: string;
  formel: Formel;
  richtung: Richtung;
  /** Months the monthly value covers: 12 (t−11 … t) or 1 (the Bezugsmonat only). */
  monate: 1 | 12;
}

/** K1E3's denominators: the stock of the Bezugsmonat (VO wording, the default) or of the previous month. */
export const K1E3_NENNER = ['bezugsmonat', 'vormonat'] as const;

export interface KennzahlEinstellungen {
  k1e3Nenner: (typeof K1E3_NENNER)[number];
}

export const STANDARD_KENNZAHL_EINSTELLUNGEN: KennzahlEinstellungen = { k1e3Nenner: 'bezugsmonat' };

export function definitionen(e: KennzahlEinstellungen = STANDARD_KENNZAHL_EINSTELLUNGEN): Definition[] {
  return [
    { id: 'K1', nameEn: 'Change in the sum of benefits for subsistence', kurzEn: 'Subsistence benefits, change', kurz: 'Leistungen zum Lebensunterhalt, Veränderung', name: 'Veränderung der Summe der Leistungen zum Lebensunterhalt', formel: { art: 'veraenderung', spalte: 'llu', jahreswert: 'summe' }, richtung: 'runter', monate: 1 },
    { id: 'K1E1', nameEn: 'Change in the sum of benefits for accommodation and heating', kurzEn: 'Accommodation and heating, change', kurz: 'Unterkunft und Heizung, Veränderung', name: 'Veränderung der Summe der Leistungen für Unterkunft und Heizung', formel: { art: 'veraenderung', spalte: 'luh', jahreswert: 'summe' }, richtung: 'runter', monate: 1 },
    { id: 'K1E2', nameEn: 'Change in the number of employable beneficiaries', kurzEn: 'Employable beneficiaries, change', kurz: 'Zahl der ELB, Veränderung', name: 'Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten', formel: { art: 'veraenderung', spalte: 'elb', jahreswert: 'mittel' }, richtung: 'runter', monate: 1 },
    { id: 'K1E3', nameEn: 'Average inflow rate of employable beneficiaries', kurzEn: 'Inflow rate ELB', kurz: 'Zugangsrate ELB', name: 'Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten', formel: { art: 'rate', fluss: 'elb_zugaenge', bestand: 'elb', versatz: e.k1e3Nenner === 'vormonat' ? 1 : 0 }, richtung: 'neutral', monate: 12 },
    { id: 'K1E4', nameEn: 'Average outflow rate of employable beneficiaries', kurzEn: 'Outflow rate ELB', kurz: 'Abgangsrate ELB', name: 'Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten', formel: { art: 'rate', fluss: 'elb_abgaenge', bestand: 'elb', versatz: 1 }, richtung: 'neutral', monate: 12 },
    { id: 'K2', nameEn: 'Integration rate', kurzEn: 'Integration rate', kurz: 'Integrationsquote', name: 'Integrationsquote', formel: { art: 'quote', ereignis: 'integrationen', bestand: 'elb' }, richtung: 'hoch', monate: 12 },
    { id: 'K2E1', nameEn: 'Rate of entries into marginal employment', kurzEn: 'Entries marginal employment', kurz: 'Eintritte geringfügige Beschäftigung', name: 'Quote der Eintritte in geringfügige Beschäftigung', formel: { art: 'quote', ereignis: 'eintritte_geringfuegig', bestand: 'elb' }, richtung: 'neutral', monate: 12 },
    { id: 'K2E2', nameEn: 'Rate of entries into publicly funded employment', kurzEn: 'Entries publicly funded employment', kurz: 'Eintritte öffentlich geförderte Beschäftigung', name: 'Quote der Eintritte in öffentlich geförderte Beschäftigung', formel: { art: 'quote', ereignis: 'eintritte_oeffentlich', bestand: 'elb' }, richtung: 'neutral', monate: 12 },
    { id: 'K2E3', nameEn: 'Continuous employment after integration', kurzEn: 'Continuous employment after integration', kurz: 'Kontinuierliche Beschäftigung nach Integration', name: 'Kontinuierliche Beschäftigung nach Integration', formel: { art: 'anteil', teil: 'integrationen_kontinuierlich', ganzes: 'integrationen' }, richtung: 'hoch', monate: 12 },
    { id: 'K2E4', nameEn: 'Integration rate of single parents', kurzEn: 'Integration rate single parents', kurz: 'Integrationsquote Alleinerziehende', name: 'Integrationsquote der Alleinerziehenden', formel: { art: 'quote', ereignis: 'integrationen_ae', bestand: 'elb_ae' }, richtung: 'hoch', monate: 12 },
    { id: 'K3', nameEn: 'Change in the stock of long-term beneficiaries', kurzEn: 'Long-term beneficiaries, change', kurz: 'Bestand LZB, Veränderung', name: 'Veränderung des Bestands an Langzeitleistungsbeziehenden', formel: { art: 'veraenderung', spalte: 'lzb', jahreswert: 'mittel' }, richtung: 'runter', monate: 1 },
    { id: 'K3E1', nameEn: 'Integration rate of long-term beneficiaries', kurzEn: 'Integration rate LZB', kurz: 'Integrationsquote LZB', name: 'Integrationsquote der Langzeitleistungsbeziehenden', formel: { art: 'quote', ereignis: 'integrationen_lzb', bestand: 'lzb' }, richtung: 'hoch', monate: 12 },
    { id: 'K3E2', nameEn: 'Activation rate of long-term beneficiaries', kurzEn: 'Activation rate LZB', kurz: 'Aktivierungsquote LZB', name: 'Aktivierungsquote der Langzeitleistungsbeziehenden', formel: { art: 'anteil', teil: 'lzb_aktiviert', ganzes: 'lzb' }, richtung: 'hoch', monate: 1 },
    { id: 'K3E3', nameEn: 'Average inflow rate of long-term beneficiaries', kurzEn: 'Inflow rate LZB', kurz: 'Zugangsrate LZB', name: 'Durchschnittliche Zugangsrate der Langzeitleistungsbeziehenden', formel: { art: 'rate', fluss: 'lzb_zugaenge', bestand: 'lzb', versatz: 0 }, richtung: 'runter', monate: 12 },
    { id: 'K3E4', nameEn: 'Average outflow rate of long-term beneficiaries', kurzEn: 'Outflow rate LZB', kurz: 'Abgangsrate LZB', name: 'Durchschnittliche Abgangsrate der Langzeitleistungsbeziehenden', formel: { art: 'rate', fluss: 'lzb_abgaenge', bestand: 'lzb', versatz: 1 }, richtung: 'neutral', monate: 12 },
  ];
}

export const einheitVon = (f: Formel): Einheit => (f.art === 'veraenderung' ? 'veraenderung_prozent' : 'prozent');
