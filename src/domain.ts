/**
 * The domain objects: what the readers (src/io) produce from the province's files and the
 * rules (src/rules) decide on. Plain data, already validated; no I/O here.
 */

/**
 * Khối: the code of a block the regulation names (under QĐ 358/2013: `SBN`, `HUYEN`) or one declared
 * in the workspace configuration with its legal basis. The readers accept only the blocks of the run.
 */
export type Block = string;

/** Vai trò: the head (người đứng đầu) or a deputy assigned the duty (cấp phó được phân công). */
export type Role = 'head' | 'deputy';

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

export interface Unit {
  /** Mã đơn vị, trimmed and upper-cased by the readers. */
  readonly code: string;
  readonly name: string;
  readonly block: Block;
}

/** One responsible person of a unit (one row of the units file). */
export interface Person {
  readonly unitCode: string;
  readonly name: string;
  /** Chức vụ, as written (Giám đốc, Chủ tịch UBND, Phó Giám đốc, …). */
  readonly position: string;
  readonly role: Role;
  readonly source?: SourceRef;
}

/** One row of a scores file: a unit's ICT Index score for a year. */
export interface ScoreRow {
  readonly unitCode: string;
  readonly unitName: string;
  readonly block: Block;
  /** The score, on whatever scale the index uses; `null` when the unit has no score. */
  readonly score: number | null;
  /** The official rank (Hạng) when the file gives one; the tool ranks by score and warns on disagreement. */
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
  /** Thẩm định, by the department that assesses; decides where present. */
  readonly appraisal: ItemStatus | null;
  /** Ghi chú. */
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
  /** Thành tích đặc biệt xuất sắc (Điều 16 khoản 2). */
  readonly exceptionalAchievement: boolean;
  /** Căn cứ / ghi chú. */
  readonly note: string;
  readonly source?: SourceRef;
}
