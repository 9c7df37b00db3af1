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

/** The place of a sheet's rows, made once per file and sheet, for a reader to share between them. */
export function placesOf(): (where: SourceRef) => SheetPlace {
  const places = new Map<string, Map<string | undefined, SheetPlace>>();
  return ({ file, sheet }) => {
    let bySheet = places.get(file);
    if (bySheet === undefined) {
      bySheet = new Map();
      places.set(file, bySheet);
    }
    let place = bySheet.get(sheet);
    if (place === undefined) {
      place = sheet === undefined ? { file } : { file, sheet };
      bySheet.set(sheet, place);
    }
    return place;
  };
}
