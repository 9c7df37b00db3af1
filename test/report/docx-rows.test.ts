import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { type AnnualReport, type ReportTable, annualReport } from '../../src/report/content/annual.js';
import { renderReport } from '../../src/report/render/docx.js';
import { SAMPLE } from '../e2e/run.js';
import { hostileText } from './hostile-text.js';

// The annex tables' data rows are written from a template row (renderReport), not built as docx objects: the bytes
// must be docx's own, whatever the texts hold.

let sample: AnnualReport;

beforeAll(async () => {
  const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
  sample = annualReport(run.evaluation, run.rows, run.policy, run.info.block, run.warnings, run.legal);
});

/** Both ways: the template rows, and docx's own objects for every row (the reference). */
async function bothWays(report: AnnualReport): Promise<[Buffer, Buffer]> {
  return [await renderReport(report), await renderReport(report, undefined, { rowTemplates: false })];
}

/** Texts as the annexes hold them, and a template row's marker. */
const text = hostileText(['ictevalTemplateRow']);

const appendix = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.record({
    title: fc.constantFrom('Phụ lục 1. Danh sách', 'Phụ lục 2'),
    columns: fc.constant(Array.from({ length: columns }, (_, i) => ({ header: `Cột ${i + 1}`, width: 10 + i }))),
    // Rows as long as the header, shorter (cells left out are empty), longer (the cells past the header are not
    // written), or none at all ("Không có.").
    rows: fc.array(fc.array(text, { minLength: Math.max(0, columns - 1), maxLength: columns + 1 }), { maxLength: 6 }),
  }),
);

describe('annex tables written from a template row', () => {
  it('give docx’s own bytes for the sample year’s report', async () => {
    expect(sample.appendices.some((a) => a.rows.length > 0)).toBe(true);
    // Without its charts: docx numbers a drawing by a count kept for the whole process, so a second rendering of a
    // chart in one process differs from the first whichever way its tables are written.
    const [templated, reference] = await bothWays({
      ...sample,
      sections: sample.sections.map((section) => ({ ...section, charts: [] })),
    });
    expect(templated.equals(reference)).toBe(true);
  });

  it('are not used when a text of the report holds what a template marker looks like', async () => {
    // A header before the template row, holding its marker: a splice would take the header for the template.
    const appendices: ReportTable[] = [
      { title: 'Phụ lục 1', columns: [{ header: 'ictevalTemplateRow0c0x', width: 1 }], rows: [['a'], ['b & c']] },
    ];
    const [templated, reference] = await bothWays({ ...sample, sections: [], appendices });
    expect(templated.equals(reference)).toBe(true);
  });

  it('give docx’s own bytes for any texts, widths and row lengths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(appendix, { minLength: 1, maxLength: 3 }), async (appendices: ReportTable[]) => {
        // Without the body's charts and paragraphs: only the annexes differ between the two ways.
        const report: AnnualReport = { ...sample, sections: [], appendices };
        const [templated, reference] = await bothWays(report);
        expect(templated.equals(reference)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });
});
