const NONE: readonly never[] = Object.freeze([]);

/**
 * An array as a result keeps it: the one shared empty array, or a copy of exactly its length. V8 grows an array that
 * `filter` or `push` fills to room for 16 elements or more, and a `map` of nothing is an array of its own; a national
 * year keeps some 400 000 small arrays in its results (sections, facts, reasons), 12 MB of them room and empties.
 */
export function kept<T>(array: readonly T[]): readonly T[] {
  return array.length === 0 ? NONE : array.slice();
}

/**
 * Values that many units or persons have alike, kept once: a new one is kept under its key, and one whose key is the
 * same shares the one kept. A national year (bench/generate.mjs, 10 000 units) has 40 000 section results but 287
 * different ones, 3 241 different lists of them, 16 lists of violated sections (src/pipeline/compact.ts); its 11 000
 * persons' rows 20 different lists of section statuses and 4 347 lists of citations (src/report/content/model.ts). At
 * most `limit` values are kept: past that the table starts again (what comes later shares among itself), so that a
 * process deciding many years (what-if, the tests) holds no more.
 */
export class Shared<T> {
  private readonly kept = new Map<string, T>();
  constructor(private readonly limit = 4096) {}
  /** The value kept under `key`, else the one `make` makes, kept under it. */
  value(key: string, make: () => T): T {
    let value = this.kept.get(key);
    if (value === undefined) {
      if (this.kept.size >= this.limit) this.kept.clear();
      value = make();
      this.kept.set(key, value);
    }
    return value;
  }
}

/** What a list of plain values is keyed by: the values themselves (strings, numbers, true, false, null). */
type Plain = string | number | boolean | null;

/** A list of plain values as a result keeps it (kept), or the same list kept before in `table`. */
export function sharedList<T extends Plain>(table: Shared<readonly T[]>, list: readonly T[]): readonly T[] {
  return list.length === 0 ? kept(list) : table.value(JSON.stringify(list), () => kept(list));
}
