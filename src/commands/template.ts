import { join } from 'node:path';
import { loadConfig, DEFAULT_PROVINCE, defaultDepartment } from '../config.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { InputProblemsError, error } from '../io/problems.js';
import { readUnitsFile } from '../io/readers.js';
import { errorsOf, findInput } from '../io/workspace.js';
import { safeFileName } from '../io/names.js';
import { selfReportTemplate } from '../report/templates.js';
import { writeOutputs } from '../io/output.js';
import { checkOutputFolder } from '../io/output.js';
import { type Context, inputFolders, outputFolder, parseYear } from './context.js';

/** `ict-eval template --year Y`: one self-report workbook per unit of `Y/units`, under out/Y/mau-bao-cao/. */
export async function runTemplate(context: Context, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const config = await loadConfig(context.workspace);
  const found = await findInput(context.workspace, String(year), 'units');
  if (found !== undefined && 'severity' in found) throw new InputProblemsError([found]);
  if (found === undefined) throw new InputProblemsError([error('no-units', 'không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).', { file: `${year}/` })]);
  const unitsPath = found.path;
  const read = await readUnitsFile(unitsPath, found.display, DEFAULT_LIMITS);
  const errors = errorsOf(read.problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  const block = { province: config.province ?? DEFAULT_PROVINCE, department: config.department ?? defaultDepartment(year), year };
  const folder = join(outputFolder(context, config, year), 'mau-bao-cao');
  checkOutputFolder(folder, inputFolders(context, year));
  const used = new Set<string>();
  const files = [];
  for (const unit of read.units) {
    const name = safeFileName(unit.code, used);
    files.push({ path: join(folder, `${name}.xlsx`), bytes: await selfReportTemplate(block, unit, read.persons.filter((p) => p.unitCode === unit.code)) });
  }
  await writeOutputs(files, { force: context.options.force === true, protectedPaths: [unitsPath], display: context.display });
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: đã ghi ${files.length} mẫu báo cáo vào ${context.display(folder)}/. Gửi cho các đơn vị; bản đã điền đặt vào ${year}/self-reports/.`
      : `ict-eval: wrote ${files.length} templates to ${context.display(folder)}/. Send them to the units; put the filled ones in ${year}/self-reports/.`,
  );
}
