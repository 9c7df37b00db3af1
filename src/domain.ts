/**
 * The domain objects: what the readers (src/io) produce from the province's files and the
 * rules (src/rules) decide on. Plain data, already validated; no I/O here.
 */

/**
 * Khối: the code of a block the regulation names (under QĐ 358/2013: `SBN`, `HUYEN`) or one declared
 * in the workspace configuration with its legal basis. The readers accept only the blocks of the run.
 */
export type Block = string;

/**
 * Vai trò: the head (người đứng đầu), an acting head (quyền / phụ trách: holds the head's post and is
 * rated as the head), or a deputy assigned the duty (cấp phó được phân công), who answers for the
 * sections assigned.
 */
export type Role = 'head' | 'acting-head' | 'deputy';

/** Heads and acting heads hold the head's post. */
export function holdsHeadPost(role: Role): boolean {
  return role !== 'deputy';
}

/** When a person held the post within the year: ISO dates, both inclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** Item statuses: Đạt, Không đạt, Không áp dụng. A blank is `null`, never "met". */
export type ItemStatus = 'dat' | 'khong-dat' | 'khong-ap-dung';

/** Where a value came from, so every problem can name file, sheet, row and column. */
export interface SourceRef {
  readonly file: string;
  readonly sheet?: string;
  /** 1-based row number as the spreadsheet program shows it. */
  readonly row?: number;
  /** Column letter (`C`) or header name. */
  readonly column?: string;
}

/**
 * What the SourceRefs of one sheet's rows share (or of one column of it): file, sheet, column. A row keeps this
 * place, shared, and its number, and makes its SourceRef when asked (`sourceAt`): a national year has 440 000 rows,
 * and an object of its own for each one's place took 23 MB of the heap.
 */
export interface SheetPlace {
  readonly file: string;
  readonly sheet?: string;
  readonly column?: string;
}

/**
 * Rows as the rules take them: counted, in order, one at a time. An array is one; the readers keep a year's
 * self-report and assessment rows column by column (src/io/rows.ts) and make a row's object only when it is asked for,
 * so that a national year's 440 000 rows are never 440 000 objects at once (issue #15).
 */
export interface RowList<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  /** Row `index`'s unit code, without making the row (a table kept column by column can). */
  unitCodeAt?(index: number): string;
}

/** A row as the readers keep it: its place, shared with the other rows of its sheet, and its number (see SheetPlace). */
export interface PlacedRow {
  readonly place: SheetPlace;
  readonly line: number | undefined;
}

/** Whether a row keeps its place and line (the readers' rows do; a row made by hand may give only a SourceRef). */
export function isPlaced(row: object): row is PlacedRow {
  return 'place' in row && 'line' in row;
}

/** The SourceRef of row `row` of a place, its keys in SourceRef's order, with no key for what is not known. */
export function sourceAt(place: SheetPlace, row: number | undefined): SourceRef {
  const { file, sheet, column } = place;
  if (row === undefined) {
    if (column === undefined) return sheet === undefined ? { file } : { file, sheet };
    return sheet === undefined ? { file, column } : { file, sheet, column };
  }
  if (column === undefined) return sheet === undefined ? { file, row } : { file, sheet, row };
  return sheet === undefined ? { file, row, column } : { file, sheet, row, column };
}

export interface Unit {
  /** Mã đơn vị, trimmed and upper-cased by the readers. */
  readonly code: string;
  readonly name: string;
  readonly block: Block;
  /** Loại đơn vị: a kind of the regulation (`co-quan-chuyen-mon`, `sbn-khac`, `ubnd-huyen`); decides which items apply. */
  readonly kind: string;
  /** False when the units file says `Xếp hạng ICT Index` = Không: no rank, no groups. */
  readonly inIndex: boolean;
  /** Mã đơn vị năm trước: last year's codes of a renamed, merged or split unit; empty = the same code. */
  readonly previousCodes: readonly string[];
  /**
   * The part of the year the unit existed (Hoạt động từ ngày / đến ngày: a district until 30/6/2025, a ward from
   * 1/7/2025); null = the whole year.
   */
  readonly period?: Period | null;
  /** Địa bàn: the unit's former province after a merger ("Bắc Giang cũ"); empty = the regulation's own territory. */
  readonly territory?: string;
  readonly source?: SourceRef;
}

/** One responsible person of a unit (one row of the units file). */
export interface Person {
  readonly unitCode: string;
  readonly name: string;
  /** Chức vụ, as written (Giám đốc, Chủ tịch UBND, Phó Giám đốc, …). */
  readonly position: string;
  readonly role: Role;
  /** Từ ngày / Đến ngày, within the unit's period of the year; null = the whole of it. */
  readonly period: Period | null;
  /** Mục được phân công of a deputy (sorted section numbers); null for a head. */
  readonly assignedSections: readonly number[] | null;
  /** Văn bản phân công of a deputy; empty for a head. */
  readonly assignmentDocument: string;
  readonly source?: SourceRef;
}

/** One row of a scores file: a unit's ICT Index score for a year. */
export interface ScoreRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly block: Block;
  /** The score, on whatever scale the index uses; `null` when the unit has no score. */
  readonly score: number | null;
  /** The score cell says `Không xếp hạng`: the unit is not ranked in the index. */
  readonly notRanked?: boolean;
  /** The official rank (Hạng) when the file gives one (used when the whole group has one: `rankSource`). */
  readonly officialRank?: number | null;
  /** Other columns of the scores file (component indices: hạ tầng kỹ thuật, nhân lực, …), carried through as written. */
  readonly components?: readonly { readonly name: string; readonly value: number | string | null }[];
  readonly source?: SourceRef;
}

/** One row of a self-report: a unit's statuses for one checklist item. */
export interface SelfReportRow {
  readonly unitCode: string;
  readonly itemCode: string;
  /** Tự đánh giá, by the unit. */
  readonly selfAssessment: ItemStatus | null;
  /** Minh chứng. */
  readonly evidence: string;
  /** Ghi chú. */
  readonly note: string;
  /**
   * Khó khăn, vướng mắc: what the unit raises about applying the regulation (Điều 19, đoạn 2), written on any row of
   * its report; for the annual report's section IV. Absent where the file has no such column.
   */
  readonly difficulties?: string;
  readonly source?: SourceRef;
}

/** One item of the department's own assessment of a unit (kết quả đánh giá của Sở): it decides the item. */
export interface AssessmentRow {
  readonly unitCode: string;
  readonly itemCode: string;
  /** Null = not assessed (a blank cell). */
  readonly status: ItemStatus | null;
  /** Ghi chú: the reason for `Không áp dụng`, or the department's remark. */
  readonly note: string;
  readonly source?: SourceRef;
}

/** Facts of the year's follow-up for one unit; a unit absent from the file has all three false. */
export interface FollowUp {
  readonly unitCode: string;
  /** Chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT. */
  readonly slow: boolean;
  /** Cơ quan quản lý cấp trên yêu cầu phải kiểm điểm. */
  readonly reviewDemanded: boolean;
  /** Văn bản yêu cầu kiểm điểm: the document that demands the review. */
  readonly reviewDocument: string;
  /** Thành tích đặc biệt xuất sắc (the ad-hoc reward). */
  readonly exceptionalAchievement: boolean;
  /** Người được đề nghị thưởng: empty = the unit itself; else the name of one of the unit's persons. */
  readonly rewardRecipient: string;
  /** Căn cứ / ghi chú. */
  readonly note: string;
  readonly source?: SourceRef;
}

/** An input file of a run, as the record and the outputs' basis name it: its role, path, SHA-256 and size. */
export interface InputFile {
  /** What the file is. */
  readonly role: 'units' | 'scores' | 'assessment' | 'previous-scores' | 'previous-units' | 'self-report' | 'follow-up';
  /** Path relative to the workspace, with `/`, as messages and outputs name it. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}
