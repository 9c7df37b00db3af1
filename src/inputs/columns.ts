/**
 * The columns of each input (product.md "Input files"): the canonical header first, then the aliases accepted
 * (Vietnamese and English). One place for the readers (src/io/readers.ts), which find them in a file, and the templates
 * (src/report/render/templates.ts), which write them.
 */

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The canonical header first, then the accepted aliases (Vietnamese and English). */
  readonly headers: readonly string[];
  readonly required: boolean;
}

export interface TableSpec<K extends string> {
  /** What the file is, for messages: `danh sách đơn vị`, `bảng điểm`, … */
  readonly titleVi: string;
  readonly columns: readonly ColumnSpec<K>[];
}

/** The keys of a spec's columns. */
export type KeyOf<S extends TableSpec<string>> = S['columns'][number]['key'];

export const UNIT_CODE = {
  key: 'unitCode',
  headers: ['Mã đơn vị', 'Mã ĐV', 'Unit code', 'Unit id'],
  required: true,
} as const;
export const UNIT_NAME = {
  key: 'unitName',
  headers: ['Tên đơn vị', 'Đơn vị', 'Unit name', 'Unit'],
  required: true,
} as const;
const BLOCK = { key: 'block', headers: ['Khối', 'Block'], required: true } as const;
export const NOTE = { key: 'note', headers: ['Ghi chú', 'Note', 'Notes'], required: false } as const;

export const UNITS_SPEC = {
  titleVi: 'danh sách đơn vị và người chịu trách nhiệm',
  columns: [
    UNIT_CODE,
    UNIT_NAME,
    BLOCK,
    { key: 'kind', headers: ['Loại đơn vị', 'Unit kind', 'Kind'], required: false },
    { key: 'name', headers: ['Họ và tên', 'Họ tên', 'Full name', 'Name'], required: true },
    { key: 'position', headers: ['Chức vụ', 'Position', 'Title'], required: true },
    { key: 'role', headers: ['Vai trò', 'Role'], required: true },
    { key: 'from', headers: ['Từ ngày', 'From'], required: false },
    { key: 'to', headers: ['Đến ngày', 'To', 'Until'], required: false },
    { key: 'sections', headers: ['Mục được phân công', 'Mục phân công', 'Assigned sections'], required: false },
    { key: 'assignment', headers: ['Văn bản phân công', 'Assignment document'], required: false },
    {
      key: 'inIndex',
      headers: ['Xếp hạng ICT Index', 'Xếp hạng DTI', 'Xếp hạng chỉ số', 'Ranked in the index', 'In the index'],
      required: false,
    },
    { key: 'previousCodes', headers: ['Mã đơn vị năm trước', 'Mã năm trước', 'Previous unit code'], required: false },
    // v3: a unit's own period when it began or ceased during the year, and its former province after the merger.
    {
      key: 'activeFrom',
      headers: ['Hoạt động từ ngày', 'Thành lập từ ngày', 'Active from', 'Unit active from'],
      required: false,
    },
    {
      key: 'activeTo',
      headers: ['Hoạt động đến ngày', 'Kết thúc hoạt động', 'Active until', 'Unit active until'],
      required: false,
    },
    { key: 'territory', headers: ['Địa bàn', 'Địa bàn (tỉnh cũ)', 'Territory', 'Former province'], required: false },
  ],
} as const satisfies TableSpec<string>;

export const SCORES_SPEC = {
  titleVi: 'bảng điểm xếp hạng (ICT Index, DTI)',
  columns: [
    UNIT_CODE,
    UNIT_NAME,
    BLOCK,
    {
      key: 'score',
      headers: ['Điểm ICT Index', 'ICT Index', 'Điểm DTI', 'DTI', 'Chỉ số', 'Tổng điểm', 'Score', 'Điểm'],
      required: true,
    },
    { key: 'officialRank', headers: ['Hạng', 'Xếp hạng', 'Rank'], required: false },
  ],
} as const satisfies TableSpec<string>;

/** The units' report (v2): no assessment column; the department's assessment is a file of its own. */
export const SELF_REPORT_SPEC = {
  titleVi: 'báo cáo tự đánh giá',
  columns: [
    UNIT_CODE,
    { key: 'itemCode', headers: ['Mã tiêu chí', 'Tiêu chí', 'Item code', 'Item'], required: true },
    { key: 'selfAssessment', headers: ['Tự đánh giá', 'Self-assessment', 'Self assessment'], required: true },
    { key: 'evidence', headers: ['Minh chứng', 'Evidence'], required: false },
    NOTE,
    {
      key: 'difficulties',
      headers: ['Khó khăn, vướng mắc', 'Khó khăn, vướng mắc (nếu có)', 'Khó khăn', 'Vướng mắc', 'Difficulties'],
      required: false,
    },
  ],
} as const satisfies TableSpec<string>;

export const FOLLOW_UP_SPEC = {
  titleVi: 'bảng theo dõi sau đánh giá',
  columns: [
    UNIT_CODE,
    {
      key: 'slow',
      headers: ['Chậm triển khai kết luận', 'Chậm triển khai', 'Slow on conclusions', 'Slow'],
      required: true,
    },
    { key: 'reviewDemanded', headers: ['Yêu cầu kiểm điểm', 'Review demanded'], required: true },
    {
      key: 'reviewDocument',
      headers: ['Văn bản yêu cầu kiểm điểm', 'Văn bản kiểm điểm', 'Review document'],
      required: false,
    },
    { key: 'exceptionalAchievement', headers: ['Thành tích đặc biệt', 'Exceptional achievement'], required: true },
    {
      key: 'rewardRecipient',
      headers: ['Người được đề nghị thưởng', 'Người được thưởng', 'Reward recipient'],
      required: false,
    },
    { key: 'note', headers: ['Căn cứ / ghi chú', 'Căn cứ', 'Ghi chú', 'Note'], required: false },
  ],
} as const satisfies TableSpec<string>;

/** The assessment file's columns: the long form's, and one column per item code for the wide form. */
export function assessmentSpec(itemCodes: readonly string[]): TableSpec<string> {
  return {
    titleVi: 'bảng đánh giá của Sở',
    columns: [
      UNIT_CODE,
      { key: 'unitName', headers: UNIT_NAME.headers, required: false },
      { key: 'itemCode', headers: ['Mã tiêu chí', 'Tiêu chí', 'Item code', 'Item'], required: false },
      {
        key: 'result',
        headers: ['Kết quả đánh giá', 'Kết quả đánh giá của Sở', 'Đánh giá của Sở', 'Kết quả', 'Assessment', 'Result'],
        required: false,
      },
      NOTE,
      ...itemCodes.map((code) => ({ key: `item:${code}`, headers: [code, `Tiêu chí ${code}`], required: false })),
    ],
  };
}
