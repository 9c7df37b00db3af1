import {
  type AssessmentRow,
  type ItemStatus,
  type SelfReportRow,
  type SheetPlace,
  type SourceRef,
  sourceAt,
} from '../domain.js';

/**
 * A self-report row as the readers keep it: its fields, and its place as the sheet's (shared by all its rows) and the
 * row number. 88 bytes, where the fields and an object of their own for the place took 128: 9 MB of a national year.
 */
export class ReportRow implements SelfReportRow {
  constructor(
    readonly unitCode: string,
    readonly itemCode: string,
    readonly selfAssessment: ItemStatus | null,
    readonly evidence: string,
    readonly note: string,
    readonly difficulties: string,
    private readonly place: SheetPlace,
    private readonly line: number | undefined,
  ) {}
  get source(): SourceRef {
    return sourceAt(this.place, this.line);
  }
}

/** An assessment row, kept as ReportRow is: the place is the sheet's, or the item's column of it (the wide form). */
export class AssessedRow implements AssessmentRow {
  constructor(
    readonly unitCode: string,
    readonly itemCode: string,
    readonly status: ItemStatus | null,
    readonly note: string,
    private readonly place: SheetPlace,
    private readonly line: number | undefined,
  ) {}
  get source(): SourceRef {
    return sourceAt(this.place, this.line);
  }
}

/** A value made once per pair of keys (a file and a sheet), by `make`, and given again for the same pair. */
export function byPair<A, B, V>(make: (a: A, b: B) => V): (a: A, b: B) => V {
  const made = new Map<A, Map<B, V>>();
  return (a, b) => {
    let byB = made.get(a);
    if (byB === undefined) {
      byB = new Map();
      made.set(a, byB);
    }
    let value = byB.get(b);
    if (value === undefined) {
      value = make(a, b);
      byB.set(b, value);
    }
    return value;
  };
}

/** The place of a sheet's rows, made once per file and sheet, for a reader to share between them. */
export function placesOf(): (where: SourceRef) => SheetPlace {
  const place = byPair((file: string, sheet: string | undefined): SheetPlace =>
    sheet === undefined ? { file } : { file, sheet },
  );
  return ({ file, sheet }) => place(file, sheet);
}
