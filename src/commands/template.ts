import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { safeFileName } from '../io/names.js';
import { checkOutputFolder, writeOutputs } from '../io/output.js';
import { InputProblemsError, error } from '../io/problems.js';
import { readUnitsFile } from '../io/readers.js';
import { errorsOf, findInput } from '../io/workspace.js';
import { loadSettings } from '../pipeline/year.js';
import { titleBlock } from '../report/content/title.js';
import { selfReportTemplate } from '../report/render/templates.js';
import { type Context, parseYear, runRequest } from './context.js';
import { inputFolders, outputFolder } from './write.js';

/** `ict-eval template --year Y`: one self-report workbook per unit of `Y/units`, under out/Y/mau-bao-cao/. */
export async function runTemplate(context: Context, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const { config, policy } = await loadSettings(runRequest(context), year);
  const found = await findInput(context.workspace, String(year), 'units');
  if (found !== undefined && 'severity' in found) throw new InputProblemsError([found]);
  if (found === undefined)
    throw new InputProblemsError([
      error('no-units', 'không tìm thấy danh sách đơn vị (units.xlsx hoặc units.csv).', { file: `${year}/` }),
    ]);
  const unitsPath = found.path;
  const read = await readUnitsFile(unitsPath, found.display, DEFAULT_LIMITS, policy.blocks);
  const errors = errorsOf(read.problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  const block = titleBlock(policy, config, year);
  const folder = join(outputFolder(context, config, year), 'mau-bao-cao');
  checkOutputFolder(folder, inputFolders(context, year));
  const used = new Set<string>();
  const files = [];
  for (const unit of read.units) {
    const name = safeFileName(unit.code, used);
    const persons = read.persons.filter((p) => p.unitCode === unit.code);
    files.push({ path: join(folder, `${name}.xlsx`), bytes: await selfReportTemplate(block, unit, persons, policy) });
  }
  await writeOutputs(files, {
    force: context.options.force === true,
    protectedPaths: [unitsPath],
    display: context.display,
  });
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: đã ghi ${files.length} mẫu báo cáo vào ${context.display(folder)}/. Gửi cho các đơn vị; bản đã điền đặt vào ${year}/self-reports/.`
      : `ict-eval: wrote ${files.length} templates to ${context.display(folder)}/. Send them to the units; put the filled ones in ${year}/self-reports/.`,
  );
}
