// The workbook in another program (issue 11): LibreOffice opens the demo report's .xlsx and saves
// every sheet as CSV the way German Calc shows it, and the numbers of the JSON report of the same
// run stand there, formatted as docs/vertrag.md §6 promises. The README's example is this CSV.
// The suite's only process of LibreOffice, a few seconds; skipped, saying so, where it is missing.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { arbeitsordner, imProzess } from './hilfen.js';

const SOFFICE = (process.env.PATH ?? '').split(delimiter).some((o) => o && existsSync(join(o, 'soffice')));
const { unterordner } = arbeitsordner('libreoffice');

/**
 * Calc's CSV export, field by field: `;`, `"`, UTF-8, from line 1, cells as shown (not as stored),
 * every sheet to a file of its own (name-Sheet.csv).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1';

function soffice(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const kind = spawn('soffice', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  kind.stderr.on('data', (b: Buffer) => (stderr += b));
  return new Promise((fertig, scheitert) => {
    kind.once('error', scheitert);
    kind.once('close', (code) => fertig({ code, stderr }));
  });
}

/** German Calc's display of a number: `4.824`, `7.177,6`, `-11,6 %`. */
const de = (w: number, stellen: number) => w.toLocaleString('de-DE', { minimumFractionDigits: stellen, maximumFractionDigits: stellen });

describe('the report workbook in LibreOffice', () => {
  it('converts to CSV with the numbers of the JSON report, as German Calc shows them', async (ctx) => {
    if (!SOFFICE) {
      const grund = 'soffice is not on PATH: LibreOffice is missing (Debian package libreoffice-calc-nogui; .ci/run installs it)';
      // The default reporter shows a skip note only in verbose mode; the run's log shows this.
      console.warn(`skipped: ${grund}`);
      ctx.skip(grund);
    }
    // The set of --out-dir: the workbook (the bytes --format xlsx writes) and the JSON of one run.
    const ordner = unterordner('demo');
    const satz = join(ordner, 'satz');
    expect((await imProzess(['demo', '-q', '--out-dir', satz])).code).toBe(0);
    const stamm = join(satz, 'kennzahlen-elbe-elster-demo-synthetische-daten-2017-06');
    const datei = `${stamm}.xlsx`;
    // A profile of its own inside the test's folder: nothing lands in $HOME, and no running
    // LibreOffice of the user takes the job over.
    const lo = await soffice(['-env:UserInstallation=file://' + join(ordner, 'profil'), '--headless', '--convert-to', CSV_FILTER, '--outdir', join(ordner, 'csv'), datei], { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    expect(lo.code, lo.stderr).toBe(0);
    const name = (blatt: string) => `kennzahlen-elbe-elster-demo-synthetische-daten-2017-06-${blatt}.csv`;
    expect(readdirSync(join(ordner, 'csv')).sort()).toEqual(['Eingaben', 'Hinweise', 'Kennzahlen', 'Monatsreihe', 'Ziele'].map(name));
    const lies = (blatt: string) => readFileSync(join(ordner, 'csv', name(blatt)), 'utf8');

    const bericht = JSON.parse(readFileSync(`${stamm}.json`, 'utf8'));
    const kennzahlen = parse(lies('Kennzahlen'), { delimiter: ';', relax_column_count: true }) as string[][];
    expect(kennzahlen[2].slice(0, 2)).toEqual(['Berichtsmonat', '06/2017']);
    const kopf = kennzahlen.findIndex((z) => z[0] === 'ID');
    const prozent = (w: number | null, vorzeichen: boolean) => (w === null ? 'x' : `${vorzeichen && w > 0 ? '+' : ''}${de(w, 1)} %`);
    const anzahl = (w: number, euro: boolean) => (euro ? `${de(w, 2)} €` : de(w, Number.isInteger(w) ? 0 : 1));
    const erwartet = bericht.kennzahlen.map((k: { id: string; name: string; einheit: string; wert: number; vorjahr: number; jahresfortschritt: { wert: number; vorjahr: number }; zaehler: number; nenner: number }) => {
      const v = k.einheit === 'veraenderung_prozent';
      const euro = k.id === 'K1' || k.id === 'K1E1';
      return [k.id, k.name, prozent(k.wert, v), prozent(k.vorjahr, v), prozent(k.jahresfortschritt.wert, v), prozent(k.jahresfortschritt.vorjahr, v), anzahl(k.zaehler, euro), anzahl(k.nenner, euro)];
    });
    expect(kennzahlen.slice(kopf + 1)).toEqual(erwartet);
    // By hand: K2 26,8 % (1.924 integrations); K3 −11,6 % with 4.824 LZB in June 2017.
    const zeile = (id: string) => kennzahlen.find((z) => z[0] === id)!;
    expect([zeile('K2')[2], zeile('K2')[6], zeile('K3')[2], zeile('K3')[6]]).toEqual(['26,8 %', '1.924', '-11,6 %', '4.824']);

    const ziele = parse(lies('Ziele'), { delimiter: ';' }) as string[][];
    expect(ziele.find((z) => z[0] === 'ABG_LZA')!.slice(3, 6)).toEqual(['199', '179', '210']);
    const eingaben = parse(lies('Eingaben'), { delimiter: ';' }) as string[][];
    expect(eingaben[1].slice(0, 3)).toEqual(['zeitraeume', 'fixtures/demo/zeitraeume.csv', '20.226']);

    // The README shows this sheet as LibreOffice saves it.
    const readme = readFileSync('README.md', 'utf8');
    const beispiel = /```csv\n(Kennzahlen nach § 48a SGB II[\s\S]*?)```/.exec(readme);
    expect(beispiel?.[1]).toBe(lies('Kennzahlen'));
  });
});
