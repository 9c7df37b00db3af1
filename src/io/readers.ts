import { z } from 'zod';
import type { FollowUp, Person, ScoreRow, SelfReportRow, SourceRef, Unit } from '../domain.js';
import type { BlockDef } from '../rules/regulation.js';
import { type Cell, isBadCell } from './cells.js';
import {
  blockField,
  flagField,
  itemCodeField,
  rankField,
  requiredTextField,
  roleField,
  scoreField,
  statusField,
  textField,
  unitCodeField,
} from './fields.js';
import type { ReadLimits } from './limits.js';
import { cleanText, parseNumberText } from './normalize.js';
import { type Problem, error } from './problems.js';
import { type TableRow, type TableSpec, readTable } from './table.js';

const UNIT_CODE = { key: 'unitCode', headers: ['Mã đơn vị', 'Mã ĐV', 'Unit code', 'Unit id'], required: true } as const;
const UNIT_NAME = { key: 'unitName', headers: ['Tên đơn vị', 'Đơn vị', 'Unit name', 'Unit'], required: true } as const;
const BLOCK = { key: 'block', headers: ['Khối', 'Block'], required: true } as const;

export const UNITS_SPEC = {
  titleVi: 'danh sách đơn vị và người chịu trách nhiệm',
  columns: [
    UNIT_CODE,
    UNIT_NAME,
    BLOCK,
    { key: 'name', headers: ['Họ và tên', 'Họ tên', 'Full name', 'Name'], required: true },
    { key: 'position', headers: ['Chức vụ', 'Position', 'Title'], required: true },
    { key: 'role', headers: ['Vai trò', 'Role'], required: true },
  ],
} as const satisfies TableSpec<string>;

export const SCORES_SPEC = {
  titleVi: 'bảng điểm ICT Index',
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

export const SELF_REPORT_SPEC = {
  titleVi: 'báo cáo tự đánh giá',
  columns: [
    UNIT_CODE,
    { key: 'itemCode', headers: ['Mã tiêu chí', 'Tiêu chí', 'Item code', 'Item'], required: true },
    { key: 'selfAssessment', headers: ['Tự đánh giá', 'Self-assessment', 'Self assessment'], required: true },
    { key: 'evidence', headers: ['Minh chứng', 'Evidence'], required: false },
    { key: 'appraisal', headers: ['Thẩm định', 'Kết quả thẩm định', 'Appraisal'], required: false },
    { key: 'note', headers: ['Ghi chú', 'Note', 'Notes'], required: false },
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
    { key: 'exceptionalAchievement', headers: ['Thành tích đặc biệt', 'Exceptional achievement'], required: true },
    { key: 'note', headers: ['Căn cứ / ghi chú', 'Căn cứ', 'Ghi chú', 'Note'], required: false },
  ],
} as const satisfies TableSpec<string>;

type KeyOf<S extends TableSpec<string>> = S['columns'][number]['key'];

/** The row schemas that depend on the run's blocks. */
function buildBlockSchemas(blocks: readonly BlockDef[]) {
  const block = blockField(blocks);
  return {
    unit: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField('tên đơn vị'),
      block,
      name: requiredTextField('họ và tên'),
      position: requiredTextField('chức vụ'),
      role: roleField,
    }),
    score: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField('tên đơn vị'),
      block,
      score: scoreField,
      officialRank: rankField,
    }),
  };
}

const schemasByBlocks = new WeakMap<readonly BlockDef[], ReturnType<typeof buildBlockSchemas>>();

/** The schemas for a list of blocks, built once per list. */
function blockSchemas(blocks: readonly BlockDef[]): ReturnType<typeof buildBlockSchemas> {
  let schemas = schemasByBlocks.get(blocks);
  if (schemas === undefined) {
    schemas = buildBlockSchemas(blocks);
    schemasByBlocks.set(blocks, schemas);
  }
  return schemas;
}

const selfReportRow = z.object({
  unitCode: unitCodeField,
  itemCode: itemCodeField,
  selfAssessment: statusField,
  evidence: textField,
  appraisal: statusField,
  note: textField,
});

const followUpRow = z.object({
  unitCode: unitCodeField,
  slow: flagField,
  reviewDemanded: flagField,
  exceptionalAchievement: flagField,
  note: textField,
});

/** Turns one table row into a typed object, or into one located problem per bad cell. */
function parseRow<S extends TableSpec<string>, T>(
  spec: S,
  schema: z.ZodType<T>,
  row: TableRow<KeyOf<S>>,
  problems: Problem[],
): T | undefined {
  const input: Record<string, Cell> = {};
  for (const column of spec.columns) input[column.key] = row.cells[column.key as KeyOf<S>] ?? null;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as KeyOf<S>;
    const letter = row.columns[key];
    const header = spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
    problems.push(
      error(`invalid-${key}`, issue.message, {
        ...row.where,
        column: letter === undefined ? header : `${letter} (${header})`,
      }),
    );
  }
  return undefined;
}

function at(where: SourceRef): string {
  return `${where.sheet === undefined ? '' : `trang "${where.sheet}", `}dòng ${where.row ?? '?'}`;
}

export interface UnitsRead {
  readonly units: readonly Unit[];
  readonly persons: readonly Person[];
  readonly problems: readonly Problem[];
}

/** The units file: one row per responsible person; each unit with one name, one block, exactly one head. */
export async function readUnitsFile(
  path: string,
  display: string,
  limits: ReadLimits,
  blocks: readonly BlockDef[],
): Promise<UnitsRead> {
  const unitRow = blockSchemas(blocks).unit;
  const table = await readTable(path, display, UNITS_SPEC, limits);
  const problems: Problem[] = [...table.problems];
  const units = new Map<string, { unit: Unit; where: SourceRef }>();
  const heads = new Map<string, SourceRef>();
  const persons: Person[] = [];
  for (const row of table.rows) {
    const value = parseRow(UNITS_SPEC, unitRow, row, problems);
    if (value === undefined) continue;
    const known = units.get(value.unitCode);
    if (known === undefined) {
      units.set(value.unitCode, {
        unit: { code: value.unitCode, name: value.unitName, block: value.block },
        where: row.where,
      });
    } else if (known.unit.name !== value.unitName || known.unit.block !== value.block) {
      problems.push(
        error(
          'unit-inconsistent',
          `đơn vị ${value.unitCode} có tên hoặc khối khác với ${at(known.where)} ("${known.unit.name}", ${known.unit.block}).`,
          row.where,
        ),
      );
    }
    if (value.role === 'head') {
      const other = heads.get(value.unitCode);
      if (other !== undefined) {
        problems.push(
          error(
            'second-head',
            `đơn vị ${value.unitCode} có người đứng đầu thứ hai (người thứ nhất ở ${at(other)}); mỗi đơn vị chỉ có một người đứng đầu.`,
            row.where,
          ),
        );
      } else {
        heads.set(value.unitCode, row.where);
      }
    }
    persons.push({
      unitCode: value.unitCode,
      name: value.name,
      position: value.position,
      role: value.role,
      source: row.where,
    });
  }
  for (const [code, { where }] of units) {
    if (!heads.has(code))
      problems.push(
        error('no-head', `đơn vị ${code} không có người đứng đầu (Vai trò "Người đứng đầu").`, {
          file: where.file,
          ...(where.sheet === undefined ? {} : { sheet: where.sheet }),
        }),
      );
  }
  if (table.problems.length === 0 && table.rows.length === 0)
    problems.push(error('units-empty', 'danh sách đơn vị không có dòng nào.', { file: display }));
  return { units: [...units.values()].map((u) => u.unit), persons, problems };
}

export interface ScoresRead {
  readonly scores: readonly ScoreRow[];
  readonly problems: readonly Problem[];
}

function componentValue(cell: Cell): number | string | null {
  if (cell === null || isBadCell(cell)) return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = cleanText(String(cell));
  return parseNumberText(text) ?? (text === '' ? null : text);
}

/** A scores file: one row per unit; a unit given twice is an error. */
export async function readScoresFile(
  path: string,
  display: string,
  limits: ReadLimits,
  blocks: readonly BlockDef[],
): Promise<ScoresRead> {
  const scoreRow = blockSchemas(blocks).score;
  const table = await readTable(path, display, SCORES_SPEC, limits);
  const problems: Problem[] = [...table.problems];
  const seen = new Map<string, SourceRef>();
  const scores: ScoreRow[] = [];
  for (const row of table.rows) {
    const value = parseRow(SCORES_SPEC, scoreRow, row, problems);
    if (value === undefined) continue;
    const other = seen.get(value.unitCode);
    if (other !== undefined) {
      problems.push(
        error('duplicate-score', `đơn vị ${value.unitCode} có hai dòng điểm (dòng kia ở ${at(other)}).`, row.where),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    scores.push({
      ...value,
      components: row.extras
        .filter((e) => e.header !== '')
        .map((e) => ({ name: e.header, value: componentValue(e.cell) })),
      source: row.where,
    });
  }
  return { scores, problems };
}

export interface SelfReportsRead {
  readonly rows: readonly SelfReportRow[];
  readonly problems: readonly Problem[];
}

/** A self-report file (long format): any number of units and items; item codes must be those of the checklist given. */
export async function readSelfReportFile(
  path: string,
  display: string,
  limits: ReadLimits,
  itemCodes: readonly string[],
): Promise<SelfReportsRead> {
  const known = new Set(itemCodes);
  const table = await readTable(path, display, SELF_REPORT_SPEC, limits);
  const problems: Problem[] = [...table.problems];
  const rows: SelfReportRow[] = [];
  for (const row of table.rows) {
    const value = parseRow(SELF_REPORT_SPEC, selfReportRow, row, problems);
    if (value === undefined) continue;
    if (!known.has(value.itemCode)) {
      const letter = row.columns.itemCode;
      problems.push(
        error(
          'unknown-item',
          `mã tiêu chí "${value.itemCode}" không có trong danh mục (${itemCodes[0] ?? ''} … ${itemCodes.at(-1) ?? ''}).`,
          { ...row.where, column: `${letter ?? ''} (Mã tiêu chí)`.trim() },
        ),
      );
      continue;
    }
    rows.push({ ...value, source: row.where });
  }
  return { rows, problems };
}

export interface FollowUpsRead {
  readonly followUps: readonly FollowUp[];
  readonly problems: readonly Problem[];
}

/** The follow-up file: one row per unit with a fact to record. */
export async function readFollowUpFile(path: string, display: string, limits: ReadLimits): Promise<FollowUpsRead> {
  const table = await readTable(path, display, FOLLOW_UP_SPEC, limits);
  const problems: Problem[] = [...table.problems];
  const seen = new Map<string, SourceRef>();
  const followUps: FollowUp[] = [];
  for (const row of table.rows) {
    const value = parseRow(FOLLOW_UP_SPEC, followUpRow, row, problems);
    if (value === undefined) continue;
    const other = seen.get(value.unitCode);
    if (other !== undefined) {
      problems.push(
        error(
          'duplicate-follow-up',
          `đơn vị ${value.unitCode} có hai dòng theo dõi (dòng kia ở ${at(other)}); hãy gộp lại thành một dòng.`,
          row.where,
        ),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    followUps.push({ ...value, source: row.where });
  }
  return { followUps, problems };
}
