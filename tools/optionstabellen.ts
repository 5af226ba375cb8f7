// The README's option tables, made from the option table (src/cli/optionen.ts): `npm run readme`
// writes them between their markers, test/cli/readme.test.ts checks that they agree.

import { auswahlVon, BEFEHLE, OPTIONEN, standardVon, type OptionDef } from '../src/cli/optionen.js';

const zelle = (s: string) => s.replace(/[|*]/g, '\\$&');
const code = (s: string) => `\`${s}\``;

/** Every option: which commands take it, what it does, its default and its key in `--config`. */
export function optionsTabelle(): string {
  const zeilen = ['| Option | Befehle | Bedeutung | Standard | in `--config` |', '|---|---|---|---|---|'];
  for (const d of Object.values(OPTIONEN) as OptionDef[]) {
    const flag = [d.kurz, `${d.flag}${d.arg ? ` ${d.arg}` : ''}`].filter(Boolean).map((f) => code(f!)).join(', ') + (d.negation ? `, ${code(d.flag.replace('--', '--no-'))}` : '');
    const befehle = d.befehle.length === BEFEHLE.length ? 'alle' : d.befehle.join(', ');
    const werte = auswahlVon(d);
    const auswahl = werte ? ` (Auswahl: ${werte.join(', ')})` : '';
    const nein = d.negation ? `; ${d.flag.replace('--', '--no-')}: ${d.negation.de}` : '';
    // A command that words the option otherwise or allows fewer values says so, or the row would
    // promise it what it refuses (report --nach altersgruppe, check --format csv).
    const je = Object.entries(d.je ?? {}).map(([b, j]) => `; ${b}: ${[j.hilfe?.de, j.auswahl && `nur ${j.auswahl.join(', ')}`].filter(Boolean).join(', ')}`).join('');
    const konfig = d.rolle ? code(`eingaben.${d.rolle}`) : d.konfig === 'jobcenter' ? code('jobcenter') : d.konfig ? code(`einstellungen.${d.konfig}`) : '';
    zeilen.push(`| ${flag} | ${befehle} | ${zelle(d.hilfe.de + auswahl + nein + je)} | ${zelle(standardVon(d, 'de') ?? '')} | ${konfig} |`);
  }
  return zeilen.join('\n') + '\n';
}

/** The README blocks made here, by their marker name. */
export const README_TABELLEN: Record<string, () => string> = { optionen: optionsTabelle };

/** Replaces each `<!-- name -->…<!-- /name -->` block with its current table. */
export function ersetzeTabellen(readme: string): string {
  return readme.replace(/(<!-- (\w+) -->\n)[\s\S]*?(<!-- \/\2 -->)/g, (ganz, auf: string, name: string, zu: string) => (README_TABELLEN[name] ? `${auf}${README_TABELLEN[name]()}${zu}` : ganz));
}
