import { InputProblemsError } from '../io/problems.js';
import { errorsOf, loadYear } from '../io/workspace.js';
import { evaluateYear } from '../rules/evaluate.js';
import { gapProblem } from '../report/gaps.js';
import { problemJson } from '../report/json.js';
import { SECTION_STATUS_LABELS, STATUS_LABELS, label } from '../report/labels.js';
import { textTable } from '../report/terminal.js';
import { loadConfig } from '../config.js';
import { type Context, parseYear, runPolicy, warningLines } from './context.js';

/**
 * `ict-eval check --year Y`: every problem, each unit's Mục 1–4 result, the missing reports and
 * the self-vs-appraisal disagreements. Writes nothing; exit 1 when there is malformed data.
 */
export async function runCheck(context: Context, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const config = await loadConfig(context.workspace);
  const policy = await runPolicy(context, config, year);
  const loaded = await loadYear(context.workspace, year);
  // The rules run on what could be read: malformed rows were set aside by the readers.
  const evaluation = evaluateYear(loaded.input, policy);
  const problems = [...loaded.problems, ...evaluation.gaps.map(gapProblem)];
  const errors = errorsOf(problems);
  const { lang, chalk } = context;
  const vi = lang === 'vi';

  if (context.options.json === true) {
    context.console.stdout(
      `${JSON.stringify(
        {
          year,
          policy: { id: policy.version.id },
          units: evaluation.units.map((u) => ({
            unitCode: u.unit.code,
            unitName: u.unit.name,
            block: u.unit.block,
            hasReport: u.assessment.hasReport,
            sections: u.assessment.sections.map((s) => ({ section: s.section, status: s.status, notMet: s.notMet, missing: s.missing })),
            violatedSections: u.assessment.violatedSections,
            disagreements: u.assessment.disagreements.map((d) => ({ itemCode: d.item.code, selfAssessment: d.selfAssessment, appraisal: d.appraisal })),
          })),
          problems: problems.map(problemJson),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const headers = [vi ? 'Mã' : 'Code', vi ? 'Đơn vị' : 'Unit', 'Mục 1', 'Mục 2', 'Mục 3', 'Mục 4', vi ? 'Báo cáo' : 'Report', vi ? 'Chênh lệch' : 'Disagreements'];
    const rows = evaluation.units.map((u) => [
      u.unit.code,
      u.unit.name,
      ...u.assessment.sections.map((s) => label(SECTION_STATUS_LABELS, s.status, lang)),
      u.assessment.hasReport ? (vi ? 'Có' : 'Yes') : vi ? 'Không có' : 'Missing',
      String(u.assessment.disagreements.length),
    ]);
    context.console.stdout(
      `${textTable(headers, rows, {
        paint: (row, col, text) => {
          if (row < 0) return chalk.bold(text);
          if (text.trim() === label(SECTION_STATUS_LABELS, 'violated', lang)) return chalk.red(text);
          if (text.trim() === label(SECTION_STATUS_LABELS, 'undetermined', lang) || (col === 6 && text.trim() !== (vi ? 'Có' : 'Yes'))) return chalk.yellow(text);
          return text;
        },
      })}\n`,
    );
    const disagreements = evaluation.units.flatMap((u) =>
      u.assessment.disagreements.map(
        (d) =>
          `  - ${u.unit.code}, ${vi ? 'tiêu chí' : 'item'} ${d.item.code}: ${vi ? 'tự đánh giá' : 'self-assessment'} "${d.selfAssessment === null ? '' : label(STATUS_LABELS, d.selfAssessment, lang)}", ${vi ? 'thẩm định' : 'appraisal'} "${d.appraisal === null ? '' : label(STATUS_LABELS, d.appraisal, lang)}"`,
      ),
    );
    if (disagreements.length > 0) {
      context.console.stdout(`\n${vi ? 'Chênh lệch giữa tự đánh giá và thẩm định (thẩm định được dùng, Điều 18 khoản 2):' : 'Self-assessment vs appraisal (the appraisal counts, Điều 18 khoản 2):'}\n${disagreements.join('\n')}\n`);
    }
    context.console.stderr(warningLines(context, problems.filter((p) => p.severity === 'warning')));
  }
  if (errors.length > 0) throw new InputProblemsError(errors);
  context.summary(vi ? `ict-eval: năm ${year}: ${evaluation.units.length} đơn vị, không có lỗi dữ liệu; ${problems.length} cảnh báo.` : `ict-eval: ${year}: ${evaluation.units.length} units, no malformed data; ${problems.length} warnings.`);
}
