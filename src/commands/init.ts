import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CONFIG_FILE, DEFAULT_PROVINCE, defaultDepartment } from '../config.js';
import { writeOutputs } from '../io/output.js';
import { blankFollowUp, blankScores, blankUnits } from '../report/templates.js';
import { type Context, parseYear } from './context.js';

/** `ict-eval init [dir] --year Y`: a workspace with blank units, scores and follow-up workbooks. */
export async function runInit(context: Context, dir: string | undefined, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const root = dir === undefined ? context.workspace : resolve(context.console.cwd, dir);
  const block = { province: DEFAULT_PROVINCE, department: defaultDepartment(year), year };
  const folder = join(root, String(year));
  const config = { province: block.province, department: block.department, out: 'out', policy: {} };
  const files = [
    { path: join(folder, 'units.xlsx'), bytes: await blankUnits(block) },
    { path: join(folder, 'scores.xlsx'), bytes: await blankScores(block) },
    { path: join(folder, 'follow-up.xlsx'), bytes: await blankFollowUp(block) },
    { path: join(root, CONFIG_FILE), bytes: `${JSON.stringify(config, null, 2)}\n` },
  ];
  await writeOutputs(files, { force: context.options.force === true, protectedPaths: [], display: (p) => p });
  await mkdir(join(folder, 'self-reports'), { recursive: true });
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: đã tạo không gian làm việc ${root} cho năm ${year}: ${year}/units.xlsx, ${year}/scores.xlsx, ${year}/follow-up.xlsx, ${year}/self-reports/, ${CONFIG_FILE}. Bước tiếp: điền units.xlsx rồi chạy "ict-eval template --year ${year}".`
      : `ict-eval: created workspace ${root} for ${year}. Next: fill units.xlsx, then run "ict-eval template --year ${year}".`,
  );
}
