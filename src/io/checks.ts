import type { FollowUp, Person, ScoreRow, SourceRef, Unit } from '../domain.js';
import { type Problem, aboutUnit, aboutUnits, error, formatWhere, named, warning } from '../problems.js';
import { matchKey, revealed } from './normalize.js';
import type { ItemColumns } from './rows.js';

export function place(where: SourceRef | undefined): string {
  return formatWhere(where) || '(không rõ vị trí)';
}

/**
 * A check that a code is a unit of the units file. An unknown code is reported once per file, at its
 * first row, with the number of rows it has; a code whose units row could not be read is not
 * reported again (one mistake, one message).
 */
export function unitChecker(units: readonly Unit[], unreadable: ReadonlySet<string>, unitsFile: string) {
  const known = new Set(units.map((u) => u.code));
  const unknown = new Map<string, { code: string; where: SourceRef | undefined; what: string; rows: number }>();
  // The row itself, not its SourceRef: a self-report or assessment row makes one when asked, here only for a stranger.
  const check = (row: { readonly unitCode: string; readonly source?: SourceRef }, what: string) => {
    const code = row.unitCode;
    // With no readable units list, every code would be "unknown": the units file's own error says enough.
    if (units.length === 0 || known.has(code)) return true;
    if (unreadable.has(code)) return false;
    const where = row.source;
    const key = `${where?.file ?? ''}\u0000${code}`;
    const seen = unknown.get(key);
    if (seen === undefined) unknown.set(key, { code, where, what, rows: 1 });
    else seen.rows++;
    return false;
  };
  check.unknown = () =>
    [...unknown.values()].map(({ code, where, what, rows }) =>
      error(
        'unknown-unit',
        {
          vi: `mã đơn vị ${revealed(code)} trong ${what} không có trong danh sách đơn vị (${unitsFile})${rows > 1 ? ` (${rows} dòng có mã này)` : ''}.`,
          en: `unit code ${revealed(code)} in ${what} is not in the units file (${unitsFile})${rows > 1 ? ` (${rows} rows have this code)` : ''}.`,
        },
        where,
      ),
    );
  return check;
}

/**
 * The scores against the units: a block that differs is an error; a unit of the index that is not in
 * the units file is kept (it counts in N) and listed, not rated.
 */
export function crossCheckScores(
  scores: readonly ScoreRow[],
  units: readonly Unit[],
  problems: Problem[],
  unreadable: ReadonlySet<string> = new Set(),
): ScoreRow[] {
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const kept: ScoreRow[] = [];
  const notRated: ScoreRow[] = [];
  for (const row of scores) {
    const unit = unitOf.get(row.unitCode);
    if (unit !== undefined && unit.block !== row.block) {
      problems.push(
        error(
          'block-mismatch',
          {
            vi: `đơn vị ${row.unitCode} thuộc khối ${row.block} trong bảng điểm nhưng khối ${unit.block} trong danh sách đơn vị.`,
            en: `unit ${row.unitCode} is in block ${row.block} in the scores file but in block ${unit.block} in the units file.`,
          },
          row.source,
        ),
      );
      continue;
    }
    // A unit whose units rows are malformed is already named by that error: not again as absent.
    if (unit === undefined && units.length > 0 && !unreadable.has(row.unitCode)) notRated.push(row);
    kept.push(row);
  }
  if (notRated.length > 0) {
    const list = named(notRated.map((row) => `${row.unitCode} (${row.unitName})`));
    problems.push(
      aboutUnits(
        warning(
          'index-unit-not-rated',
          {
            vi: `${notRated.length} đơn vị có trong bảng điểm nhưng không có trong danh sách đơn vị: được tính vào số đơn vị xếp hạng (N), không xếp loại: ${list.vi}.`,
            en: `${notRated.length} unit(s) in the scores file are not in the units file: they count in N, and are not rated: ${list.en}.`,
          },
          scores[0]?.source === undefined ? undefined : { file: scores[0].source.file },
        ),
        notRated.map((row) => row.unitCode),
      ),
    );
  }
  return kept;
}

/**
 * One row per unit and item across all files, kept in `kept`: a second one is malformed data naming the first; a row
 * `admit` refuses (a unit not in the units file) is left out. Each file's table is let go (its slot emptied) once read.
 * Rows are copied column by column: a row's object is made only for `admit` (once per unit code it admits, at every
 * row of a code it refuses, which it counts) and for a duplicate's message.
 */
export function uniqueRows<
  T extends { unitCode: string; itemCode: string; source?: SourceRef },
  L extends ItemColumns<T>,
>(
  tables: (L | undefined)[],
  kept: L,
  admit: (row: T) => boolean,
  duplicate: { readonly code: string; readonly what: string },
  problems: Problem[],
): L {
  // By unit, then item, the kept row's position: no key string made per row (220 000 rows at national scale).
  const first = new Map<string, Map<string, number>>();
  // The duplicates of a unit's rows in one file of rows kept from one (other or the same) file: one mistake (a report
  // sent twice, a unit's rows pasted twice), one message (product.md v3).
  const repeats = new Map<
    string,
    { unitCode: string; items: string[]; at: SourceRef | undefined; earlier: SourceRef | undefined }
  >();
  for (let k = 0; k < tables.length; k++) {
    const rows = tables[k];
    tables[k] = undefined;
    if (rows === undefined) continue;
    const copy = kept.copier(rows);
    const admitted = new Set<string>();
    const rowAt = (index: number): T => {
      const row = rows.at(index);
      if (row === undefined) throw new Error(`uniqueRows: no row ${index}`);
      return row;
    };
    for (let index = 0; index < rows.length; index++) {
      const unitCode = rows.unitCodeAt(index);
      if (!admitted.has(unitCode)) {
        if (!admit(rowAt(index))) continue;
        admitted.add(unitCode);
      }
      let items = first.get(unitCode);
      if (items === undefined) {
        items = new Map();
        first.set(unitCode, items);
      }
      const itemCode = rows.itemCodeAt(index);
      const earlier = items.get(itemCode);
      if (earlier !== undefined) {
        const at = rowAt(index).source;
        const before = kept.at(earlier)?.source;
        const key = `${unitCode}\u0000${at?.file ?? ''}\u0000${before?.file ?? ''}`;
        const repeat = repeats.get(key);
        if (repeat === undefined) repeats.set(key, { unitCode, items: [itemCode], at, earlier: before });
        else repeat.items.push(itemCode);
        continue;
      }
      items.set(itemCode, kept.length);
      copy(index);
    }
  }
  for (const { unitCode, items, at, earlier } of repeats.values()) {
    const [item] = items;
    if (items.length === 1) {
      problems.push(
        error(
          duplicate.code,
          `đơn vị ${unitCode}, tiêu chí ${item ?? ''} đã có ${duplicate.what} ở ${place(earlier)}; mỗi tiêu chí chỉ ghi một lần.`,
          at,
        ),
      );
      continue;
    }
    const list = items.length > 6 ? `${items.slice(0, 6).join(', ')}, …` : items.join(', ');
    const otherFile = earlier?.file !== undefined && earlier.file !== at?.file;
    problems.push(
      error(
        duplicate.code,
        otherFile
          ? {
              vi: `${items.length} tiêu chí của đơn vị ${unitCode} (${list}) đã có ${duplicate.what} trong tệp ${earlier.file}: có lẽ ${duplicate.what} được gửi hai lần; hãy giữ lại một tệp.`,
              en: `${items.length} items of unit ${unitCode} (${list}) are already given in ${earlier.file}: probably sent twice; keep one file.`,
            }
          : {
              vi: `${items.length} tiêu chí của đơn vị ${unitCode} (${list}) được ghi hai lần trong tệp (lần đầu từ ${place(earlier)}); mỗi tiêu chí chỉ ghi một lần.`,
              en: `${items.length} items of unit ${unitCode} (${list}) are given twice in the file (first from ${place(earlier)}); give each item once.`,
            },
        at,
      ),
    );
  }
  return kept;
}

/**
 * Mã đơn vị năm trước must name a unit of last year (product.md v3: a code that must name something that exists and
 * names nothing is malformed data, located in its cell — not a missing fact that sends the head to review). Checked
 * when last year's units file was read: a unit of last year is in it, or in last year's scores.
 */
export function checkPreviousCodes(
  units: readonly Unit[],
  at: ReadonlyMap<string, SourceRef>,
  previous: {
    readonly units: readonly Unit[];
    readonly unreadable: ReadonlySet<string>;
    readonly scores: readonly ScoreRow[];
    readonly files: readonly string[];
    readonly year: number;
  },
  problems: Problem[],
): void {
  const known = new Set([
    ...previous.units.map((u) => u.code),
    ...previous.unreadable,
    ...previous.scores.map((r) => r.unitCode),
  ]);
  // A unit's name typed where its code goes becomes one word once read as a code ("HUYỆNĐÔNGPHÚ"): looked up so.
  const nameKey = (text: string) => matchKey(text).replace(/ /gu, '');
  const byName = new Map<string, string>();
  for (const u of previous.units) byName.set(nameKey(u.name), u.code);
  for (const r of previous.scores) if (!byName.has(nameKey(r.unitName))) byName.set(nameKey(r.unitName), r.unitCode);
  for (const unit of units) {
    const unknown = unit.previousCodes.filter((code) => !known.has(code));
    if (unknown.length === 0) continue;
    const hints = unknown.map((code) => byName.get(nameKey(code))).filter((c): c is string => c !== undefined);
    const hint =
      hints.length > 0
        ? {
            vi: ` Ô này cần mã, không phải tên đơn vị: có lẽ là ${hints.join(', ')}.`,
            en: ` The cell takes codes, not unit names: perhaps ${hints.join(', ')}.`,
          }
        : { vi: '', en: '' };
    const codes = unknown.map((code) => revealed(code)).join(', ');
    problems.push(
      covering(
        error(
          'unknown-previous-code',
          {
            vi: `mã đơn vị năm trước ${codes} của đơn vị ${unit.code} không có trong năm ${previous.year} (${previous.files.join(', ')}): không xác định được đơn vị năm trước.${hint.vi}`,
            en: `previous-year unit code ${codes} of unit ${unit.code} is not a unit of ${previous.year} (${previous.files.join(', ')}): last year's unit cannot be told.${hint.en}`,
          },
          at.get(unit.code) ?? unit.source,
        ),
        unit.code,
        ['previous-unsettled', 'no-previous-score'],
      ),
    );
  }
}

/** An error about a unit, and the gaps of that unit it explains (not said again as warnings). */
export function covering(problem: Problem, unit: string, gaps: readonly string[]): Problem {
  return { ...aboutUnit(problem, unit), covers: gaps };
}

/** Người được đề nghị thưởng must be one of the unit's persons (or blank for the unit itself). */
export function checkRecipients(followUps: readonly FollowUp[], persons: readonly Person[], problems: Problem[]): void {
  for (const row of followUps) {
    if (row.rewardRecipient === '') continue;
    const names = persons.filter((p) => p.unitCode === row.unitCode).map((p) => p.name);
    if (!names.some((name) => matchKey(name) === matchKey(row.rewardRecipient))) {
      problems.push(
        error(
          'unknown-recipient',
          {
            vi: `người được đề nghị thưởng "${row.rewardRecipient}" không có trong danh sách của đơn vị ${row.unitCode}${names.length > 0 ? ` (${names.join(', ')})` : ''}; để trống nếu đề nghị thưởng cho đơn vị.`,
            en: `the person proposed for a reward "${row.rewardRecipient}" is not listed for unit ${row.unitCode}${names.length > 0 ? ` (${names.join(', ')})` : ''}; leave it blank if the reward is proposed for the unit.`,
          },
          row.source,
        ),
      );
    }
  }
}
