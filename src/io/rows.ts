import {
  type AssessmentRow,
  type ItemStatus,
  type PlacedRow,
  type RowList,
  type SelfReportRow,
  type SheetPlace,
  type SourceRef,
  sourceAt,
} from '../domain.js';

/**
 * A self-report row as the readers keep it: its fields, and its place as the sheet's (shared by all its rows) and the
 * row number. 88 bytes, where the fields and an object of their own for the place took 128: 9 MB of a national year.
 */
export class ReportRow implements SelfReportRow, PlacedRow {
  constructor(
    readonly unitCode: string,
    readonly itemCode: string,
    readonly selfAssessment: ItemStatus | null,
    readonly evidence: string,
    readonly note: string,
    readonly difficulties: string,
    readonly place: SheetPlace,
    readonly line: number | undefined,
  ) {}
  get source(): SourceRef {
    return sourceAt(this.place, this.line);
  }
}

/** An assessment row, kept as ReportRow is: the place is the sheet's, or the item's column of it (the wide form). */
export class AssessedRow implements AssessmentRow, PlacedRow {
  constructor(
    readonly unitCode: string,
    readonly itemCode: string,
    readonly status: ItemStatus | null,
    readonly note: string,
    readonly place: SheetPlace,
    readonly line: number | undefined,
  ) {}
  get source(): SourceRef {
    return sourceAt(this.place, this.line);
  }
}

/** Where byPair keeps its values: a Map, or a WeakMap when the first key is an object that must not be held. */
interface PairStore<A, B, V> {
  get(a: A): Map<B, V> | undefined;
  set(a: A, byB: Map<B, V>): unknown;
}

/**
 * A value made once per pair of keys (a file and a sheet, a sheet's columns and a key), by `make`, and given again for
 * the same pair; `context`, passed on to `make`, must be determined by the keys.
 */
export function byPair<A, B, V, C extends unknown[] = []>(
  make: (a: A, b: B, ...context: C) => V,
  made: PairStore<A, B, V> = new Map<A, Map<B, V>>(),
): (a: A, b: B, ...context: C) => V {
  return (a, b, ...context) => {
    let byB = made.get(a);
    if (byB === undefined) {
      byB = new Map();
      made.set(a, byB);
    }
    let value = byB.get(b);
    if (value === undefined) {
      value = make(a, b, ...context);
      byB.set(b, value);
    }
    return value;
  };
}

/**
 * The place of a sheet's rows, made once per file and sheet, for a reader (or the rows a reader thread posts back) to
 * share between them.
 */
export function placesOf(): (file: string, sheet: string | undefined) => SheetPlace {
  return byPair((file: string, sheet: string | undefined): SheetPlace =>
    sheet === undefined ? { file } : { file, sheet },
  );
}

/** A growing column of 32-bit integers. */
class IntColumn {
  private data = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? -1;
  }
}

/**
 * Values given a number each, the first time they are met; a column keeps the number. A value given again is the first
 * one met: a reader's cells are strings of their own, one per row, and a national year's 440 000 rows name 10 000
 * units and 22 items, each code once here.
 */
class Codes<T> {
  private readonly values: T[] = [];
  private readonly numbers = new Map<T, number>();
  /** The value given last and its number: a sheet's rows come unit by unit, and all of them from one place. */
  private last: T | undefined;
  private lastNumber = -1;

  code(value: T): number {
    if (value === this.last && this.lastNumber >= 0) return this.lastNumber;
    let number = this.numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.numbers.set(value, number);
    }
    this.last = value;
    this.lastNumber = number;
    return number;
  }

  /** For each number of `from`, this table's number of the same value. */
  translation(from: Codes<T>): Int32Array {
    return Int32Array.from(from.values, (value) => this.code(value));
  }

  value(code: number): T {
    if (code < 0 || code >= this.values.length) throw new Error(`Codes: no value ${code}`);
    return this.values[code] as T;
  }
}

/** The fields an item table keeps for every row, in the order of AssessedRow's constructor. */
type ItemFields = [
  unitCode: string,
  itemCode: string,
  status: ItemStatus | null,
  note: string,
  place: SheetPlace,
  line: number | undefined,
];

/**
 * The rows of an item table (a unit, an item, a status, a note, the sheet's place and the row number), column by
 * column: four bytes a field, a text's reference, no object per row (issue #15, reduce while reading). A national
 * year's 220 000 self-report rows and 220 000 assessment rows were 96 and 80 bytes each as objects with their array
 * slot, some 40 MB of the heap until the rules had run, and so many old objects for each full collection to mark. A
 * row's object is made when it is asked for (`at`, iteration), for as long as its user holds it.
 */
export abstract class ItemColumns<T> implements RowList<T> {
  private readonly codes = new Codes<string>();
  private readonly statuses = new Codes<ItemStatus | null>();
  private readonly places = new Codes<SheetPlace>();
  private readonly unit = new IntColumn();
  private readonly item = new IntColumn();
  private readonly status = new IntColumn();
  private readonly place = new IntColumn();
  /** The row number, -1 for none. */
  private readonly line = new IntColumn();
  private readonly notes: string[] = [];

  get length(): number {
    return this.unit.length;
  }

  protected pushItem(...[unitCode, itemCode, status, note, place, line]: ItemFields): void {
    this.unit.push(this.codes.code(unitCode));
    this.item.push(this.codes.code(itemCode));
    this.status.push(this.statuses.code(status));
    this.place.push(this.places.code(place));
    this.line.push(line ?? -1);
    this.notes.push(note);
  }

  /** Row `index`'s unit code and item code, without making the row. */
  unitCodeAt(index: number): string {
    return this.codes.value(this.unit.get(index));
  }

  itemCodeAt(index: number): string {
    return this.codes.value(this.item.get(index));
  }

  /**
   * A function that adds row `index` of `from` here as it is, without making the row: its codes translated once per
   * code, its texts and place shared. `from` must not grow while the function is used.
   */
  copier(from: this): (index: number) => void {
    const codes = this.codes.translation(from.codes);
    const statuses = this.statuses.translation(from.statuses);
    const places = this.places.translation(from.places);
    const copyRest = this.restCopier(from);
    return (index) => {
      this.unit.push(codes[from.unit.get(index)] ?? -1);
      this.item.push(codes[from.item.get(index)] ?? -1);
      this.status.push(statuses[from.status.get(index)] ?? -1);
      this.place.push(places[from.place.get(index)] ?? -1);
      this.line.push(from.line.get(index));
      this.notes.push(from.notes[index] ?? '');
      copyRest(index);
    };
  }

  /** What copier adds of a row beyond the fields the tables share. */
  protected abstract restCopier(from: this): (index: number) => void;

  /**
   * The fields of row `index` the two tables share besides its codes, one by one for their row's constructor: no array
   * of them for each row made (440 000 in a national year's rules, issue #38).
   */
  protected statusAt(index: number): ItemStatus | null {
    return this.statuses.value(this.status.get(index));
  }

  protected noteAt(index: number): string {
    return this.notes[index] ?? '';
  }

  protected placeAt(index: number): SheetPlace {
    return this.places.value(this.place.get(index));
  }

  protected lineAt(index: number): number | undefined {
    const line = this.line.get(index);
    return line < 0 ? undefined : line;
  }

  /** Row `index`, counted from the end when negative, as an array's `at`; undefined past either end. */
  at(index: number): T | undefined {
    const at = index < 0 ? index + this.length : index;
    return at >= 0 && at < this.length ? this.row(at) : undefined;
  }

  protected abstract row(index: number): T;

  *[Symbol.iterator](): Iterator<T> {
    for (let index = 0; index < this.length; index++) yield this.row(index);
  }
}

/** Self-report rows, column by column (see ItemColumns); a row is a ReportRow. */
export class SelfReportColumns extends ItemColumns<ReportRow> {
  private readonly evidence: string[] = [];
  private readonly difficulties: string[] = [];

  push(
    unitCode: string,
    itemCode: string,
    selfAssessment: ItemStatus | null,
    evidence: string,
    note: string,
    difficulties: string,
    place: SheetPlace,
    line: number | undefined,
  ): void {
    this.pushItem(unitCode, itemCode, selfAssessment, note, place, line);
    this.evidence.push(evidence);
    this.difficulties.push(difficulties);
  }

  protected restCopier(from: this): (index: number) => void {
    return (index) => {
      this.evidence.push(from.evidence[index] ?? '');
      this.difficulties.push(from.difficulties[index] ?? '');
    };
  }

  protected row(index: number): ReportRow {
    return new ReportRow(
      this.unitCodeAt(index),
      this.itemCodeAt(index),
      this.statusAt(index),
      this.evidence[index] ?? '',
      this.noteAt(index),
      this.difficulties[index] ?? '',
      this.placeAt(index),
      this.lineAt(index),
    );
  }
}

/** Assessment rows, column by column (see ItemColumns); a row is an AssessedRow. */
export class AssessmentColumns extends ItemColumns<AssessedRow> {
  push(...row: ItemFields): void {
    this.pushItem(...row);
  }

  protected restCopier(): (index: number) => void {
    return () => undefined;
  }

  protected row(index: number): AssessedRow {
    return new AssessedRow(
      this.unitCodeAt(index),
      this.itemCodeAt(index),
      this.statusAt(index),
      this.noteAt(index),
      this.placeAt(index),
      this.lineAt(index),
    );
  }
}
