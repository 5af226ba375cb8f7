// Names as they go into file names (`{jobcenter}` in --out) and as they are compared: two
// spellings of one Jobcenter give one name.

/** `Elbe-Elster (Demo)` → `elbe-elster-demo`: safe in file names on every system. */
export function dateiname(text: string): string {
  const ersetzt = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return ersetzt.normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'jobcenter';
}
