import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { regulationForYear } from '../../src/regulations/index.js';
import { PolicyError, resolvePolicy } from '../../src/rules/policy.js';
import { DEFAULT_PARAMETERS } from '../helpers.js';

describe('the policy: the parameters of rules.md and the version of the rules', () => {
  it('defaults to every value rules.md gives', () => {
    expect(DEFAULT_PARAMETERS).toEqual({
      rankScope: 'block',
      topShare: 0.2,
      bottomShare: 0.15,
      groupSizeRounding: 'floor-min-1',
      scorePrecision: 4,
      rankSource: 'official-if-complete',
      unassessedItems: 'missing-data',
      informationOnlyItems: ['4.2'],
      pointC: 'both',
      partYearHeads: 'can-xem-xet',
      uncoveredCases: { 'v1-2-not-slow': 'can-xem-xet', v3: 'can-xem-xet', 'v4-no-review': 'can-xem-xet' },
      notApplicableWithoutNote: 'missing-data',
      // rules.md v3: the persons of a unit that existed for part of the year go to review; a merged department continues.
      partYearUnits: 'can-xem-xet',
      mergedUnits: 'continue',
      // rules.md v3, the cautious defaults of its corrections.
      deputyExcellence: 'unit',
      itemsWithoutIndicator: 'review',
      rewardWithoutReport: 'review',
    });
  });

  it('names the version 358/2013, signed 30/9/2013 and in force ten days later (Điều 2 of the decision)', () => {
    expect(BN_358_2013.id).toBe('358/2013');
    expect(BN_358_2013.signed).toBe('2013-09-30');
    expect(BN_358_2013.effective).toBe('2013-10-10');
  });

  it.each([
    [2013, '358/2013'],
    [2024, '358/2013'],
    [2030, '358/2013'],
  ])('applies to the year %i the version %s', (year, id) => {
    expect(regulationForYear(year)?.id).toBe(id);
    expect(resolvePolicy(year).regulation.id).toBe(id);
  });

  it('refuses a year before the decision took effect', () => {
    expect(regulationForYear(2012)).toBeUndefined();
    expect(() => resolvePolicy(2012)).toThrow(/Năm 2012 không có quy định nào có hiệu lực/);
  });

  it('picks the newest regulation in force at the end of the year when there are several', () => {
    const later = { ...BN_358_2013, id: 'later', effective: '2025-07-01' };
    const versions = [BN_358_2013, later];
    expect(regulationForYear(2024, versions)?.id).toBe('358/2013');
    expect(regulationForYear(2025, versions)?.id).toBe('later');
  });

  it('drops a regulation from the year after it ceased to apply', () => {
    const ended = { ...BN_358_2013, id: 'ended', until: '2025-06-30' };
    expect(regulationForYear(2025, [ended])?.id).toBe('ended');
    expect(regulationForYear(2026, [ended])).toBeUndefined();
    expect(() => resolvePolicy(2026, {}, { regulations: [ended] })).toThrow(
      /Năm 2026 không có quy định nào có hiệu lực/,
    );
  });

  it('takes overrides by their rules.md names and lists which were overridden', () => {
    const policy = resolvePolicy(2024, { rankScope: 'all', groupSizeRounding: 'ceil' });
    expect(policy.parameters.rankScope).toBe('all');
    expect(policy.parameters.groupSizeRounding).toBe('ceil');
    expect(policy.parameters.topShare).toBe(0.2);
    expect(policy.overridden).toEqual(['rankScope', 'groupSizeRounding']);
  });

  it('lists nothing as overridden when an override repeats a default', () => {
    expect(resolvePolicy(2024, { topShare: 0.2 }).overridden).toEqual([]);
  });

  it('maps every uncovered case to one form when uncoveredCases is a string', () => {
    const policy = resolvePolicy(2024, { uncoveredCases: 'phe-binh' });
    expect(policy.parameters.uncoveredCases).toEqual({
      'v1-2-not-slow': 'phe-binh',
      v3: 'phe-binh',
      'v4-no-review': 'phe-binh',
    });
  });

  it('maps one uncovered case and leaves the others to can-xem-xet', () => {
    const policy = resolvePolicy(2024, { uncoveredCases: { v3: 'khien-trach' } });
    expect(policy.parameters.uncoveredCases).toEqual({
      'v1-2-not-slow': 'can-xem-xet',
      v3: 'khien-trach',
      'v4-no-review': 'can-xem-xet',
    });
  });

  it.each([
    [{ rankScope: 'province' }, 'rankScope'],
    [{ topShare: 0 }, 'topShare'],
    [{ topShare: 1.5 }, 'topShare'],
    [{ bottomShare: '0.15' }, 'bottomShare'],
    [{ groupSizeRounding: 'banker' }, 'groupSizeRounding'],
    [{ scorePrecision: 2.5 }, 'scorePrecision'],
    [{ scorePrecision: -1 }, 'scorePrecision'],
    [{ uncoveredCases: 'ky-luat' }, 'uncoveredCases'],
    [{ uncoveredCases: { v5: 'phe-binh' } }, 'uncoveredCases'],
    [{ notApplicableWithoutNote: 'ignore' }, 'notApplicableWithoutNote'],
    [{ informationOnlyItems: ['9.9'] }, 'informationOnlyItems.0'],
    [{ pointC: 'one' }, 'pointC'],
    [{ rankSource: 'official' }, 'rankSource'],
    [{ unassessedItems: 'self' }, 'unassessedItems'],
    [{ partYearHeads: 'ignore' }, 'partYearHeads'],
    [{ topshare: 0.3 }, '(gốc)'],
  ])('refuses the override %j, naming %s', (override, path) => {
    let caught: unknown;
    try {
      resolvePolicy(2024, override);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyError);
    expect((caught as PolicyError).issues.map((i) => i.path)).toContain(path);
    expect((caught as PolicyError).message).toMatch(/^Tham số chính sách không hợp lệ/);
  });

  it('refuses an override that is not an object', () => {
    expect(() => resolvePolicy(2024, ['block'])).toThrow(PolicyError);
  });
});
