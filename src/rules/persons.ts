import type { Period, Role } from '../domain.js';

/**
 * Who answers, and for which part of the year (Điều 2 and khoản 1 Điều 4 of the Quy định). The readers turn the
 * findings below into located messages (src/io/readers/units.ts); the rules here are plain functions on plain records.
 * Tests, written as the law's cases: test/rules/persons.test.ts.
 *
 * > Điều 2. Đối tượng áp dụng
 * > 1. Thủ trưởng các sở, ban, ngành thuộc Ủy ban nhân dân (UBND) tỉnh;
 * > 2. Chủ tịch UBND các huyện, thị xã, thành phố;
 * > 3. Cấp phó của người đứng đầu các cơ quan, đơn vị quy định tại khoản 1, khoản 2 của Điều này nếu được cấp trưởng
 * > phân công thì phải chịu trách nhiệm như người đứng đầu.
 * > Điều 4. Nguyên tắc xác định trách nhiệm, khen thưởng và xử lý
 * > 1. Khi xem xét trách nhiệm người đứng đầu để khen thưởng hoặc xử lý kỷ luật phải khách quan, đúng người, đúng
 * > việc
 *
 * "Đúng người" is read as: one head (or acting head) at a time, each answering for the days they held the post; a
 * deputy only with the head's assignment (a document) and for the sections assigned.
 */

/** A day as ISO text (`2024-06-15`): comparable as text. */
export type Day = string;

/** The first and last day of a year (without a year: of any year, nothing is checked against it). */
export const yearStart = (year: number | undefined): Day => (year === undefined ? '0000-01-01' : `${year}-01-01`);
export const yearEnd = (year: number | undefined): Day => (year === undefined ? '9999-12-31' : `${year}-12-31`);

/** The first and last day a unit existed in the year: its own period, or the whole year. */
export function unitDays(
  period: Period | null | undefined,
  year: number | undefined,
): { readonly start: Day; readonly end: Day } {
  return { start: period?.from ?? yearStart(year), end: period?.to ?? yearEnd(year) };
}

/** What a deputy's row says of the assignment (khoản 3 Điều 2). */
export type Assignment =
  /** Assigned: the sections they answer for (all of them when the row names none, with `allTaken`). */
  | { readonly kind: 'assigned'; readonly sections: readonly number[]; readonly allTaken: boolean }
  /** No assignment document: not "được cấp trưởng phân công", so not answerable as the head. */
  | { readonly kind: 'no-document' }
  /** A head or acting head: sections and a document on their row say nothing (they answer for all). */
  | { readonly kind: 'head'; readonly ignored: boolean };

/**
 * The assignment of a person (khoản 3 Điều 2): a deputy answers like the head only when assigned by the head — a
 * document names the assignment — and for the sections assigned; a deputy assigned with no sections named answers
 * for all of them. A head answers for every section whatever the row says.
 */
export function assignmentOf(
  role: Role,
  document: string,
  sections: readonly number[] | 'all' | null,
  allSections: readonly number[],
): Assignment {
  if (role !== 'deputy') return { kind: 'head', ignored: sections !== null || document !== '' };
  if (document === '') return { kind: 'no-document' };
  return sections === null || sections === 'all'
    ? { kind: 'assigned', sections: allSections, allTaken: sections === null }
    : { kind: 'assigned', sections, allTaken: false };
}

/** What is wrong with a person's dates, if anything (the key names the date). */
export type TermFault =
  | { readonly kind: 'outside-year'; readonly key: 'from' | 'to'; readonly date: Day }
  | { readonly kind: 'outside-unit'; readonly key: 'from' | 'to'; readonly date: Day }
  | { readonly kind: 'reversed'; readonly from: Day; readonly to: Day };

/**
 * A person's term within the unit's days of the year: null when it is all of them (no dates, or dates that are the
 * unit's first and last day); a fault when a date is outside the year or the unit's days, or the dates are reversed.
 */
export function termOf(
  from: Day | null,
  to: Day | null,
  unit: { readonly start: Day; readonly end: Day },
  year: number | undefined,
): Period | null | TermFault {
  if (from === null && to === null) return null;
  for (const [key, date] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (date === null) continue;
    if (date < yearStart(year) || date > yearEnd(year)) return { kind: 'outside-year', key, date };
    if (date < unit.start || date > unit.end) return { kind: 'outside-unit', key, date };
  }
  const start = from ?? unit.start;
  const end = to ?? unit.end;
  if (start > end) return { kind: 'reversed', from: start, to: end };
  return start === unit.start && end === unit.end ? null : { from: start, to: end };
}

/** Whether a value is a TermFault (not a term). */
export function isTermFault(term: Period | null | TermFault): term is TermFault {
  return term !== null && 'kind' in term;
}

/** What the heads' terms of one unit say (one head at a time, khoản 1 Điều 4). */
export type HeadsFinding<P> =
  /** Nobody heads the unit: its result is reported without a responsible person. */
  | { readonly kind: 'none' }
  /** Two heads' terms overlap: which one head answers for those days cannot be told. */
  | { readonly kind: 'overlap'; readonly earlier: HeadTerm<P>; readonly later: HeadTerm<P> }
  /** Days of the unit with no head: nobody answers for them (said, not an error). */
  | { readonly kind: 'gap'; readonly from: Day; readonly to: Day; readonly next: HeadTerm<P> | undefined };

export interface HeadTerm<P> {
  readonly person: P;
  readonly from: Day;
  readonly to: Day;
}

/**
 * The heads (and acting heads) of one unit against its days of the year: none; terms that overlap; days no term
 * covers (`next` is the head whose term starts after the gap, undefined for a gap at the end).
 */
export function headsFindings<P>(
  heads: readonly { readonly person: P; readonly period: Period | null }[],
  unit: { readonly start: Day; readonly end: Day },
): HeadsFinding<P>[] {
  if (heads.length === 0) return [{ kind: 'none' }];
  const terms = heads
    .map((h) => ({ person: h.person, from: h.period?.from ?? unit.start, to: h.period?.to ?? unit.end }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const findings: HeadsFinding<P>[] = [];
  let covered: Day | undefined;
  terms.forEach((current, i) => {
    const next = terms[i + 1];
    if (next !== undefined && next.from <= current.to)
      findings.push({ kind: 'overlap', earlier: current, later: next });
    const expected = covered === undefined ? unit.start : dayAfter(covered);
    if (current.from > expected)
      findings.push({ kind: 'gap', from: expected, to: dayBefore(current.from), next: current });
    if (covered === undefined || current.to > covered) covered = current.to;
  });
  if (covered !== undefined && covered < unit.end)
    findings.push({ kind: 'gap', from: dayAfter(covered), to: unit.end, next: undefined });
  return findings;
}

/**
 * The same person twice for one unit at the same time — as head and deputy, or twice in one role — each pair once, the
 * later with the earlier it clashes with (persons compared by `sameName`).
 */
export function listedTwice<P extends { readonly unitCode: string; readonly period: Period | null }>(
  persons: readonly P[],
  nameKey: (person: P) => string,
): { readonly person: P; readonly earlier: P }[] {
  const seen = new Map<string, P[]>();
  const twice: { person: P; earlier: P }[] = [];
  for (const person of persons) {
    const key = `${person.unitCode}\u0000${nameKey(person)}`;
    const earlier = seen.get(key) ?? [];
    const clash = earlier.find((other) => overlaps(other.period, person.period));
    if (clash !== undefined) twice.push({ person, earlier: clash });
    seen.set(key, [...earlier, person]);
  }
  return twice;
}

/** Whether two terms share a day (null: the whole of the unit's days). */
export function overlaps(a: Period | null, b: Period | null): boolean {
  if (a === null || b === null) return true;
  return a.from <= b.to && b.from <= a.to;
}

function shiftDay(iso: Day, days: number): Day {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const dayAfter = (iso: Day): Day => shiftDay(iso, 1);
export const dayBefore = (iso: Day): Day => shiftDay(iso, -1);
