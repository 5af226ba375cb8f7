// Secondary suppression end to end, on the case that showed the gap: `demo --nach geschlecht
// --suppress-below 30`. Frauen and Männer are printed beside the total, so the rest (divers and
// unknown sex, 29 ELB) was total − Frauen − Männer for every indicator. The check below does not use
// the suppression code: it rebuilds from the printed JSON which quantities a reader knows and asks,
// by rank, whether the rest's numerator or denominator follows from them.

import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function lauf(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout = new Writable({ write: (c, _e, cb) => ((out += c), cb()) });
  const stderr = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await main(args, { stdout, stderr, stdin: Readable.from([]), env: {} });
  return { code, out };
}

type Zahl = number | '*' | null;
interface Teil { wert: Zahl; wert_exakt: Zahl; zaehler: Zahl; nenner: Zahl; fenster: { zaehler: [string, string]; nenner: [string, string] } }
interface Kennzahl extends Teil { id: string; vorjahr_exakt: Zahl; jahresfortschritt: Teil & { vorjahr_exakt: Zahl } }
interface Bericht { kennzahlen: Kennzahl[]; gruppen: { gruppe: string; kennzahlen: Kennzahl[] }[]; gesperrt_unter?: number }

// Columns of numerator and denominator (README, Definitionen); K1 and K1E1 are euro sums.
const SPALTEN: Record<string, [string, string, 'summe' | 'mittel']> = {
  K1E2: ['elb', 'elb', 'mittel'], K1E3: ['elb_zugaenge', 'elb', 'summe'], K1E4: ['elb_abgaenge', 'elb', 'summe'],
  K2: ['integrationen', 'elb', 'mittel'], K2E1: ['eintritte_geringfuegig', 'elb', 'mittel'], K2E2: ['eintritte_oeffentlich', 'elb', 'mittel'],
  K2E3: ['integrationen_kontinuierlich', 'integrationen', 'summe'], K2E4: ['integrationen_ae', 'elb_ae', 'mittel'],
  K3: ['lzb', 'lzb', 'mittel'], K3E1: ['integrationen_lzb', 'lzb', 'mittel'], K3E2: ['lzb_aktiviert', 'lzb', 'summe'],
  K3E3: ['lzb_zugaenge', 'lzb', 'summe'], K3E4: ['lzb_abgaenge', 'lzb', 'summe'],
};
// Columns tied by stock and flows, solved together; every other column stands alone.
const FAMILIEN = [['elb', 'elb_zugaenge', 'elb_abgaenge'], ['lzb', 'lzb_zugaenge', 'lzb_abgaenge'], ['integrationen'], ['integrationen_kontinuierlich'], ['integrationen_ae'], ['elb_ae'], ['integrationen_lzb'], ['lzb_aktiviert'], ['eintritte_geringfuegig'], ['eintritte_oeffentlich']];
const FLUSS: Record<string, [string, string]> = { elb: ['elb_zugaenge', 'elb_abgaenge'], lzb: ['lzb_zugaenge', 'lzb_abgaenge'] };

const monatsZahl = (iso: string) => { const [j, m] = iso.split('-').map(Number); return j * 12 + m - 1; };

/** A quantity the report is about: a column summed over a window of months in a group. */
interface Fenster { gruppe: string; spalte: string; von: number; bis: number }
const name = (f: Fenster) => `${f.gruppe}|${f.spalte}|${f.von}|${f.bis}`;

/**
 * For each indicator part: the window, and whether the reader sees it (as a number, or as the
 * ratio of a previous-year value whose other part is printed: a ratio and one part give the other).
 */
function gelesen(b: Bericht) {
  const teile: { id: string; art: string; teil: 'zaehler' | 'nenner'; fenster: Omit<Fenster, 'gruppe'>; je: Record<string, { sichtbar: boolean; zahl: number | null }> }[] = [];
  const gruppen = [{ gruppe: 'gesamt', kennzahlen: b.kennzahlen }, ...b.gruppen];
  b.kennzahlen.forEach((k, i) => {
    if (!SPALTEN[k.id]) return;
    for (const [art, versatz, quelle] of [['monat', 0, (x: Kennzahl) => x], ['vorjahr', 12, (x: Kennzahl) => x], ['jfw', 0, (x: Kennzahl) => x.jahresfortschritt], ['jfw_vorjahr', 12, (x: Kennzahl) => x.jahresfortschritt]] as const) {
      for (const teil of ['zaehler', 'nenner'] as const) {
        const [v, bis] = quelle(k).fenster[teil].map(monatsZahl);
        const fenster = { spalte: SPALTEN[k.id][teil === 'zaehler' ? 0 : 1], von: v - versatz, bis: bis - versatz };
        const je: Record<string, { sichtbar: boolean; zahl: number | null }> = {};
        for (const g of gruppen) {
          const x = quelle(g.kennzahlen[i]);
          const gezeigt = versatz ? (art === 'vorjahr' ? g.kennzahlen[i].vorjahr_exakt : g.kennzahlen[i].jahresfortschritt.vorjahr_exakt) : x[teil];
          je[g.gruppe] = { sichtbar: typeof gezeigt === 'number', zahl: versatz === 0 && typeof x[teil] === 'number' ? (x[teil] as number) : null };
        }
        teile.push({ id: k.id, art, teil, fenster, je });
      }
    }
  });
  return teile;
}

/** Modular arithmetic below 2^26, so that products stay exact in doubles. */
function inverse(a: number, p: number): number {
  let [r0, r1, s0, s1] = [a, p, 1, 0];
  while (r1) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % p) + p) % p;
}

/**
 * Which unknowns the relations fix: reduced row echelon form over the unknown columns (mod p);
 * an unknown is fixed iff its pivot row has no other unknown. Determined over the rationals implies
 * determined mod p (unless p divides a denominator of the solution, tiny integers here), so "not
 * fixed" mod two primes means not fixed over the rationals.
 */
function bestimmt(zeilen: Map<number, number>[], unbekannt: number[], p: number): Set<number> {
  const spalte = new Map(unbekannt.map((u, j) => [u, j]));
  const m = zeilen.map((z) => {
    const r = new Array<number>(unbekannt.length).fill(0);
    for (const [k, v] of z) if (spalte.has(k)) r[spalte.get(k)!] = ((v % p) + p) % p;
    return r;
  });
  const pivotZeile: number[] = [];
  let r = 0;
  for (let c = 0; c < unbekannt.length && r < m.length; c++) {
    const q = m.findIndex((z, i) => i >= r && z[c] !== 0);
    if (q < 0) continue;
    [m[r], m[q]] = [m[q], m[r]];
    const inv = inverse(m[r][c], p);
    m[r] = m[r].map((v) => (v * inv) % p);
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0) continue;
      const f = m[i][c];
      const zi = m[i], zr = m[r];
      for (let j = 0; j < zi.length; j++) if (zr[j]) zi[j] = (((zi[j] - f * zr[j]) % p) + p) % p;
    }
    pivotZeile[c] = r++;
  }
  const aus = new Set<number>();
  unbekannt.forEach((u, c) => {
    if (pivotZeile[c] === undefined) return;
    if (m[pivotZeile[c]].every((v, j) => j === c || v === 0)) aus.add(u);
  });
  return aus;
}

/**
 * The rest's indicator parts that a reader can work out: unknowns are every group's monthly values
 * and every window not seen; relations are the windows' sums, total = Frauen + Männer + rest in
 * each month, and each group's stock moving by its flows.
 */
function ableitbar(b: Bericht): Set<string> {
  const teile = gelesen(b);
  const aus = new Set<string>();
  const gruppen = ['gesamt', ...b.gruppen.map((g) => g.gruppe), 'rest'];
  for (const familie of FAMILIEN) {
    const fenster = new Map<string, Fenster>();
    const sichtbar = new Set<string>();
    for (const t of teile) {
      if (!familie.includes(t.fenster.spalte)) continue;
      for (const g of gruppen) {
        const f = { gruppe: g, ...t.fenster };
        fenster.set(name(f), f);
        if (t.je[g]?.sichtbar) sichtbar.add(name(f));
      }
    }
    if (!fenster.size) continue;
    const nummer = new Map<string, number>();
    const n = (s: string) => (nummer.has(s) ? nummer.get(s)! : (nummer.set(s, nummer.size), nummer.size - 1));
    const monat = (g: string, s: string, m: number) => n(`${g}|${s}|${m}|${m}`);
    const zeilen: Map<number, number>[] = [];
    const zeile = (glieder: [number, number][]) => {
      const z = new Map<number, number>();
      for (const [k, v] of glieder) z.set(k, (z.get(k) ?? 0) + v);
      zeilen.push(z);
    };
    const monate = new Set<string>();
    for (const f of fenster.values()) {
      const glieder: [number, number][] = [[n(name(f)), 1]];
      for (let m = f.von; m <= f.bis; m++) {
        if (f.von !== f.bis) glieder.push([monat(f.gruppe, f.spalte, m), -1]);
        monate.add(`${f.spalte}|${m}`);
      }
      if (f.von !== f.bis) zeile(glieder);
    }
    for (const [s, [zu, ab]] of Object.entries(FLUSS)) {
      if (!familie.includes(s)) continue;
      for (const eintrag of [...monate]) {
        const [sp, m] = [eintrag.split('|')[0], Number(eintrag.split('|')[1])];
        if (sp !== zu && sp !== ab) continue;
        for (const g of gruppen) zeile([[monat(g, s, m), 1], [monat(g, s, m - 1), -1], [monat(g, zu, m), -1], [monat(g, ab, m), 1]]);
        monate.add(`${s}|${m}`).add(`${s}|${m - 1}`).add(`${zu}|${m}`).add(`${ab}|${m}`);
      }
    }
    for (const eintrag of monate) {
      const [sp, m] = [eintrag.split('|')[0], Number(eintrag.split('|')[1])];
      zeile([[monat('gesamt', sp, m), 1], ...gruppen.slice(1).map((g): [number, number] => [monat(g, sp, m), -1])]);
    }
    const unbekannt = [...nummer.entries()].filter(([s]) => !sichtbar.has(s)).map(([, i]) => i);
    const [a, c] = [bestimmt(zeilen, unbekannt, 67108859), bestimmt(zeilen, unbekannt, 33554393)];
    for (const f of fenster.values()) if (f.gruppe === 'rest' && (a.has(nummer.get(name(f))!) || c.has(nummer.get(name(f))!))) aus.add(name(f));
  }
  return aus;
}

/** The rest's printed-size value of each indicator part (as printed: a mean is a mean), from the run without suppression. */
function restWerte(b: Bericht): Map<string, number> {
  const aus = new Map<string, number>();
  for (const t of gelesen(b)) {
    const werte = ['gesamt', ...b.gruppen.map((g) => g.gruppe)].map((g) => t.je[g]?.zahl ?? null);
    if (werte.some((w) => w === null)) continue;
    const [gesamt, ...gruppen] = werte as number[];
    const rest = gesamt - gruppen.reduce((s, w) => s + w, 0);
    aus.set(name({ gruppe: 'rest', ...t.fenster }), Math.round(rest * 1e6) / 1e6);
  }
  return aus;
}

const ARGS = ['demo', '--nach', 'geschlecht'];

describe('demo --nach geschlecht --suppress-below 30: the rest cannot be worked out', () => {
  let offen: Bericht, gesperrt: Bericht;
  beforeAll(async () => {
    const a = await lauf([...ARGS, '--json']);
    const b = await lauf([...ARGS, '--json', '--suppress-below', '30']);
    expect([a.code, b.code]).toEqual([0, 0]);
    offen = JSON.parse(a.out);
    gesperrt = JSON.parse(b.out);
  });

  it('without --suppress-below every count is printed, and the rest is derivable (the gap)', () => {
    expect(offen.gesperrt_unter).toBeUndefined();
    expect(JSON.stringify(offen)).not.toContain('"*"');
    const k1e2 = (b: Bericht) => [b.kennzahlen, ...b.gruppen.map((g) => g.kennzahlen)].map((ks) => ks.find((k) => k.id === 'K1E2')!.zaehler);
    // 6.856 ELB in 06/2017: 3.459 Frauen, 3.368 Männer, so 29 neither.
    expect(k1e2(offen)).toEqual([6856, 3459, 3368]);
    const rest = restWerte(offen);
    const elb = `rest|elb|${monatsZahl('2017-06')}|${monatsZahl('2017-06')}`;
    expect(rest.get(elb)).toBe(29);
    const frei = ableitbar(offen);
    expect(frei.has(elb)).toBe(true);
    // Every part whose rest is printed-size small is derivable there.
    const klein = [...rest].filter(([, w]) => w > 0 && w < 30).map(([k]) => k);
    expect(klein.length).toBeGreaterThan(20);
    for (const k of klein) expect(frei.has(k), k).toBe(true);
  });

  it('with --suppress-below 30 no small part of the rest can be derived, for any indicator', () => {
    expect(gesperrt.gesperrt_unter).toBe(30);
    const rest = restWerte(offen);
    const frei = ableitbar(gesperrt);
    const klein = [...rest].filter(([, w]) => w > 0 && w < 30).map(([k]) => k);
    for (const k of klein) expect(frei.has(k), `${k} = ${rest.get(k)} ist ableitbar`).toBe(false);
    // The issue's own example: total, Frauen and Männer of the ELB in 06/2017 are not all printed.
    const elb = [gesperrt.kennzahlen, ...gesperrt.gruppen.map((g) => g.kennzahlen)].map((ks) => ks.find((k) => k.id === 'K1E2')!.zaehler);
    expect(elb.filter((w) => w === '*').length).toBeGreaterThan(0);
    // Nor through a second route: ELB(t) = Σ ELB(t−11…t) − Σ ELB(t−12…t−1) + ELB(t−12), from K1E3's and K1E4's denominators.
    const ueber = (ks: Kennzahl[]) => {
      const [e2, e3, e4] = ['K1E2', 'K1E3', 'K1E4'].map((id) => ks.find((k) => k.id === id)!);
      if (typeof e2.zaehler === 'number') return e2.zaehler;
      return [e3.nenner, e4.nenner, e2.nenner].every((w) => typeof w === 'number') ? (e3.nenner as number) - (e4.nenner as number) + (e2.nenner as number) : null;
    };
    expect([gesperrt.kennzahlen, ...gesperrt.gruppen.map((g) => g.kennzahlen)].map(ueber)).toContain(null);
  });

  it('primary suppression as before: no printed count is between 1 and 29, and what rests on a * is *', () => {
    for (const ks of [gesperrt.kennzahlen, ...gesperrt.gruppen.map((g) => g.kennzahlen)]) {
      for (const k of ks) {
        if (!SPALTEN[k.id]) continue;
        for (const t of [k, k.jahresfortschritt]) {
          for (const w of [t.zaehler, t.nenner]) if (typeof w === 'number') expect(w === 0 || w >= 30, `${k.id} ${w}`).toBe(true);
          const stern = [t.wert, t.wert_exakt, t.zaehler, t.nenner].filter((w) => w === '*').length;
          expect([0, 4]).toContain(stern);
        }
      }
    }
  });

  it('every format hides the same values', async () => {
    const csv = parse((await lauf([...ARGS, '--format', 'csv', '--suppress-below', '30'])).out, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    const tabelle = (await lauf([...ARGS, '--format', 'md', '--suppress-below', '30'])).out;
    const gruppen = [{ gruppe: 'gesamt', kennzahlen: gesperrt.kennzahlen }, ...gesperrt.gruppen];
    for (const g of gruppen) {
      for (const k of g.kennzahlen) {
        const zeile = csv.find((z) => z.bereich === 'kennzahl' && z.id === k.id && z.gruppe === g.gruppe)!;
        expect([zeile.wert === '*', zeile.jfw === '*', zeile.vorjahr === '*', zeile.jfw_vorjahr === '*', zeile.zaehler === '*'], `${g.gruppe} ${k.id}`)
          .toEqual([k.wert === '*', k.jahresfortschritt.wert === '*', k.vorjahr_exakt === '*', k.jahresfortschritt.vorjahr_exakt === '*', k.zaehler === '*']);
      }
    }
    // The Markdown table by sex: one `*` per hidden monthly value of Frauen and Männer.
    const abschnitt = tabelle.slice(tabelle.indexOf('Nach Geschlecht'));
    for (const k of gesperrt.kennzahlen) {
      const zeile = abschnitt.split('\n').find((z) => z.startsWith(`| ${k.id} |`))!;
      const zellen = zeile.split('|').slice(4, 6).map((z) => z.trim());
      expect(zellen.map((z) => z === '*'), k.id).toEqual(gesperrt.gruppen.map((g) => g.kennzahlen.find((x) => x.id === k.id)!.wert === '*'));
    }
  });
});
