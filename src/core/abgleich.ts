// Whether the person ids of two inputs belong together. Excel reads an id column of digits as
// numbers and drops leading zeros (`00123` → `123`) when a user opens and saves an extract: the
// persons then silently fall out of every breakdown and filter. Ids that match only after adding or
// removing leading zeros are that, not chance.

/** A key of digits as Excel leaves it when it reads it as a number: `05111` → `5111`. */
export const ohneFuehrendeNullen = (id: string): string => id.replace(/^0+(?=\d)/, '');

/** The first of `ids` that is `id` with other leading zeros (what was likely meant), or undefined. */
export const mitAnderenNullen = (ids: readonly string[], id: string): string | undefined => ids.find((x) => ohneFuehrendeNullen(x) === ohneFuehrendeNullen(id));

export interface Nullenbefund {
  /** Ids that match only with other leading zeros. */
  anzahl: number;
  /** One of them, and the id it matches. */
  beispiel: [string, string] | null;
}

/**
 * Of `ids` (those of one input without a match in the other), how many match an id of the other
 * input (`gibt`) once leading zeros are removed, or added up to one of the other's id lengths.
 */
export function fuehrendeNullen(ids: Iterable<string>, gibt: (id: string) => boolean, laengen: readonly number[]): Nullenbefund {
  let anzahl = 0;
  let beispiel: [string, string] | null = null;
  for (const id of ids) {
    if (!/^\d+$/.test(id)) continue;
    let treffer: string | null = null;
    const ohne = ohneFuehrendeNullen(id);
    if (ohne !== id && gibt(ohne)) treffer = ohne;
    for (const l of laengen) {
      if (treffer || l <= ohne.length) continue;
      const mit = '0'.repeat(l - ohne.length) + ohne;
      if (mit !== id && gibt(mit)) treffer = mit;
    }
    if (treffer) {
      anzahl++;
      beispiel ??= [id, treffer];
    }
  }
  return { anzahl, beispiel };
}
