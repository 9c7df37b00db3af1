import { describe, expect, it } from 'vitest';
import { collectNow } from '../src/heap.js';
import { runYear } from '../src/commands/year.js';
import { COMPACT_STORE } from '../src/pipeline/compact.js';
import { type ItemResult, type UnitAssessment, assessUnit, notable } from '../src/rules/sections.js';
import type { AssessmentRow, SelfReportRow } from '../src/domain.js';
import { AssessedRow, ReportRow } from '../src/io/rows.js';
import { AGENCY, CHECKLIST, assessed, policyWith, report } from '../test/helpers.js';
import { SAMPLE } from '../test/e2e/run.js';
import { shareOneHiddenClass } from './shapes.js';

/**
 * What the national run's memory rests on, checked where memory is measured (`npm run bench`), not in the rules' tests
 * (issue #37): the compact store keeps no object of its own for an item met without remark and none of the rows, and
 * the objects made for every unit and person share their hidden classes (issue #15: a spread per object gave 21 000
 * hidden classes, some 6 MB, in a national year).
 */
const P = policyWith();
const item = (a: UnitAssessment, code: string) => a.items.find((i) => i.item.code === code);
function withAssessment(rows: AssessmentRow[], itemCode: string, change: Partial<AssessmentRow>): AssessmentRow[] {
  return rows.map((r) => (r.itemCode === itemCode ? { ...r, ...change } : r));
}
const assessCompact = (reports: readonly SelfReportRow[], assessments: readonly AssessmentRow[]) =>
  assessUnit(AGENCY, reports, assessments, P, COMPACT_STORE);
const place = { file: '2024/self-reports/syt.xlsx', sheet: 'Tự đánh giá' };
const column = { file: '2024/assessment.xlsx', sheet: 'Đánh giá', column: 'E' };
const readerRows = () => ({
  // The first item not met: worth a look, its evidence kept.
  reports: CHECKLIST.map(
    (it, i) => new ReportRow('SYT', it.code, i === 0 ? 'khong-dat' : 'dat', `Văn bản ${it.code}`, '', '', place, 5 + i),
  ),
  assessments: CHECKLIST.map((it, i) => new AssessedRow('SYT', it.code, i === 0 ? 'khong-dat' : 'dat', '', column, 7)),
});

describe('the compact store (src/pipeline/compact.ts)', () => {
  it('a unit keeps no result object of its own for an item met without remark', async () => {
    const a = assessCompact(report('SYT'), withAssessment(assessed('SYT'), '2.3', { status: 'khong-dat' }));
    // The results are read in a frame of their own, so that nothing of this test holds them.
    const refs = ((): WeakRef<ItemResult>[] => {
      const met = a.items.filter((i) => !notable(i));
      // All but 2.3 (not met) and 4.2 (information only by default).
      expect(met.length).toBe(CHECKLIST.length - 2);
      return met.map((i) => new WeakRef(i));
    })();
    const notMet = new WeakRef(item(a, '2.3') ?? {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectNow();
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    // An item worth a look is kept as it was made.
    expect(notMet.deref()).toBe(item(a, '2.3'));
  });

  it('once assessed, the rows can be collected while the results live', async () => {
    let rows: ReturnType<typeof readerRows> | undefined = readerRows();
    const refs = [...rows.reports, ...rows.assessments].map((row) => new WeakRef(row));
    const a = assessCompact(rows.reports, rows.assessments);
    rows = undefined;
    // A WeakRef's target is kept until the end of the turn that made or read it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectNow();
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(a.items[0]?.evidence).toBe(`Văn bản ${CHECKLIST[0]?.code}`);
  });
});

describe('hidden classes', () => {
  it("units' evaluations and persons' sanction decisions share one hidden class each, however many are made", async () => {
    // The sample year decided 20 times over, as a run decides it (the compact store): the inline caches warm.
    const years = [];
    for (let i = 0; i < 20; i++) years.push((await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024)).evaluation);
    const last = years.at(-1);
    expect(shareOneHiddenClass(years.flatMap((y) => y.units).slice(-40))).toBe(true);
    // Every kind of decision decideSanction makes (a point applies, none does, not rated, no sanction) is one literal.
    // (A person's decision whose form is withheld for review is remade by a spread in src/rules/person.ts: a few per
    // year, not checked here.)
    const decisions = (last?.units ?? []).map((u) => u.whole.sanction);
    expect(new Set(decisions.map((d) => d.reason)).size).toBeGreaterThan(3);
    expect(shareOneHiddenClass(decisions)).toBe(true);
  });
});
