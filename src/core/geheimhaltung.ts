// Sekundäre Geheimhaltung: which printed counts must become `*` so that no small count (1 … N−1)
// can be read or worked out by adding and subtracting what is printed.
//
// A table is a set of cells (printed or implicit, like the residual group nobody prints) and linear
// relations between them (a total is the sum of its groups, a stock changes by its flows). Printed
// cells that are not suppressed are known to every reader; all others are unknowns. A cell is
// derivable when the relations fix its value given the known cells, i.e. when its unit vector lies
// in the row space of the relations restricted to the unknowns. Primary suppression hides the small
// printed cells; secondary suppression then hides further printed cells until no small cell is
// derivable any more.
//
// Pure: no files, no console, no clock. Same input, same output.

/** A value of the table. */
export interface Zelle {
  /** Whole number; the relations are checked on these values. */
  wert: number;
  /** Printed in the report (true) or only implied by what is printed (false, e.g. a residual group). */
  veroeffentlicht: boolean;
  /**
   * The number the threshold is applied to, if not `wert`: a mean stock is printed as the mean of a
   * window, while the relations need the window's sum.
   */
  pruefwert?: number;
}

/** One term of a relation. */
export interface Glied {
  zelle: number;
  faktor: 1 | -1;
}

/** Σ faktor · wert = 0 over the terms. */
export type Bedingung = readonly Glied[];

export interface Sperrung {
  /** Per cell: 0 = shown, 1 = suppressed because small (primary), 2 = suppressed to protect another (secondary). */
  art: Uint8Array;
  /** Secondary suppressions in the order they were chosen (those found redundant at the end left out). */
  sekundaer: number[];
}

/** Is a value small enough to be protected? Zero is not: BA tables print it as `-`. */
export const empfindlich = (w: number, unter: number): boolean => w > 0 && w < unter;

type Zeile = Map<number, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function ggt(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The relations in a reduced form, kept up to date while unknowns are added: every row is either a
 * pivot row (its pivot column is an unknown that no other row has) or a row without unknowns (a
 * relation among known cells only). Integer rows, divided by their gcd, stay exact without fractions.
 */
class Reduktion {
  /** Rows are never changed once made (an elimination makes a new one), so copies share them. */
  private zeilen: Zeile[] = [];
  /** Column → rows with a nonzero entry there. */
  private spalten: Set<number>[];
  /** Which column sets this copy may change; the others it shares with its copies and clones before changing. */
  private eigen: Uint8Array;
  private pivotZeile: Int32Array;
  private pivotSpalte: number[] = [];
  private unbekannt: Uint8Array;

  constructor(unbekannt: Uint8Array) {
    this.unbekannt = unbekannt;
    this.spalten = Array.from({ length: unbekannt.length }, () => new Set<number>());
    this.eigen = new Uint8Array(unbekannt.length).fill(1);
    this.pivotZeile = new Int32Array(unbekannt.length).fill(-1);
  }

  /**
   * A copy to try a change on. Cheap: rows and column sets are shared until one side changes a
   * column set (the last pass tries one copy per secondary cell, on models of 10⁵ cells).
   */
  kopie(): Reduktion {
    const k = new Reduktion(new Uint8Array(0));
    k.unbekannt = this.unbekannt.slice();
    k.zeilen = this.zeilen.slice();
    k.spalten = this.spalten.slice();
    this.eigen.fill(0);
    k.eigen = new Uint8Array(this.eigen.length);
    k.pivotZeile = this.pivotZeile.slice();
    k.pivotSpalte = [...this.pivotSpalte];
    return k;
  }

  /** Column k's set of rows, this copy's own to change. */
  private spalte(k: number): Set<number> {
    if (!this.eigen[k]) {
      this.spalten[k] = new Set(this.spalten[k]);
      this.eigen[k] = 1;
    }
    return this.spalten[k];
  }

  /** Row r := p[c]·r − r[c]·p, which clears column c of r. */
  private tilge(r: number, p: number, c: number): void {
    const alt = this.zeilen[r], piv = this.zeilen[p];
    const a = piv.get(c)!, b = alt.get(c)!;
    const neu: Zeile = new Map();
    for (const [k, v] of alt) neu.set(k, a * v);
    for (const [k, v] of piv) {
      const w = (neu.get(k) ?? 0n) - b * v;
      if (w === 0n) neu.delete(k);
      else neu.set(k, w);
    }
    let g = 0n;
    for (const v of neu.values()) g = ggt(g, v);
    if (g > 1n) for (const [k, v] of neu) neu.set(k, v / g);
    for (const k of alt.keys()) if (!neu.has(k)) this.spalte(k).delete(r);
    for (const k of neu.keys()) if (!alt.has(k)) this.spalte(k).add(r);
    this.zeilen[r] = neu;
  }

  /** Makes row r the pivot row of unknown column c and clears c from every other row. */
  private pivot(r: number, c: number): void {
    this.pivotZeile[c] = r;
    this.pivotSpalte[r] = c;
    for (const q of [...this.spalten[c]]) if (q !== r) this.tilge(q, r, c);
  }

  fuegeEin(glieder: Bedingung): void {
    const zeile: Zeile = new Map();
    for (const { zelle, faktor } of glieder) {
      const w = (zeile.get(zelle) ?? 0n) + BigInt(faktor);
      if (w === 0n) zeile.delete(zelle);
      else zeile.set(zelle, w);
    }
    if (!zeile.size) return;
    const r = this.zeilen.length;
    this.zeilen.push(zeile);
    this.pivotSpalte.push(-1);
    for (const k of zeile.keys()) this.spalte(k).add(r);
    // Pivot rows have zeros in each other's pivot columns, so clearing one never brings back another.
    for (const c of [...zeile.keys()]) {
      const p = this.pivotZeile[c];
      if (p >= 0 && this.zeilen[r].has(c)) this.tilge(r, p, c);
    }
    let c = -1;
    for (const k of this.zeilen[r].keys()) if (this.unbekannt[k] && (c < 0 || k < c)) c = k;
    if (c >= 0) this.pivot(r, c);
  }

  /** Cell c becomes unknown: a relation among known cells that contains it now pins it down. */
  machUnbekannt(c: number): void {
    this.unbekannt[c] = 1;
    let s = -1;
    for (const q of this.spalten[c]) if (this.pivotSpalte[q] < 0 && (s < 0 || q < s)) s = q;
    if (s >= 0) this.pivot(s, c);
  }

  /** Cell c becomes known: its pivot row, if it has one, needs another unknown as pivot or relates known cells only. */
  machBekannt(c: number): void {
    this.unbekannt[c] = 0;
    const r = this.pivotZeile[c];
    if (r < 0) return;
    this.pivotZeile[c] = -1;
    this.pivotSpalte[r] = -1;
    let j = -1;
    for (const k of this.zeilen[r].keys()) if (this.unbekannt[k] && (j < 0 || k < j)) j = k;
    if (j >= 0) this.pivot(r, j);
  }

  /** Is unknown i fixed by the known cells? Exactly when its pivot row has no other unknown. */
  bestimmt(i: number): boolean {
    const p = this.pivotZeile[i];
    if (p < 0) return false;
    for (const k of this.zeilen[p].keys()) if (k !== i && this.unbekannt[k]) return false;
    return true;
  }

  /** The known cells the derivation of i uses. */
  bekannteIn(i: number): number[] {
    return [...this.zeilen[this.pivotZeile[i]].keys()].filter((k) => !this.unbekannt[k]);
  }

  /** Does c take part in a relation among known cells only (so hiding it alone hides nothing)? */
  inBekannterBeziehung(c: number): boolean {
    for (const q of this.spalten[c]) if (this.pivotSpalte[q] < 0) return true;
    return false;
  }
}

/**
 * Primary and secondary suppression for threshold `unter`. Secondary: while a small unknown cell is
 * derivable, hide one printed cell its derivation uses — one whose hiding breaks the derivation
 * (it is in no relation among printed cells alone) if there is one, then one that hides the fewest
 * values still shown (`anzeigen`: the cells each displayed value is built on), then the smallest
 * nonzero, ties by position — the "next-smallest sibling" of the BA's practice. Finally, secondary
 * cells that turn out not to be needed are shown again.
 */
export function sperre(zellen: readonly Zelle[], bedingungen: readonly Bedingung[], unter: number, anzeigen: readonly (readonly number[])[] = []): Sperrung {
  const n = zellen.length;
  bedingungen.forEach((b, k) => {
    let summe = 0;
    for (const { zelle, faktor } of b) {
      if (zelle < 0 || zelle >= n) throw new RangeError(`Bedingung ${k}: keine Zelle ${zelle}`);
      summe += faktor * zellen[zelle].wert;
    }
    // The algebra assumes the relations hold; one that does not is a fault in the caller's model.
    if (summe !== 0) throw new Error(`Bedingung ${k} gilt nicht für die Werte (Summe ${summe})`);
  });
  for (const z of zellen) if (!Number.isSafeInteger(z.wert)) throw new RangeError(`Zellwert ${z.wert} ist keine ganze Zahl`);

  const pruef = (i: number) => zellen[i].pruefwert ?? zellen[i].wert;
  const art = new Uint8Array(n);
  const unbekannt = new Uint8Array(n);
  const klein: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!zellen[i].veroeffentlicht) unbekannt[i] = 1;
    if (empfindlich(pruef(i), unter)) {
      klein.push(i);
      if (zellen[i].veroeffentlicht) {
        art[i] = 1;
        unbekannt[i] = 1;
      }
    }
  }
  const sekundaer: number[] = [];
  if (!klein.length) return { art, sekundaer };

  // What the reader loses by hiding c: the displayed values built on c that are still shown (a
  // printed cell in no display is shown on its own). Hiding a cell whose values are hidden anyway costs nothing.
  const anzeigenVon: number[][] = Array.from({ length: n }, () => []);
  anzeigen.forEach((a, k) => a.forEach((c) => anzeigenVon[c].push(k)));
  const neuVerdeckt = (c: number) => (anzeigenVon[c].length ? anzeigenVon[c].filter((k) => anzeigen[k].every((x) => art[x] === 0)).length : 1);
  let red = new Reduktion(unbekannt);
  for (const b of bedingungen) red.fuegeEin(b);
  // Hiding more cells never makes an unknown derivable again, so one pass over the small cells suffices.
  for (const i of klein) {
    while (red.bestimmt(i)) {
      const kandidaten = red.bekannteIn(i);
      // A derivable cell with value > 0 cannot be fixed by relations with no known cell in them.
      if (!kandidaten.length) throw new Error(`Zelle ${i} ist ohne bekannte Zelle bestimmt`);
      const rang = (c: number): number[] => [red.inBekannterBeziehung(c) ? 1 : 0, neuVerdeckt(c), zellen[c].wert === 0 ? 1 : 0, pruef(c), c];
      let beste = kandidaten[0], besterRang = rang(beste);
      for (const c of kandidaten.slice(1)) {
        const r = rang(c);
        const k = r.findIndex((x, j) => x !== besterRang[j]);
        if (k >= 0 && r[k] < besterRang[k]) [beste, besterRang] = [c, r];
      }
      art[beste] = 2;
      sekundaer.push(beste);
      red.machUnbekannt(beste);
    }
  }
  // The greedy step cannot see ahead: a cell hidden early may be protected by cells hidden later.
  // Show again, largest first, every secondary cell whose showing leaves all small cells underivable.
  const ordnung = [...sekundaer].sort((a, b) => pruef(b) - pruef(a) || b - a);
  for (const c of ordnung) {
    const versuch = red.kopie();
    versuch.machBekannt(c);
    if (klein.some((i) => versuch.bestimmt(i))) continue;
    red = versuch;
    art[c] = 0;
  }
  return { art, sekundaer: sekundaer.filter((c) => art[c] === 2) };
}

/**
 * Cells named by what they are (e.g. group, column and window), so that the same quantity printed
 * in several places is one cell, and relations written with those names.
 */
export class Sperrmodell {
  readonly zellen: Zelle[] = [];
  readonly bedingungen: Glied[][] = [];
  readonly anzeigen: number[][] = [];
  private readonly index = new Map<string, number>();

  /**
   * Adds a cell or meets it again: printed if printed anywhere, judged by the smallest form it is
   * printed in (a mean below the threshold is a small count even when its sum is not).
   */
  zelle(schluessel: string, wert: number, veroeffentlicht: boolean, pruefwert: number = wert): number {
    const i = this.index.get(schluessel);
    if (i === undefined) {
      this.index.set(schluessel, this.zellen.length);
      this.zellen.push(pruefwert === wert ? { wert, veroeffentlicht } : { wert, veroeffentlicht, pruefwert });
      return this.zellen.length - 1;
    }
    const z = this.zellen[i];
    if (z.wert !== wert) throw new Error(`Zelle ${schluessel}: ${z.wert} und ${wert}`);
    z.veroeffentlicht ||= veroeffentlicht;
    const p = Math.min(z.pruefwert ?? z.wert, pruefwert);
    if (p !== z.wert) z.pruefwert = p;
    return i;
  }

  hat(schluessel: string): boolean {
    return this.index.has(schluessel);
  }

  wert(schluessel: string): number | undefined {
    const i = this.index.get(schluessel);
    return i === undefined ? undefined : this.zellen[i].wert;
  }

  /** Another name for an existing cell: the same quantity printed in another place. */
  alias(schluessel: string, von: string): void {
    const zelle = this.index.get(von);
    if (zelle === undefined) throw new Error(`Alias nennt unbekannte Zelle ${von}`);
    const schon = this.index.get(schluessel);
    if (schon !== undefined && schon !== zelle) throw new Error(`Alias ${schluessel} nennt schon eine andere Zelle`);
    this.index.set(schluessel, zelle);
  }

  /** Σ faktor · zelle = 0; every cell must exist. */
  bedingung(glieder: readonly [string, 1 | -1][]): void {
    this.bedingungen.push(glieder.map(([s, faktor]) => {
      const zelle = this.index.get(s);
      if (zelle === undefined) throw new Error(`Bedingung nennt unbekannte Zelle ${s}`);
      return { zelle, faktor };
    }));
  }

  /** A value the report shows that is built on these cells (e.g. a quota on its numerator and denominator). */
  anzeige(schluessel: readonly string[]): void {
    this.anzeigen.push(schluessel.map((s) => {
      const zelle = this.index.get(s);
      if (zelle === undefined) throw new Error(`Anzeige nennt unbekannte Zelle ${s}`);
      return zelle;
    }));
  }

  /** The decision for threshold `unter`, looked up by name. */
  sperre(unter: number): Sperrliste {
    const { art } = sperre(this.zellen, this.bedingungen, unter, this.anzeigen);
    const index = this.index;
    return {
      gesperrt: (schluessel) => {
        const i = index.get(schluessel);
        return i !== undefined && art[i] !== 0;
      },
      art: (schluessel) => {
        const i = index.get(schluessel);
        return i === undefined ? 0 : art[i];
      },
    };
  }
}

export interface Sperrliste {
  /** Is this printed cell to be shown as `*`? Unknown names are not suppressed. */
  gesperrt(schluessel: string): boolean;
  art(schluessel: string): number;
}
