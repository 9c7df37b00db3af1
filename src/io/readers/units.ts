import type { Period, Person, SourceRef, Unit } from '../../domain.js';
import type { BlockDef } from '../../rules/regulation.js';
import { unitCodeField } from '../fields.js';
import type { ReadLimits } from '../limits.js';
import { matchKey } from '../normalize.js';
import { type Problem, error, warning, aboutUnits, named } from '../../problems.js';
import { readTable } from '../table.js';
import { UNITS_SPEC } from '../../inputs/columns.js';
import { yearEnd, yearStart } from '../../rules/persons.js';
import {
  type UnitsRules,
  schemas,
  parseRow,
  at,
  place,
  dmy,
  unreadColumns,
  type UnitValue,
  type UnitsRow,
} from './shared.js';
import { checkDuplicatePersons, checkHeads, personOf } from './persons.js';

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
