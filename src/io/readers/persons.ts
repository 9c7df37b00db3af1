import type { Period, Person, Unit } from '../../domain.js';
import { holdsHeadPost } from '../../domain.js';
import { UNITS_SPEC } from '../../inputs/columns.js';
import { type Problem, aboutUnit, error, warning } from '../../problems.js';
import { formatCitation } from '../../rules/citation.js';
import { assignmentOf, headsFindings, isTermFault, listedTwice, termOf, unitDays } from '../../rules/persons.js';
import { matchKey } from '../normalize.js';
import { type UnitValue, type UnitsRow, type UnitsRules, at, dmy, place } from './shared.js';

/**
 * The persons of the units file, as the rules of Điều 2 and khoản 1 Điều 4 (src/rules/persons.ts) find them, in located
 * messages: a deputy with no assignment document, a term outside the year or the unit's days, heads' terms that
 * overlap or leave days uncovered, a person listed twice.
 */

/** The person of a row: a deputy's assignment and sections (khoản 3 Điều 2), a term within the unit's days of the year. */
export function personOf(
  value: UnitValue,
  row: UnitsRow,
  unit: Unit,
  rules: UnitsRules,
  problems: Problem[],
): Person | undefined {
  const allSections = rules.regulation.sections.map((s) => s.number);
  const assignment = assignmentOf(value.role, value.assignment, value.sections, allSections);
  if (assignment.kind === 'no-document') {
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
  if (assignment.kind === 'assigned' && assignment.allTaken) {
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
  if (assignment.kind === 'head' && assignment.ignored) {
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
    assignedSections: assignment.kind === 'assigned' ? assignment.sections : null,
    assignmentDocument: value.role === 'deputy' ? value.assignment : '',
    source: row.where,
  };
}

/**
 * Từ ngày / Đến ngày (termOf): null for the whole of the unit's period of the year (blank dates); false (with an error)
 * when a date is outside the year or the unit's period, or the dates are reversed.
 */
function periodOf(
  value: UnitValue,
  row: UnitsRow,
  unit: Unit,
  year: number | undefined,
  problems: Problem[],
): Period | null | false {
  const days = unitDays(unit.period, year);
  const term = termOf(value.from, value.to, days, year);
  if (!isTermFault(term)) return term;
  const { start, end } = days;
  if (term.kind === 'outside-year')
    problems.push(
      error(
        'period-outside-year',
        {
          vi: `ngày ${dmy(term.date)} nằm ngoài năm đánh giá ${year ?? ''}.`,
          en: `the date ${dmy(term.date)} is outside the year evaluated ${year ?? ''}.`,
        },
        at(UNITS_SPEC, row, term.key),
      ),
    );
  else if (term.kind === 'outside-unit')
    problems.push(
      error(
        'period-outside-unit',
        {
          vi: `ngày ${dmy(term.date)} nằm ngoài thời gian hoạt động của đơn vị ${unit.code} trong năm (từ ${dmy(start)} đến ${dmy(end)}).`,
          en: `the date ${dmy(term.date)} is outside the period unit ${unit.code} existed in the year (${dmy(start)} to ${dmy(end)}).`,
        },
        at(UNITS_SPEC, row, term.key),
      ),
    );
  else
    problems.push(
      error(
        'period-reversed',
        {
          vi: `Từ ngày ${dmy(term.from)} sau Đến ngày ${dmy(term.to)}.`,
          en: `Từ ngày ${dmy(term.from)} is after Đến ngày ${dmy(term.to)}.`,
        },
        at(UNITS_SPEC, row, 'from'),
      ),
    );
  return false;
}

/**
 * Heads and acting heads of each unit (headsFindings, khoản 1 Điều 4: one head at a time): periods that overlap are an
 * error; a gap in the unit's period of the year and a unit with none are warnings.
 */
export function checkHeads(
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
    const heads = headsOf.get(unit.code) ?? [];
    const last = heads.length === 0 ? undefined : [...heads].sort(byStart(unit, year)).at(-1);
    for (const finding of headsFindings(
      heads.map((person) => ({ person, period: person.period })),
      unitDays(unit.period, year),
    )) {
      if (finding.kind === 'none') {
        if (unreadable.has(unit.code)) continue;
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
      } else if (finding.kind === 'overlap') {
        const { earlier, later } = finding;
        problems.push(
          error(
            'heads-overlap',
            {
              vi: `đơn vị ${unit.code}: thời gian giữ chức của ${later.person.name} (${dmy(later.from)}–${dmy(later.to)}) chồng lên ${earlier.person.name} (${dmy(earlier.from)}–${dmy(earlier.to)}); mỗi thời điểm chỉ có một người đứng đầu.`,
              en: `unit ${unit.code}: the term of ${later.person.name} (${dmy(later.from)}–${dmy(later.to)}) overlaps that of ${earlier.person.name} (${dmy(earlier.from)}–${dmy(earlier.to)}); there is one head at a time.`,
            },
            later.person.source,
          ),
        );
      } else {
        problems.push(
          aboutUnit(
            warning(
              'head-gap',
              {
                vi: `đơn vị ${unit.code}: không có người đứng đầu từ ${dmy(finding.from)} đến ${dmy(finding.to)}.`,
                en: `unit ${unit.code}: no head from ${dmy(finding.from)} to ${dmy(finding.to)}.`,
              },
              (finding.next?.person ?? last)?.source,
            ),
            unit.code,
          ),
        );
      }
    }
  }
}

/** Heads in the order of their terms' first day (the last one is where a gap at the end is said). */
function byStart(unit: Unit, year: number | undefined) {
  const { start } = unitDays(unit.period, year);
  return (a: Person, b: Person) => {
    const from = (p: Person) => p.period?.from ?? start;
    return from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0;
  };
}

/** The same person twice for one unit at the same time (listedTwice, khoản 1 Điều 4: "đúng người") is malformed data. */
export function checkDuplicatePersons(persons: readonly Person[], problems: Problem[]): void {
  for (const { person, earlier } of listedTwice(persons, (p) => matchKey(p.name))) {
    problems.push(
      error(
        'duplicate-person',
        {
          vi: `${person.name} đã có trong danh sách của đơn vị ${person.unitCode} (${earlier.source === undefined ? '' : place(earlier.source)}) trong cùng thời gian; mỗi người chỉ ghi một lần.`,
          en: `${person.name} is already listed for unit ${person.unitCode} (${earlier.source === undefined ? '' : place(earlier.source)}) for the same time; list each person once.`,
        },
        person.source,
      ),
    );
  }
}
