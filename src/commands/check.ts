import { InputProblemsError } from '../problems.js';
import { type YearRun, runYear } from './year.js';
import { legalJson, problemJson } from '../report/render/json.js';
import { writeLines } from '../report/render/terminal.js';
import { type Context, parseYear, runRequest } from './context.js';
import { draftReason } from '../report/content/draft.js';
import { printJson, warningLines } from './print.js';
import { unitTable, disagreementLines, reviewLines, legalLines, infoLines } from '../report/render/check-screen.js';

/**
 * `ict-eval check --year Y`: every problem, each unit's section results, the missing reports and
 * the self-vs-appraisal disagreements. Writes nothing; exit 1 when there is malformed data.
 */
export async function runCheck(context: Context, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const run = await runYear(runRequest(context), year);
  const vi = context.lang === 'vi';
  if (context.options.json === true) {
    printJson(context, checkJson(run));
  } else if (context.options.quiet !== true) {
    // --quiet (cron): the summary line alone, as every command.
    writeLines(context.console.stdout, unitTable(context, run));
    context.console.stdout(disagreementLines(context, run));
    context.console.stdout(reviewLines(context, run));
    context.console.stdout(legalLines(context, run));
    context.console.stdout(infoLines(context, run));
    context.console.stderr(warningLines(context, run.warnings));
  }
  if (run.errors.length > 0) throw new InputProblemsError(run.errors);
  const units = run.evaluation.units.length;
  const count = run.warnings.length;
  const draft = draftReason(run.rows, run.legal, context.lang);
  context.summary(
    vi
      ? `ict-eval: năm ${year}: ${units} đơn vị, không có lỗi dữ liệu; ${count} cảnh báo. ${draft === undefined ? 'Đủ căn cứ cho bản chính thức (--final).' : `Bản DỰ THẢO: ${draft}.`}`
      : `ict-eval: ${year}: ${units} units, no malformed data; ${count} warnings. ${draft === undefined ? 'Complete enough for final outputs (--final).' : `A DRAFT: ${draft}.`}`,
  );
}

function checkJson(run: YearRun) {
  return {
    year: run.year,
    policy: { id: run.policy.regulation.id, index: run.policy.index },
    legal: legalJson(run.legal),
    reviews: run.rows
      .filter((r) => r.reviewReasons.length > 0 || r.rating === 'thieu-du-lieu')
      .map((r) => ({
        unitCode: r.unitCode,
        name: r.name,
        role: r.role,
        rating: r.rating,
        possibleRatings: r.rating === 'thieu-du-lieu' ? r.possibleRatings : undefined,
        reviewReasons: r.reviewReasons,
      })),
    unitsWithoutHead: run.evaluation.unitsWithoutHead.map((u) => u.unit.code),
    units: run.evaluation.units.map((u) => ({
      unitCode: u.unit.code,
      unitName: u.unit.name,
      block: u.unit.block,
      hasReport: u.assessment.hasReport,
      sections: u.assessment.sections.map((s) => ({
        section: s.section,
        status: s.status,
        notMet: s.notMet,
        missing: s.missing,
      })),
      violatedSections: u.assessment.violatedSections,
      disagreements: u.assessment.disagreements.map((d) => ({
        itemCode: d.item.code,
        selfAssessment: d.selfAssessment,
        appraisal: d.assessment,
      })),
    })),
    problems: run.problems.map(problemJson),
  };
}
