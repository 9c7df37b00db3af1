import { z } from 'zod';
import type { AssessmentRow, FollowUp, Period, Person, ScoreRow, SheetPlace, SourceRef, Unit } from '../domain.js';
import { holdsHeadPost, sourceAt } from '../domain.js';
import { formatCitation } from '../rules/citation.js';
import type { BlockDef, Regulation } from '../rules/regulation.js';
import { type Cell, isBadCell } from './cells.js';
import { AssessmentColumns, SelfReportColumns, byPair, placesOf } from './rows.js';
import {
  ALL_SECTIONS,
  NOT_RANKED,
  compiledRow,
  blockField,
  dateField,
  flagField,
  inIndexField,
  itemCodeField,
  kindField,
  previousCodesField,
  rankField,
  requiredTextField,
  roleField,
  scoreField,
  sectionsField,
  statusField,
  textField,
  unitCodeField,
} from './fields.js';
import type { ReadLimits } from './limits.js';
import { cleanText, matchKey, parseNumberText } from './normalize.js';
import { type Problem, error, info, warning, aboutUnit, aboutUnits, named } from '../problems.js';
import { type TableRow, readTable, streamTable } from './table.js';
import {
  FOLLOW_UP_SPEC,
  type KeyOf,
  SCORES_SPEC,
  SELF_REPORT_SPEC,
  type TableSpec,
  UNITS_SPEC,
  assessmentSpec,
} from '../inputs/columns.js';

/** What reading a year's units needs of the run: its blocks, its regulation (kinds, sections), the year. */
export interface UnitsRules {
  readonly blocks: readonly BlockDef[];
  readonly regulation: Pick<Regulation, 'unitKinds' | 'sections' | 'deputyBasis'>;
  /** The evaluation year, to check the periods against; undefined = not checked. */
  readonly year?: number;
}

/** The row schemas that depend on the run's blocks and regulation. */
function buildSchemas(blocks: readonly BlockDef[], regulation: UnitsRules['regulation']) {
  const block = blockField(blocks);
  return {
    unit: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField({ vi: 'tên đơn vị', en: 'the unit name' }),
      block,
      kind: kindField(regulation.unitKinds),
      name: requiredTextField({ vi: 'họ và tên', en: 'the name' }),
      position: requiredTextField({ vi: 'chức vụ', en: 'the position' }),
      role: roleField,
      from: dateField,
      to: dateField,
      sections: sectionsField(regulation.sections.map((s) => s.number)),
      assignment: textField,
      inIndex: inIndexField,
      previousCodes: previousCodesField,
      activeFrom: dateField,
      activeTo: dateField,
      territory: textField,
    }),
    score: z.object({
      unitCode: unitCodeField,
      unitName: requiredTextField({ vi: 'tên đơn vị', en: 'the unit name' }),
      block,
      score: scoreField,
      officialRank: rankField,
    }),
  };
}

/** The schemas for a list of blocks and a regulation, built once per pair. */
const schemas = byPair(
  (blocks: readonly BlockDef[], regulation: UnitsRules['regulation']) => buildSchemas(blocks, regulation),
  new WeakMap(),
);

const selfReportRow = z.object({
  unitCode: unitCodeField,
  itemCode: itemCodeField,
  selfAssessment: statusField,
  evidence: textField,
  note: textField,
  difficulties: textField,
});

const followUpRow = z.object({
  unitCode: unitCodeField,
  slow: flagField,
  reviewDemanded: flagField,
  reviewDocument: textField,
  exceptionalAchievement: flagField,
  rewardRecipient: textField,
  note: textField,
});

/** Turns one table row into a typed object, or into one located problem per bad cell. */
function parseRow<S extends TableSpec<string>, T>(
  spec: S,
  schema: z.ZodType<T>,
  row: TableRow<KeyOf<S>>,
  problems: Problem[],
): T | undefined {
  // The hot path: the row's cell converters compiled from its schema, no zod parse per row (same values, same issues).
  const compiled = compiledRow(schema);
  if (compiled !== undefined) {
    const value: Record<string, unknown> = {};
    let failed = false;
    for (const [key, convert] of compiled) {
      const converted = convert(row.cells[key as KeyOf<S>] ?? null);
      if ('ok' in converted) value[key] = converted.ok;
      else {
        problems.push(error(`invalid-${key}`, converted.error, at(spec, row, key as KeyOf<S>)));
        failed = true;
      }
    }
    return failed ? undefined : (value as T);
  }
  const input: Record<string, Cell> = {};
  for (const column of spec.columns) input[column.key] = row.cells[column.key as KeyOf<S>] ?? null;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]) as KeyOf<S>;
    const en: unknown = issue.code === 'custom' ? issue.params?.en : undefined;
    const message = typeof en === 'string' ? { vi: issue.message, en } : issue.message;
    problems.push(error(`invalid-${key}`, message, at(spec, row, key)));
  }
  return undefined;
}

/** Where a cell is: the row, and the column's letter with its canonical header. */
function at<S extends TableSpec<string>>(spec: S, row: TableRow<KeyOf<S>>, key: KeyOf<S>): SourceRef {
  return sourceAt(columnPlace(row.columns, key, row.where, spec, row.headers), row.where.row);
}

/**
 * The place of a column of a sheet: its file, sheet and "E (Kết quả đánh giá)" (the letter and canonical header), made
 * once per sheet and column and shared by the column's cells — the wide assessment form locates every one of its 220 000
 * national cells. A sheet's rows share one letters object, made for that sheet alone: it stands for the sheet here.
 */
const columnPlace = byPair(
  (
    letters: TableRow<string>['columns'],
    key: string,
    where: SourceRef,
    spec: TableSpec<string>,
    written?: TableRow<string>['headers'],
  ): SheetPlace => {
    const letter = letters[key];
    // The column as the file heads it ("Điểm DTI"), else as the spec names it.
    const header = written?.[key] ?? spec.columns.find((c) => c.key === key)?.headers[0] ?? key;
    const column = letter === undefined ? header : `${letter} (${header})`;
    const { file, sheet } = where;
    return sheet === undefined ? { file, column } : { file, sheet, column };
  },
  new WeakMap(),
);

/** Words of a header that say it may hold data the tool reads (a score, a status, a code, a flag). */
const DATA_WORDS =
  /\b(diem|danh gia|tham dinh|xep hang|hang|ket qua|vai tro|khoi|ma don vi|ma tieu chi|tieu chi|cham trien khai|kiem diem|thanh tich|tu danh gia)\b/u;

/**
 * The columns a file has that the reader does not take: listed for `check` (info), and a warning
 * wherever one looks like data (its header says "điểm", "đánh giá", …), so that a column that would
 * change an outcome is never dropped without a word.
 */
function unreadColumns(
  headers: readonly string[] | undefined,
  display: string,
  skip: (header: string) => boolean = () => false,
): Problem[] {
  const unread = (headers ?? []).filter((h) => !skip(h));
  if (unread.length === 0) return [];
  const suspicious = unread.filter((h) => DATA_WORDS.test(matchKey(h)));
  const problems: Problem[] = [
    info(
      'unread-columns',
      {
        vi: `các cột không được đọc: ${unread.map((h) => `"${h}"`).join(', ')}.`,
        en: `columns not read: ${unread.map((h) => `"${h}"`).join(', ')}.`,
      },
      { file: display },
    ),
  ];
  if (suspicious.length > 0) {
    problems.push(
      warning(
        'similar-column',
        {
          vi: `cột ${suspicious.map((h) => `"${h}"`).join(', ')} không được đọc nhưng tiêu đề giống một cột dữ liệu; nếu đây là cột cần dùng, hãy đặt đúng tiêu đề (và xoá hoặc đổi tên cột cũ).`,
          en: `column(s) ${suspicious.map((h) => `"${h}"`).join(', ')} not read, though the heading looks like a data column; if it is the one to use, give it the expected heading (and remove or rename the old column).`,
        },
        { file: display },
      ),
    );
  }
  return problems;
}

function place(where: SourceRef): string {
  return `${where.sheet === undefined ? '' : `trang "${where.sheet}", `}dòng ${where.row ?? '?'}`;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

export interface UnitsRead {
  readonly units: readonly Unit[];
  readonly persons: readonly Person[];
  readonly problems: readonly Problem[];
  /**
   * Codes of units set aside: a row that could not be read, or a unit that did not exist in the year. Other files'
   * references to them are not reported again (one mistake, one message).
   */
  readonly unreadable: ReadonlySet<string>;
  /** Where each unit's Mã đơn vị năm trước is written (the cell), for the units that give one. */
  readonly previousCodesAt?: ReadonlyMap<string, SourceRef>;
}

type UnitValue = z.output<ReturnType<typeof buildSchemas>['unit']>;
type UnitsRow = TableRow<KeyOf<typeof UNITS_SPEC>>;

interface UnitDraft {
  code: string;
  name: string;
  block: string;
  kind: string | null;
  inIndex: boolean;
  previousCodes: readonly string[];
  activeFrom: string | null;
  activeTo: string | null;
  territory: string;
  /** The unit's first row: where its facts are. */
  row: UnitsRow;
}

/**
 * The units file (v2, v3): one row per responsible person. Each unit has one name, block, kind, index status, previous
 * codes, period of activity and territory; its heads and acting heads have periods within the unit's that do not
 * overlap; a deputy names the assignment document and the sections assigned. A unit whose row is malformed, or that did
 * not exist in the year, is set aside with its persons, and said once.
 */
export async function readUnitsFile(
  path: string,
  display: string,
  limits: ReadLimits,
  rules: UnitsRules,
): Promise<UnitsRead> {
  const table = await readTable(path, display, UNITS_SPEC, limits);
  const schema = schemas(rules.blocks, rules.regulation).unit;
  const problems: Problem[] = [...table.problems, ...unreadColumns(table.extraHeaders, display)];
  const drafts = new Map<string, UnitDraft>();
  const read: { value: UnitValue; row: UnitsRow }[] = [];
  const unreadable = new Set<string>();
  for (const row of table.rows) {
    const value = parseRow(UNITS_SPEC, schema, row, problems);
    if (value === undefined) {
      const code = unitCodeField.safeParse(row.cells.unitCode ?? null);
      if (code.success) unreadable.add(code.data);
      continue;
    }
    mergeUnit(drafts, value, row, problems);
    read.push({ value, row });
  }
  const units = finishUnits(drafts, rules, problems, unreadable);
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const persons: Person[] = [];
  for (const { value, row } of read) {
    // A person of a unit set aside (its kind, block or period is wrong, or it did not exist in the year) is not rated:
    // the unit's own message says why, once.
    const unit = unitOf.get(value.unitCode);
    if (unit === undefined) continue;
    const person = personOf(value, row, unit, rules, problems);
    if (person !== undefined) persons.push(person);
  }
  checkHeads(units, persons, unreadable, rules.year, problems);
  checkDuplicatePersons(persons, problems);
  const previousCodesAt = new Map<string, SourceRef>();
  for (const { value, row } of read)
    if (value.previousCodes.length > 0 && unitOf.has(value.unitCode) && !previousCodesAt.has(value.unitCode))
      previousCodesAt.set(value.unitCode, at(UNITS_SPEC, row, 'previousCodes'));
  if (table.problems.length === 0 && table.rows.length === 0) {
    problems.push(
      error(
        'units-empty',
        { vi: 'danh sách đơn vị không có dòng nào.', en: 'the units file has no rows.' },
        { file: display },
      ),
    );
  }
  return { units, persons, problems, unreadable, previousCodesAt };
}

/** The unit of a row, checked against the unit's earlier rows (one name, block, kind, index status, codes, period). */
function mergeUnit(units: Map<string, UnitDraft>, value: UnitValue, row: UnitsRow, problems: Problem[]): void {
  const known = units.get(value.unitCode);
  if (known === undefined) {
    units.set(value.unitCode, {
      code: value.unitCode,
      name: value.unitName,
      block: value.block,
      kind: value.kind,
      inIndex: value.inIndex,
      previousCodes: value.previousCodes,
      activeFrom: value.activeFrom,
      activeTo: value.activeTo,
      territory: value.territory,
      row,
    });
    return;
  }
  const differs: string[] = [];
  if (known.name !== value.unitName) differs.push(`tên "${known.name}"`);
  if (known.block !== value.block) differs.push(`khối ${known.block}`);
  if (value.kind !== null && known.kind !== null && known.kind !== value.kind) differs.push('loại đơn vị');
  if (!value.inIndex && known.inIndex) differs.push('Xếp hạng ICT Index');
  if (
    value.previousCodes.length > 0 &&
    known.previousCodes.length > 0 &&
    value.previousCodes.join() !== known.previousCodes.join()
  ) {
    differs.push('mã đơn vị năm trước');
  }
  const differ = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;
  if (differ(known.activeFrom, value.activeFrom) || differ(known.activeTo, value.activeTo))
    differs.push('thời gian hoạt động');
  if (value.territory !== '' && known.territory !== '' && matchKey(value.territory) !== matchKey(known.territory))
    differs.push(`địa bàn "${known.territory}"`);
  if (differs.length > 0) {
    problems.push(
      error(
        'unit-inconsistent',
        {
          vi: `thông tin đơn vị ${value.unitCode} khác với ${place(known.row.where)} (ở đó ghi: ${differs.join(', ')}); mỗi đơn vị chỉ có một tên, một khối, một loại.`,
          en: `the details of unit ${value.unitCode} differ from ${place(known.row.where)} (there: ${differs.join(', ')}); a unit has one name, one block, one kind.`,
        },
        row.where,
      ),
    );
    return;
  }
  if (known.kind === null) known.kind = value.kind;
  if (known.previousCodes.length === 0) known.previousCodes = value.previousCodes;
  known.activeFrom ??= value.activeFrom;
  known.activeTo ??= value.activeTo;
  if (known.territory === '') known.territory = value.territory;
}

/** The person of a row: a deputy's assignment and sections, a period within the unit's period of the year. */
function personOf(
  value: UnitValue,
  row: UnitsRow,
  unit: Unit,
  rules: UnitsRules,
  problems: Problem[],
): Person | undefined {
  const allSections = rules.regulation.sections.map((s) => s.number);
  let assignedSections: readonly number[] | null = null;
  if (value.role === 'deputy') {
    if (value.assignment === '') {
      problems.push(
        error(
          'deputy-without-assignment',
          {
            vi: `${value.name} là cấp phó nhưng không ghi Văn bản phân công: chỉ cấp phó được người đứng đầu phân công mới chịu trách nhiệm như người đứng đầu (${formatCitation(rules.regulation.deputyBasis)}).`,
            en: `${value.name} is a deputy but no assignment document is given: only a deputy assigned by the head answers as the head does (${formatCitation(rules.regulation.deputyBasis)}).`,
          },
          at(UNITS_SPEC, row, 'assignment'),
        ),
      );
      return undefined;
    }
    if (value.sections === null) {
      problems.push(
        aboutUnit(
          warning(
            'deputy-sections-blank',
            {
              vi: `${value.name}: không ghi Mục được phân công, coi như được phân công cả ${allSections.length} mục.`,
              en: `${value.name}: no sections assigned are given; taken as assigned all ${allSections.length} sections.`,
            },
            at(UNITS_SPEC, row, 'sections'),
          ),
          value.unitCode,
        ),
      );
    }
    assignedSections = value.sections === null || value.sections === ALL_SECTIONS ? allSections : value.sections;
  } else if (value.sections !== null || value.assignment !== '') {
    problems.push(
      aboutUnit(
        warning(
          'head-assignment-ignored',
          {
            vi: `${value.name} không phải cấp phó: Mục được phân công và Văn bản phân công chỉ dùng cho cấp phó, đã bỏ qua.`,
            en: `${value.name} is not a deputy: the sections assigned and the assignment document apply to deputies only; ignored.`,
          },
          row.where,
        ),
        value.unitCode,
      ),
    );
  }
  const period = periodOf(value, row, unit, rules.year, problems);
  if (period === false) return undefined;
  return {
    unitCode: value.unitCode,
    name: value.name,
    position: value.position,
    role: value.role,
    period,
    assignedSections,
    assignmentDocument: value.role === 'deputy' ? value.assignment : '',
    source: row.where,
  };
}

const yearStart = (year: number | undefined) => (year === undefined ? '0000-01-01' : `${year}-01-01`);
const yearEnd = (year: number | undefined) => (year === undefined ? '9999-12-31' : `${year}-12-31`);

/** The first and last day of the unit in the year: its own period, or the whole year. */
function unitBounds(unit: Unit, year: number | undefined): { start: string; end: string } {
  return { start: unit.period?.from ?? yearStart(year), end: unit.period?.to ?? yearEnd(year) };
}

/**
 * Từ ngày / Đến ngày: null for the whole of the unit's period of the year (blank dates); false (with an error) when a
 * date is outside the year or the unit's period, or the dates are reversed.
 */
function periodOf(
  value: UnitValue,
  row: UnitsRow,
  unit: Unit,
  year: number | undefined,
  problems: Problem[],
): Period | null | false {
  if (value.from === null && value.to === null) return null;
  const { start, end } = unitBounds(unit, year);
  const from = value.from ?? start;
  const to = value.to ?? end;
  for (const [key, date] of [
    ['from', value.from],
    ['to', value.to],
  ] as const) {
    if (date === null) continue;
    if (date < yearStart(year) || date > yearEnd(year)) {
      problems.push(
        error(
          'period-outside-year',
          {
            vi: `ngày ${dmy(date)} nằm ngoài năm đánh giá ${year ?? ''}.`,
            en: `the date ${dmy(date)} is outside the year evaluated ${year ?? ''}.`,
          },
          at(UNITS_SPEC, row, key),
        ),
      );
      return false;
    }
    if (date < start || date > end) {
      problems.push(
        error(
          'period-outside-unit',
          {
            vi: `ngày ${dmy(date)} nằm ngoài thời gian hoạt động của đơn vị ${unit.code} trong năm (từ ${dmy(start)} đến ${dmy(end)}).`,
            en: `the date ${dmy(date)} is outside the period unit ${unit.code} existed in the year (${dmy(start)} to ${dmy(end)}).`,
          },
          at(UNITS_SPEC, row, key),
        ),
      );
      return false;
    }
  }
  if (from > to) {
    problems.push(
      error(
        'period-reversed',
        {
          vi: `Từ ngày ${dmy(from)} sau Đến ngày ${dmy(to)}.`,
          en: `Từ ngày ${dmy(from)} is after Đến ngày ${dmy(to)}.`,
        },
        at(UNITS_SPEC, row, 'from'),
      ),
    );
    return false;
  }
  return from === start && to === end ? null : { from, to };
}

/**
 * The unit's period of the year from Hoạt động từ / đến ngày: null for the whole year; `outside` when it did not exist
 * in the year (a warning, and the unit is not evaluated); false (with an error) when the dates are reversed or run past
 * the day its block ended (district-level government ended on 1/7/2025).
 */
function activePeriod(
  draft: UnitDraft,
  block: BlockDef | undefined,
  year: number | undefined,
  problems: Problem[],
): Period | null | 'outside' | false {
  const start = yearStart(year);
  const end = yearEnd(year);
  const { activeFrom, activeTo } = draft;
  if (activeFrom !== null && activeTo !== null && activeFrom > activeTo) {
    problems.push(
      error(
        'unit-period-reversed',
        {
          vi: `đơn vị ${draft.code}: Hoạt động từ ngày ${dmy(activeFrom)} sau Hoạt động đến ngày ${dmy(activeTo)}.`,
          en: `unit ${draft.code}: Hoạt động từ ngày ${dmy(activeFrom)} is after Hoạt động đến ngày ${dmy(activeTo)}.`,
        },
        at(UNITS_SPEC, draft.row, 'activeFrom'),
      ),
    );
    return false;
  }
  const until = block?.until;
  if (until !== undefined && (activeTo ?? end) > until.date && (activeFrom ?? start) <= end) {
    const ended = until.date < start;
    problems.push(
      error(
        'block-ended',
        {
          vi: ended
            ? `đơn vị ${draft.code} thuộc khối ${block?.code ?? ''} (${block?.vi ?? ''}), khối đã kết thúc hoạt động sau ngày ${dmy(until.date)} (${until.act}): không còn trong năm ${year ?? ''}; hãy bỏ dòng này, hoặc ghi đơn vị vào khối đang hoạt động.`
            : `đơn vị ${draft.code} thuộc khối ${block?.code ?? ''} (${block?.vi ?? ''}), khối kết thúc hoạt động sau ngày ${dmy(until.date)} (${until.act}): ghi "Hoạt động đến ngày" là ${dmy(until.date)} (hoặc ngày đơn vị thực tế kết thúc).`,
          en: ended
            ? `unit ${draft.code} is in block ${block?.code ?? ''} (${block?.en ?? ''}), which ended after ${dmy(until.date)} (${until.act}): it no longer exists in ${year ?? ''}; remove the row, or put the unit in a block that exists.`
            : `unit ${draft.code} is in block ${block?.code ?? ''} (${block?.en ?? ''}), which ended after ${dmy(until.date)} (${until.act}): give "Hoạt động đến ngày" as ${dmy(until.date)} (or the day the unit actually ended).`,
        },
        at(UNITS_SPEC, draft.row, ended ? 'block' : 'activeTo'),
      ),
    );
    return false;
  }
  if ((activeTo !== null && activeTo < start) || (activeFrom !== null && activeFrom > end)) return 'outside';
  const from = activeFrom === null || activeFrom < start ? start : activeFrom;
  const to = activeTo === null || activeTo > end ? end : activeTo;
  return from === start && to === end ? null : { from, to };
}

/**
 * Units with their kind and period: a blank kind takes its block's default (one warning lists them), and a block with
 * no default is an error; a unit that did not exist in the year is not evaluated (one warning lists them). Every unit
 * set aside is added to `unreadable`, so that its persons and other files' rows about it are not reported again.
 */
function finishUnits(
  units: ReadonlyMap<string, UnitDraft>,
  rules: UnitsRules,
  problems: Problem[],
  unreadable: Set<string>,
): Unit[] {
  const defaulted: string[] = [];
  const outside: UnitDraft[] = [];
  const finished: Unit[] = [];
  for (const draft of units.values()) {
    if (unreadable.has(draft.code)) continue;
    const block = rules.blocks.find((b) => b.code === draft.block);
    let kind = draft.kind;
    const blankKind = kind === null;
    if (kind === null) {
      kind =
        rules.regulation.unitKinds.find((k) => k.defaultFor.includes(draft.block))?.code ?? block?.defaultKind ?? null;
      if (kind === null) {
        problems.push(
          error(
            'no-kind',
            {
              vi: `đơn vị ${draft.code} (khối ${draft.block}) không ghi Loại đơn vị, và khối này không có loại mặc định; cần ${rules.regulation.unitKinds.map((k) => `"${k.vi}"`).join(', ')}.`,
              en: `unit ${draft.code} (block ${draft.block}) has no Loại đơn vị (kind), and the block has no default kind; expected ${rules.regulation.unitKinds.map((k) => `"${k.vi}"`).join(', ')}.`,
            },
            at(UNITS_SPEC, draft.row, 'kind'),
          ),
        );
        unreadable.add(draft.code);
        continue;
      }
    }
    const period = activePeriod(draft, block, rules.year, problems);
    if (period === false || period === 'outside') {
      if (period === 'outside') outside.push(draft);
      unreadable.add(draft.code);
      continue;
    }
    // Said only of the units that are evaluated: a unit set aside is said once, for what set it aside.
    if (blankKind) defaulted.push(draft.code);
    finished.push({
      code: draft.code,
      name: draft.name,
      block: draft.block,
      kind,
      inIndex: draft.inIndex,
      previousCodes: draft.previousCodes,
      period,
      territory: draft.territory,
      source: draft.row.where,
    });
  }
  if (defaulted.length > 0) {
    const kindName = (code: string) => rules.regulation.unitKinds.find((k) => k.code === code)?.vi ?? code;
    const names = [
      ...rules.regulation.unitKinds
        .filter((k) => k.defaultFor.length > 0)
        .map((k) => `${k.vi} ở khối ${k.defaultFor.join(', ')}`),
      ...rules.blocks
        .filter((b) => b.defaultKind !== undefined)
        .map((b) => `${kindName(b.defaultKind ?? '')} ở khối ${b.code}`),
    ].join('; ');
    const first = units.get(defaulted[0] ?? '')?.row.where;
    const list = named(defaulted);
    problems.push(
      aboutUnits(
        warning(
          'kind-defaulted',
          {
            vi: `${defaulted.length} đơn vị không ghi Loại đơn vị, đã lấy theo khối (${names}): ${list.vi}.`,
            en: `${defaulted.length} unit(s) have no Loại đơn vị (kind); taken from the block (${names}): ${list.en}.`,
          },
          first === undefined
            ? undefined
            : { file: first.file, ...(first.sheet === undefined ? {} : { sheet: first.sheet }) },
        ),
        defaulted,
      ),
    );
  }
  if (outside.length > 0 && rules.year !== undefined) {
    const list = named(
      outside.map(
        (d) =>
          `${d.code} (${d.activeTo !== null && d.activeTo < yearStart(rules.year) ? `hoạt động đến ${dmy(d.activeTo)}` : `hoạt động từ ${dmy(d.activeFrom ?? '')}`})`,
      ),
    );
    const first = outside[0]?.row.where;
    problems.push(
      aboutUnits(
        warning(
          'unit-not-active',
          {
            vi: `${outside.length} đơn vị có trong danh sách nhưng không hoạt động trong năm ${rules.year}: không được đánh giá: ${list.vi}.`,
            en: `${outside.length} unit(s) are listed but did not exist in ${rules.year}: not evaluated: ${list.en}.`,
          },
          first,
        ),
        outside.map((d) => d.code),
      ),
    );
  }
  return finished;
}

/**
 * Heads and acting heads of each unit: periods that do not overlap; a gap in the unit's period of the year and a unit
 * with none are warnings.
 */
function checkHeads(
  units: readonly Unit[],
  persons: readonly Person[],
  unreadable: ReadonlySet<string>,
  year: number | undefined,
  problems: Problem[],
): void {
  const headsOf = new Map<string, Person[]>();
  for (const person of persons) {
    if (!holdsHeadPost(person.role)) continue;
    const list = headsOf.get(person.unitCode);
    if (list === undefined) headsOf.set(person.unitCode, [person]);
    else list.push(person);
  }
  for (const unit of units) {
    const { start, end } = unitBounds(unit, year);
    const heads = (headsOf.get(unit.code) ?? [])
      .map((p) => ({ person: p, from: p.period?.from ?? start, to: p.period?.to ?? end }))
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    if (heads.length === 0) {
      if (!unreadable.has(unit.code)) {
        problems.push(
          aboutUnit(
            warning(
              'no-head',
              {
                vi: `đơn vị ${unit.code} (${unit.name}) không có người đứng đầu hay quyền / phụ trách trong danh sách: kết quả của đơn vị được báo cáo không kèm người chịu trách nhiệm.`,
                en: `unit ${unit.code} (${unit.name}) has no head, acting head or person in charge in the list: the unit's result is reported without a responsible person.`,
              },
              unit.source,
            ),
            unit.code,
          ),
        );
      }
      continue;
    }
    let covered = start;
    let first = true;
    for (let i = 0; i < heads.length; i++) {
      const current = heads[i];
      if (current === undefined) continue;
      const next = heads[i + 1];
      if (next !== undefined && next.from <= current.to) {
        problems.push(
          error(
            'heads-overlap',
            {
              vi: `đơn vị ${unit.code}: thời gian giữ chức của ${next.person.name} (${dmy(next.from)}–${dmy(next.to)}) chồng lên ${current.person.name} (${dmy(current.from)}–${dmy(current.to)}); mỗi thời điểm chỉ có một người đứng đầu.`,
              en: `unit ${unit.code}: the term of ${next.person.name} (${dmy(next.from)}–${dmy(next.to)}) overlaps that of ${current.person.name} (${dmy(current.from)}–${dmy(current.to)}); there is one head at a time.`,
            },
            next.person.source,
          ),
        );
      }
      const expected = first ? start : dayAfter(covered);
      if (current.from > expected) {
        problems.push(
          aboutUnit(
            warning(
              'head-gap',
              {
                vi: `đơn vị ${unit.code}: không có người đứng đầu từ ${dmy(expected)} đến ${dmy(dayBefore(current.from))}.`,
                en: `unit ${unit.code}: no head from ${dmy(expected)} to ${dmy(dayBefore(current.from))}.`,
              },
              current.person.source,
            ),
            unit.code,
          ),
        );
      }
      if (current.to > covered || first) covered = current.to;
      first = false;
    }
    if (covered < end) {
      problems.push(
        aboutUnit(
          warning(
            'head-gap',
            {
              vi: `đơn vị ${unit.code}: không có người đứng đầu từ ${dmy(dayAfter(covered))} đến ${dmy(end)}.`,
              en: `unit ${unit.code}: no head from ${dmy(dayAfter(covered))} to ${dmy(end)}.`,
            },
            heads.at(-1)?.person.source,
          ),
          unit.code,
        ),
      );
    }
  }
}

function shiftDay(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const dayAfter = (iso: string) => shiftDay(iso, 1);
const dayBefore = (iso: string) => shiftDay(iso, -1);

/** The same person twice for one unit at the same time (as head and deputy, or twice in one role) is malformed data. */
function checkDuplicatePersons(persons: readonly Person[], problems: Problem[]): void {
  const seen = new Map<string, Person[]>();
  for (const person of persons) {
    const key = `${person.unitCode}\u0000${matchKey(person.name)}`;
    const earlier = seen.get(key) ?? [];
    const clash = earlier.find((other) => overlaps(other.period, person.period));
    if (clash !== undefined) {
      problems.push(
        error(
          'duplicate-person',
          {
            vi: `${person.name} đã có trong danh sách của đơn vị ${person.unitCode} (${clash.source === undefined ? '' : place(clash.source)}) trong cùng thời gian; mỗi người chỉ ghi một lần.`,
            en: `${person.name} is already listed for unit ${person.unitCode} (${clash.source === undefined ? '' : place(clash.source)}) for the same time; list each person once.`,
          },
          person.source,
        ),
      );
    }
    seen.set(key, [...earlier, person]);
  }
}

function overlaps(a: Period | null, b: Period | null): boolean {
  if (a === null || b === null) return true;
  return a.from <= b.to && b.from <= a.to;
}

/** Component columns carried through from a scores file, at most: a sheet 16 000 columns wide is cut, not fatal. */
const MAX_COMPONENTS = 64;

/** Other columns of a scores file that look like the score itself ("Điểm ICT Index (đã sửa)", "Tổng điểm"): said. */
function scoreLikeColumns(headers: readonly string[], display: string, scoreHeader: string): Problem[] {
  // An index's own class ("Xếp loại DTI": Tốt, Khá) is carried through, and is never a rating of the heads.
  const isClass = (h: string) => /\b(xep loai|phan loai|muc do|class)\b/u.test(matchKey(h));
  const classes = headers.filter(
    (h) => isClass(h) && /\b(ict index|ict|dti|chi so|chuyen doi so)\b/u.test(matchKey(h)),
  );
  const like = headers.filter(
    (h) => !isClass(h) && /\b(ict index|dti|tong diem|diem chinh thuc|diem da sua|diem sau)\b/u.test(matchKey(h)),
  );
  const notes: Problem[] = classes.map((h) =>
    info(
      'index-class-column',
      {
        vi: `cột "${h}" là xếp loại của chỉ số, được giữ nguyên làm thông tin; không phải xếp loại người đứng đầu (xếp loại theo Quy định do công cụ tính từ các mục và thứ hạng).`,
        en: `column "${h}" is the index's own class, carried through as information; it is not the rating of the heads (the regulation's rating comes from the sections and the rank).`,
      },
      { file: display },
    ),
  );
  if (like.length === 0) return notes;
  return [
    ...notes,
    warning(
      'similar-column',
      {
        vi: `bảng điểm có thêm cột giống cột điểm (${like.map((h) => `"${h}"`).join(', ')}) nhưng chỉ cột "${scoreHeader}" được dùng để xếp hạng; nếu cột kia mới đúng, hãy đổi tiêu đề và xoá cột cũ.`,
        en: `the scores file has more columns like the score (${like.map((h) => `"${h}"`).join(', ')}), but only "${scoreHeader}" is used to rank; if the other is the right one, change the headings and remove the old column.`,
      },
      { file: display },
    ),
  ];
}

/**
 * A score far from the others' scale is an error naming its cell: one 48 among scores of 0–1, a
 * percent cell read as 0.725 among scores of 65–92. Robust to the scale and to a wide spread of
 * honest scores, a score is flagged only when it is both outside [median / 10, median × 10] and far
 * outside the bulk of the file (Tukey's outer fences: beyond 3 interquartile ranges), with at least
 * five scores to compare.
 */
function implausibleScores(located: readonly { score: number; where: SourceRef }[]): Problem[] {
  if (located.length < 5) return [];
  const sorted = located.map((l) => l.score).sort((a, b) => a - b);
  const quantile = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = sorted[Math.floor(position)] ?? 0;
    const high = sorted[Math.ceil(position)] ?? 0;
    return low + (high - low) * (position - Math.floor(position));
  };
  const median = quantile(0.5);
  if (median <= 0) return [];
  const q1 = quantile(0.25);
  const q3 = quantile(0.75);
  const spread = 3 * (q3 - q1);
  const far = (score: number) =>
    (score < median / 10 || score > median * 10) && (score < q1 - spread || score > q3 + spread);
  const number = (n: number) => String(Math.round(n * 1e6) / 1e6).replace('.', ',');
  return located
    .filter((l) => far(l.score))
    .map((l) =>
      error(
        'implausible-score',
        {
          vi: `điểm ${number(l.score)} khác hẳn thang điểm của các đơn vị khác (trung vị ${number(median)}): có thể nhập nhầm thang điểm, hoặc ô định dạng phần trăm. Hãy kiểm tra và nhập lại theo cùng một thang.`,
          en: `the score ${number(l.score)} is far from the scale of the other units (median ${number(median)}): perhaps another scale, or a cell formatted as a percentage. Check it and enter it on the same scale.`,
        },
        l.where,
      ),
    );
}

export interface ScoresRead {
  readonly scores: readonly ScoreRow[];
  readonly problems: readonly Problem[];
  /** The score column's header as written ("Điểm DTI"), when the file has one. */
  readonly scoreHeader?: string;
  /** The index that header names (`DTI`, `ICT Index`); undefined for a header that names none ("Tổng điểm"). */
  readonly index?: string;
}

/** The index a score column's header names: the DTI (Chỉ số chuyển đổi số), the ICT Index, or none ("Tổng điểm"). */
export function indexNamedBy(header: string): string | undefined {
  const key = ` ${matchKey(header)} `;
  if (/ (dti|chuyen doi so) /u.test(key)) return 'DTI';
  if (/ ict( index)? /u.test(key)) return 'ICT Index';
  return undefined;
}

function componentValue(cell: Cell): number | string | null {
  if (cell === null || isBadCell(cell)) return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = cleanText(String(cell));
  return parseNumberText(text) ?? (text === '' ? null : text);
}

/** A scores file: one row per unit; a unit given twice is an error; `Không xếp hạng` marks a unit not in the index. */
export async function readScoresFile(
  path: string,
  display: string,
  limits: ReadLimits,
  blocks: readonly BlockDef[],
  regulation: UnitsRules['regulation'],
): Promise<ScoresRead> {
  const table = await readTable(path, display, SCORES_SPEC, limits);
  const schema = schemas(blocks, regulation).score;
  const scoreHeader = table.headers?.score;
  const problems: Problem[] = [
    ...table.problems,
    ...scoreLikeColumns(table.extraHeaders ?? [], display, scoreHeader ?? SCORES_SPEC.columns[3].headers[0]),
  ];
  const seen = new Map<string, SourceRef>();
  const scores: ScoreRow[] = [];
  const located: { score: number; where: SourceRef }[] = [];
  const componentHeaders = new Set((table.extraHeaders ?? []).filter((h) => h !== '').slice(0, MAX_COMPONENTS));
  if ((table.extraHeaders ?? []).length > MAX_COMPONENTS) {
    problems.push(
      warning(
        'too-many-columns',
        {
          vi: `bảng điểm có ${(table.extraHeaders ?? []).length} cột khác ngoài các cột cần đọc; chỉ ${MAX_COMPONENTS} cột đầu được giữ lại làm chỉ số thành phần.`,
          en: `the scores file has ${(table.extraHeaders ?? []).length} other columns besides those read; only the first ${MAX_COMPONENTS} are kept as component indices.`,
        },
        { file: display },
      ),
    );
  }
  for (const row of table.rows) {
    const value = parseRow(SCORES_SPEC, schema, row, problems);
    if (value === undefined) continue;
    const other = seen.get(value.unitCode);
    if (other !== undefined) {
      problems.push(
        error(
          'duplicate-score',
          {
            vi: `đơn vị ${value.unitCode} có hai dòng điểm (dòng kia ở ${place(other)}).`,
            en: `unit ${value.unitCode} has two score rows (the other at ${place(other)}).`,
          },
          row.where,
        ),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    const notRanked = value.score === NOT_RANKED;
    scores.push({
      unitCode: value.unitCode,
      unitName: value.unitName,
      block: value.block,
      score: value.score === NOT_RANKED ? null : value.score,
      officialRank: value.officialRank,
      ...(notRanked ? { notRanked: true } : {}),
      components: row.extras
        .filter((e) => componentHeaders.has(e.header))
        .map((e) => ({ name: e.header, value: componentValue(e.cell) })),
      source: row.where,
    });
    if (typeof value.score === 'number') located.push({ score: value.score, where: at(SCORES_SPEC, row, 'score') });
  }
  const index = scoreHeader === undefined ? undefined : indexNamedBy(scoreHeader);
  return {
    scores,
    problems: [...problems, ...implausibleScores(located)],
    ...(scoreHeader === undefined ? {} : { scoreHeader }),
    ...(index === undefined ? {} : { index }),
  };
}

export interface SelfReportsRead {
  /** Column by column (src/io/rows.ts): a row's object is made when it is asked for. */
  readonly rows: SelfReportColumns;
  readonly problems: readonly Problem[];
}

/** A header that reads like the department's assessment, which a self-report must not carry (v2). */
export function looksLikeAssessment(header: string): boolean {
  const key = matchKey(header);
  return (
    /\b(tham dinh|danh gia cua so|ket qua danh gia|appraisal|assessment)\b/u.test(key) && !/\btu danh gia\b/u.test(key)
  );
}

/**
 * A self-report file (long format): any number of units and items; item codes must be those of the
 * checklist given. A column that looks like an assessment ("Thẩm định") is not read: the department's
 * assessment comes from its own file (a warning says where to move it).
 */
export async function readSelfReportFile(
  path: string,
  display: string,
  limits: ReadLimits,
  itemCodes: readonly string[],
): Promise<SelfReportsRead> {
  const known = new Set(itemCodes);
  // Each row is turned into the columns as it is read (streamTable); dropped with its problems when the table's rows do
  // not stand (a file cut short, sheets that disagree: the table's problems say which).
  let rows = new SelfReportColumns();
  let rowProblems: Problem[] = [];
  const placeOf = placesOf();
  const assessmentColumns = new Set<string>();
  const table = await streamTable(path, display, SELF_REPORT_SPEC, limits, (row) => {
    for (const extra of row.extras) if (looksLikeAssessment(extra.header)) assessmentColumns.add(extra.header);
    const value = parseRow(SELF_REPORT_SPEC, selfReportRow, row, rowProblems);
    if (value === undefined) return;
    if (!known.has(value.itemCode)) {
      rowProblems.push(
        error(
          'unknown-item',
          {
            vi: `mã tiêu chí "${value.itemCode}" không có trong danh mục (${itemCodes[0] ?? ''} … ${itemCodes.at(-1) ?? ''}).`,
            en: `item code "${value.itemCode}" is not in the checklist (${itemCodes[0] ?? ''} … ${itemCodes.at(-1) ?? ''}).`,
          },
          at(SELF_REPORT_SPEC, row, 'itemCode'),
        ),
      );
      return;
    }
    rows.push(
      value.unitCode,
      value.itemCode,
      value.selfAssessment,
      value.evidence,
      value.note,
      value.difficulties,
      placeOf(row.where.file, row.where.sheet),
      row.where.row,
    );
  });
  if (!table.kept) {
    rows = new SelfReportColumns();
    rowProblems = [];
    assessmentColumns.clear();
  }
  const problems: Problem[] = [
    ...table.problems,
    ...unreadColumns(
      table.extraHeaders,
      display,
      (header) => looksLikeAssessment(header) || /^(noi dung|noi dung tieu chi|can cu|stt)$/u.test(matchKey(header)),
    ),
    ...rowProblems,
  ];
  if (assessmentColumns.size > 0) {
    problems.push(
      aboutUnit(
        warning(
          'assessment-in-self-report',
          {
            vi: `cột ${[...assessmentColumns].map((h) => `"${h}"`).join(', ')} trong báo cáo của đơn vị không được đọc: kết quả đánh giá từng tiêu chí là của Sở, ghi trong tệp assessment.xlsx của năm (Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú). Hãy chuyển các kết quả đó sang tệp này.`,
            en: `column(s) ${[...assessmentColumns].map((h) => `"${h}"`).join(', ')} in the unit's report are not read: each item is decided by the department's assessment, in the year's assessment.xlsx (Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú). Move those results to that file.`,
          },
          { file: display },
        ),
        rows.at(0)?.unitCode,
      ),
    );
  }
  return { rows, problems };
}

export interface AssessmentRead {
  /** Column by column (src/io/rows.ts): a row's object is made when it is asked for. */
  readonly rows: AssessmentColumns;
  readonly problems: readonly Problem[];
}

const assessmentLong = z.object({
  unitCode: unitCodeField,
  itemCode: itemCodeField,
  result: statusField,
  note: textField,
});

/**
 * The department's assessment (kết quả đánh giá của Sở), in either shape, told apart by the headers:
 * long (`Mã đơn vị | Mã tiêu chí | Kết quả đánh giá | Ghi chú`) or wide (`Mã đơn vị | 1.1 | … | 4.6 |
 * Ghi chú`, the row's note standing for its `Không áp dụng` items). A blank is "not assessed".
 */
export async function readAssessmentFile(
  path: string,
  display: string,
  limits: ReadLimits,
  itemCodes: readonly string[],
): Promise<AssessmentRead> {
  const spec = assessmentSpec(itemCodes);
  // Each row is turned into the columns as it is read (streamTable); dropped with its problems when the table's rows do
  // not stand (a file cut short, sheets that disagree: the table's problems say which).
  let rows = new AssessmentColumns();
  let problems: Problem[] = [];
  const placeOf = placesOf();
  const known = new Set(itemCodes);
  const reportedShapes = new Set<string>();
  // One schema per set of item columns (a sheet has one), built once, not once per row.
  const wideSchemas = new Map<string, z.ZodType>();
  const table = await streamTable(path, display, spec, limits, (row) => {
    const isLong = row.columns.itemCode !== undefined && row.columns.result !== undefined;
    const wideItems = itemCodes.filter((code) => row.columns[`item:${code}`] !== undefined);
    if (!isLong && wideItems.length === 0) {
      const key = row.where.sheet ?? '';
      if (!reportedShapes.has(key)) {
        reportedShapes.add(key);
        problems.push(
          error(
            'assessment-shape',
            {
              vi: 'không nhận ra dạng bảng đánh giá: cần cột "Mã tiêu chí" và "Kết quả đánh giá" (mỗi dòng một tiêu chí), hoặc mỗi tiêu chí một cột có tiêu đề là mã tiêu chí (1.1, 1.2, …).',
              en: 'the assessment table is not recognised: it needs the columns "Mã tiêu chí" and "Kết quả đánh giá" (one row per item), or one column per item headed by the item code (1.1, 1.2, …).',
            },
            {
              file: display,
              ...(row.where.sheet === undefined ? {} : { sheet: row.where.sheet }),
              ...(row.where.row === undefined ? {} : { row: row.where.row }),
            },
          ),
        );
      }
      return;
    }
    for (const extra of row.extras) {
      if (/^\d+[.,]\d+$/u.test(extra.header.trim()) && !reportedShapes.has(`extra:${extra.header}`)) {
        reportedShapes.add(`extra:${extra.header}`);
        problems.push(
          error(
            'unknown-item',
            {
              vi: `cột "${extra.header}" không phải mã tiêu chí trong danh mục.`,
              en: `column "${extra.header}" is not an item code of the checklist.`,
            },
            row.where,
          ),
        );
      }
    }
    if (isLong) {
      const value = parseRow(spec, assessmentLong, row, problems);
      if (value === undefined) return;
      if (!known.has(value.itemCode)) {
        problems.push(
          error(
            'unknown-item',
            {
              vi: `mã tiêu chí "${value.itemCode}" không có trong danh mục.`,
              en: `item code "${value.itemCode}" is not in the checklist.`,
            },
            at(spec, row, 'itemCode'),
          ),
        );
        return;
      }
      if (value.result !== null) {
        rows.push(
          value.unitCode,
          value.itemCode,
          value.result,
          value.note,
          placeOf(row.where.file, row.where.sheet),
          row.where.row,
        );
      }
      return;
    }
    const signature = wideItems.join(',');
    let wide = wideSchemas.get(signature);
    if (wide === undefined) {
      wide = z.object({
        unitCode: unitCodeField,
        note: textField,
        ...Object.fromEntries(wideItems.map((code) => [`item:${code}`, statusField])),
      });
      wideSchemas.set(signature, wide);
    }
    const value = parseRow(spec, wide, row, problems) as
      (Record<string, unknown> & { unitCode: string; note: string }) | undefined;
    if (value === undefined) return;
    // The row's one note says why its "Không áp dụng" items do not apply (product.md); a row with none of those has its
    // note for its "Không đạt" items. It is never shown beside an item it does not speak of (an "Đạt" one).
    const statuses = wideItems.map((code) => value[`item:${code}`] as AssessmentRow['status']);
    const noted: AssessmentRow['status'] = statuses.includes('khong-ap-dung') ? 'khong-ap-dung' : 'khong-dat';
    for (const [i, code] of wideItems.entries()) {
      const status = statuses[i] ?? null;
      if (status !== null) {
        rows.push(
          value.unitCode,
          code,
          status,
          status === noted ? value.note : '',
          // A wide form's cell is located by its column too: one place per sheet and item column.
          columnPlace(row.columns, `item:${code}`, row.where, spec, row.headers),
          row.where.row,
        );
      }
    }
  });
  if (!table.kept) {
    rows = new AssessmentColumns();
    problems = [];
  }
  return {
    rows,
    problems: [
      ...table.problems,
      ...unreadColumns(table.extraHeaders, display, (h) => /^\d+[.,]\d+$/u.test(h.trim())),
      ...problems,
    ],
  };
}

export interface FollowUpsRead {
  readonly followUps: readonly FollowUp[];
  readonly problems: readonly Problem[];
}

/** The follow-up file: one row per unit with a fact to record. */
export async function readFollowUpFile(path: string, display: string, limits: ReadLimits): Promise<FollowUpsRead> {
  const table = await readTable(path, display, FOLLOW_UP_SPEC, limits);
  const problems: Problem[] = [...table.problems, ...unreadColumns(table.extraHeaders, display)];
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
          {
            vi: `đơn vị ${value.unitCode} có hai dòng theo dõi (dòng kia ở ${place(other)}); hãy gộp lại thành một dòng.`,
            en: `unit ${value.unitCode} has two follow-up rows (the other at ${place(other)}); merge them into one.`,
          },
          row.where,
        ),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    // A literal in the schema's order, not `{ ...value, source }` (a hidden class per row: see decideSanction).
    const { unitCode, slow, reviewDemanded, reviewDocument, exceptionalAchievement, rewardRecipient, note } = value;
    followUps.push({
      unitCode,
      slow,
      reviewDemanded,
      reviewDocument,
      exceptionalAchievement,
      rewardRecipient,
      note,
      source: row.where,
    });
  }
  return { followUps, problems };
}
