import { describe, expect, it } from 'vitest';
import { assignmentOf, headsFindings, listedTwice, overlaps, termOf, unitDays } from '../../src/rules/persons.js';

// Điều 2 and khoản 1 Điều 4 of the Quy định, as src/rules/persons.ts applies them: each case is a sentence of the law.

const ALL = [1, 2, 3, 4];

describe('khoản 3 Điều 2: "Cấp phó … nếu được cấp trưởng phân công thì phải chịu trách nhiệm như người đứng đầu"', () => {
  it('a deputy assigned by a document answers for the sections assigned', () => {
    expect(assignmentOf('deputy', 'Quyết định số 15/QĐ-SYT', [2, 4], ALL)).toEqual({
      kind: 'assigned',
      sections: [2, 4],
      allTaken: false,
    });
  });

  it('"Tất cả" means every section; no section named is taken as all of them, and said', () => {
    expect(assignmentOf('deputy', 'QĐ 1', 'all', ALL)).toEqual({ kind: 'assigned', sections: ALL, allTaken: false });
    expect(assignmentOf('deputy', 'QĐ 1', null, ALL)).toEqual({ kind: 'assigned', sections: ALL, allTaken: true });
  });

  it('a deputy with no assignment document is not "được cấp trưởng phân công": not answerable as the head', () => {
    expect(assignmentOf('deputy', '', [1], ALL)).toEqual({ kind: 'no-document' });
  });

  it('khoản 1–2: a head (or acting head) answers for every section; sections on the row say nothing', () => {
    expect(assignmentOf('head', '', null, ALL)).toEqual({ kind: 'head', ignored: false });
    expect(assignmentOf('acting-head', 'QĐ 1', [1], ALL)).toEqual({ kind: 'head', ignored: true });
  });
});

describe('khoản 1 Điều 4, "đúng người": each person answers for the days they held the post', () => {
  const year = 2024;
  const whole = unitDays(null, year);

  it('no dates: the whole of the unit’s days', () => {
    expect(whole).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(termOf(null, null, whole, year)).toBeNull();
    expect(termOf('2024-01-01', '2024-12-31', whole, year)).toBeNull();
  });

  it('a term from or to a day of the year', () => {
    expect(termOf('2024-06-16', null, whole, year)).toEqual({ from: '2024-06-16', to: '2024-12-31' });
    expect(termOf(null, '2024-06-15', whole, year)).toEqual({ from: '2024-01-01', to: '2024-06-15' });
  });

  it('a ward that began on 1/7/2025: a head’s term cannot start before it', () => {
    const ward = unitDays({ from: '2025-07-01', to: '2025-12-31' }, 2025);
    expect(termOf(null, null, ward, 2025)).toBeNull();
    expect(termOf('2025-03-01', null, ward, 2025)).toEqual({ kind: 'outside-unit', key: 'from', date: '2025-03-01' });
  });

  it('a date of another year, and reversed dates, are faults (never guessed)', () => {
    expect(termOf('2023-12-31', null, whole, year)).toEqual({ kind: 'outside-year', key: 'from', date: '2023-12-31' });
    expect(termOf('2024-09-01', '2024-03-01', whole, year)).toEqual({
      kind: 'reversed',
      from: '2024-09-01',
      to: '2024-03-01',
    });
  });
});

describe('khoản 1 Điều 4: one head at a time, and who answers for every day', () => {
  const days = { start: '2024-01-01', end: '2024-12-31' };
  const head = (name: string, from?: string, to?: string) => ({
    person: name,
    period: from === undefined ? null : { from, to: to ?? '2024-12-31' },
  });

  it('one head for the year: nothing to say', () => {
    expect(headsFindings([head('A')], days)).toEqual([]);
  });

  it('a head replaced on 16/6: two terms that meet, nothing to say', () => {
    expect(headsFindings([head('A', '2024-01-01', '2024-06-15'), head('B', '2024-06-16')], days)).toEqual([]);
  });

  it('no head at all: the unit’s result has no responsible person', () => {
    expect(headsFindings([], days)).toEqual([{ kind: 'none' }]);
  });

  it('two heads on the same days: which one answers cannot be told', () => {
    const findings = headsFindings([head('A', '2024-01-01', '2024-07-01'), head('B', '2024-06-16')], days);
    expect(findings.map((f) => f.kind)).toEqual(['overlap']);
    expect(findings[0]).toMatchObject({ earlier: { person: 'A' }, later: { person: 'B', from: '2024-06-16' } });
  });

  it('days nobody held the post: said, from the day after a term to the day before the next (and to the year’s end)', () => {
    expect(headsFindings([head('A', '2024-02-01', '2024-05-31'), head('B', '2024-07-01', '2024-11-30')], days)).toEqual(
      [
        {
          kind: 'gap',
          from: '2024-01-01',
          to: '2024-01-31',
          next: { person: 'A', from: '2024-02-01', to: '2024-05-31' },
        },
        {
          kind: 'gap',
          from: '2024-06-01',
          to: '2024-06-30',
          next: { person: 'B', from: '2024-07-01', to: '2024-11-30' },
        },
        { kind: 'gap', from: '2024-12-01', to: '2024-12-31', next: undefined },
      ],
    );
  });
});

describe('"đúng người": the same person is listed once for a unit at any time', () => {
  const person = (unitCode: string, name: string, period: { from: string; to: string } | null = null) => ({
    unitCode,
    name,
    period,
  });
  const key = (p: { name: string }) => p.name.toLowerCase();

  it('as head and deputy of one unit, or twice: the later row clashes with the earlier', () => {
    const a = person('SYT', 'Trần Văn An');
    const b = person('SYT', 'trần văn an');
    expect(listedTwice([a, b], key)).toEqual([{ person: b, earlier: a }]);
  });

  it('in two units, or in one unit at different times: no clash', () => {
    expect(listedTwice([person('SYT', 'An'), person('STC', 'An')], key)).toEqual([]);
    expect(
      listedTwice(
        [
          person('SYT', 'An', { from: '2024-01-01', to: '2024-03-31' }),
          person('SYT', 'An', { from: '2024-09-01', to: '2024-12-31' }),
        ],
        key,
      ),
    ).toEqual([]);
    expect(overlaps(null, { from: '2024-09-01', to: '2024-12-31' })).toBe(true);
  });
});
