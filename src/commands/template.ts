import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { safeFileName } from '../io/names.js';
import { checkOutputFolder, writeOutputs } from '../io/output.js';
import { InputProblemsError, type Problem, error } from '../problems.js';
import { readUnitsFile } from '../io/readers/index.js';
import { findInput, selfReportFiles } from '../io/workspace.js';
import { errorsOf } from '../problems.js';
import { loadSettings } from '../pipeline/year.js';
import { titleBlock } from '../report/content/title.js';
import { assessmentTemplate, selfReportTemplate } from '../report/render/templates.js';
import type { TitleBlock } from '../report/content/document.js';
import { STATUS_LABELS } from '../report/content/labels.js';
import type { Unit } from '../domain.js';
import type { Policy } from '../rules/policy.js';
import { readSelfReportFiles } from '../io/pool.js';
import { pathKind } from '../io/fs.js';
import { type Context, parseYear, runRequest } from './context.js';
import { inputFolders, outputFolder } from './write.js';

/**
 * `ict-eval template --year Y`: one self-report workbook per unit of `Y/units`, under out/Y/mau-bao-cao/;
 * with `--assessment`, the department's assessment sheet pre-filled with the units and, beside it, their
 * self-assessments, under out/Y/mau-danh-gia/assessment.xlsx.
 */
export async function runTemplate(context: Context, yearText: string | undefined, assessment = false): Promise<void> {
  const year = parseYear(yearText);
  const { config, policy } = await loadSettings(runRequest(context), year);
  const found = await findInput(context.workspace, String(year), 'units');
  if (found !== undefined && 'severity' in found) throw new InputProblemsError([found]);
  if (found === undefined)
    throw new InputProblemsError([
      error(
        'no-units',
        {
          vi: 'không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).',
          en: 'could not find the units file (units.xlsx or units.csv).',
        },
        { file: `${year}/` },
      ),
    ]);
  const unitsPath = found.path;
  const read = await readUnitsFile(unitsPath, found.display, DEFAULT_LIMITS, {
    blocks: policy.blocks,
    regulation: policy.regulation,
    year,
  });
  const errors = errorsOf(read.problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  const block = titleBlock(policy, config, year);
  if (assessment) {
    await writeAssessmentTemplate(context, {
      year,
      units: read.units,
      block,
      policy,
      outFolder: outputFolder(context, config, year),
      unitsPath,
    });
    return;
  }
  const folder = join(outputFolder(context, config, year), 'mau-bao-cao');
  await checkOutputFolder(folder, inputFolders(context, year));
  const used = new Set<string>();
  const files = [];
  const legacy: string[] = [];
  let kept = 0;
  for (const unit of read.units) {
    // "<code> - <unit name>.xlsx" (product.md): the office sees whose file it is; the code keeps it unique.
    const path = join(folder, `${safeFileName(`${unit.code} - ${unit.name}`, used)}.xlsx`);
    // The name of earlier versions ("<code>.xlsx"): still that unit's template.
    const older = join(folder, `${safeFileName(unit.code, new Set())}.xlsx`);
    const olderThere = (await pathKind(older)) === 'file';
    // Without --force only the units that have no template yet get one (a unit added to the list).
    if (context.options.force !== true && ((await pathKind(path)) === 'file' || olderThere)) {
      kept++;
      continue;
    }
    if (olderThere) legacy.push(older);
    const persons = read.persons.filter((p) => p.unitCode === unit.code);
    files.push({ path, bytes: await selfReportTemplate(block, unit, persons, policy) });
  }
  await writeOutputs(files, {
    force: context.options.force === true,
    protectedPaths: [unitsPath],
    display: context.display,
    // With --force a template under the older name is replaced by the one under the new name, not doubled.
    replaces: legacy,
  });
  const vi = context.lang === 'vi';
  const keptText =
    kept === 0
      ? ''
      : vi
        ? ` Giữ nguyên ${kept} mẫu đã có (dùng --force để ghi lại tất cả).`
        : ` Kept ${kept} existing templates (--force rewrites them all).`;
  context.summary(
    vi
      ? `ict-eval: đã ghi ${files.length} mẫu báo cáo vào ${context.display(folder)}/.${keptText} Gửi cho các đơn vị; bản đã điền đặt vào ${year}/self-reports/.`
      : `ict-eval: wrote ${files.length} templates to ${context.display(folder)}/.${keptText} Send them to the units; put the filled ones in ${year}/self-reports/.`,
  );
}

/** The self-assessments received so far, by unit and item, as the units wrote them ("Đạt", …). */
async function selfAssessments(
  context: Context,
  year: number,
  itemCodes: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  // The files the year's run reads (an .ods or .xls report is converted here too); none yet: "Chưa báo cáo" for all.
  const found: Problem[] = [];
  const files = await selfReportFiles(context.workspace, `${year}/self-reports`, found);
  const reads = await readSelfReportFiles(files, DEFAULT_LIMITS, itemCodes);
  const errors = errorsOf([...found, ...reads.flatMap((r) => r.problems)]);
  if (errors.length > 0) throw new InputProblemsError(errors);
  const byUnit = new Map<string, Map<string, string>>();
  for (const row of reads.flatMap((r) => [...r.rows])) {
    const own = byUnit.get(row.unitCode) ?? new Map<string, string>();
    own.set(row.itemCode, row.selfAssessment === null ? '' : STATUS_LABELS[row.selfAssessment].vi);
    byUnit.set(row.unitCode, own);
  }
  return byUnit;
}

async function writeAssessmentTemplate(
  context: Context,
  run: {
    year: number;
    units: readonly Unit[];
    block: TitleBlock;
    policy: Policy;
    outFolder: string;
    unitsPath: string;
  },
): Promise<void> {
  const { year, units, block, policy } = run;
  const folder = join(run.outFolder, 'mau-danh-gia');
  await checkOutputFolder(folder, inputFolders(context, year));
  const own = await selfAssessments(
    context,
    year,
    policy.regulation.checklist.map((item) => item.code),
  );
  const path = join(folder, 'assessment.xlsx');
  await writeOutputs([{ path, bytes: await assessmentTemplate(block, units, own, policy) }], {
    force: context.options.force === true,
    protectedPaths: [run.unitsPath],
    display: context.display,
  });
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: đã ghi ${context.display(path)} (${units.length} đơn vị, ${own.size} đơn vị đã báo cáo). Sở điền kết quả đánh giá rồi đặt tệp vào ${year}/assessment.xlsx.`
      : `ict-eval: wrote ${context.display(path)} (${units.length} units, ${own.size} reported). Fill in the assessment and put it in ${year}/assessment.xlsx.`,
  );
}
