import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CONFIG_FILE } from '../config.js';
import { writeOutputs } from '../io/output.js';
import { loadSettings } from '../pipeline/year.js';
import { titleBlock } from '../report/content/title.js';
import { assessmentTemplate, blankFollowUp, blankScores, blankUnits } from '../report/render/templates.js';
import { type Context, parseYear, runRequest } from './context.js';

/**
 * `ict-eval init [dir] --year Y`: a workspace with blank units, scores and follow-up workbooks. The
 * configuration it writes does not pin the province's or the department's name: the title block takes
 * them from the regulation's dated profile on each document's date (Sở KH&CN from 1/3/2025).
 */
export async function runInit(context: Context, dir: string | undefined, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const root = dir === undefined ? context.workspace : resolve(context.console.cwd, dir);
  const { config: existing, policy } = await loadSettings({ ...runRequest(context), workspace: root }, year);
  const block = titleBlock(policy, existing, year);
  const folder = join(root, String(year));
  const config = { out: 'out', policy: {} };
  const files = [
    { path: join(folder, 'units.xlsx'), bytes: await blankUnits(block, policy) },
    { path: join(folder, 'scores.xlsx'), bytes: await blankScores(block, policy) },
    { path: join(folder, 'assessment.xlsx'), bytes: await assessmentTemplate(block, [], new Map(), policy) },
    { path: join(folder, 'follow-up.xlsx'), bytes: await blankFollowUp(block, policy) },
    { path: join(root, CONFIG_FILE), bytes: `${JSON.stringify(config, null, 2)}\n` },
  ];
  await writeOutputs(files, { force: context.options.force === true, protectedPaths: [], display: (p) => p });
  await mkdir(join(folder, 'self-reports'), { recursive: true });
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: đã tạo không gian làm việc ${root} cho năm ${year}: ${year}/units.xlsx, ${year}/scores.xlsx, ${year}/assessment.xlsx, ${year}/follow-up.xlsx, ${year}/self-reports/, ${CONFIG_FILE}. Bước tiếp: điền units.xlsx rồi chạy "ict-eval template --year ${year}".`
      : `ict-eval: created workspace ${root} for ${year}. Next: fill units.xlsx, then run "ict-eval template --year ${year}".`,
  );
}
