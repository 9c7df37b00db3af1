import { extname, join, resolve } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { CONFIG_FILE } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { exists } from '../io/fs.js';
import { type OutputFile, writeOutputs } from '../io/output.js';
import { findInput } from '../io/workspace.js';
import { loadSettings } from '../pipeline/year.js';
import { titleBlock } from '../report/content/title.js';
import { assessmentTemplate, blankFollowUp, blankScores, blankUnits } from '../report/render/templates.js';
import { type Context, parseYear, runRequest } from './context.js';

/**
 * `ict-eval init [dir] --year Y [--from Y0]`: makes a workspace, or adds year Y to one. It never
 * replaces a file that exists (an input in any format, or the configuration): `--force` does not apply
 * here. `--from Y0` carries Y0's units file over as Y's, to be checked. The configuration it writes does
 * not pin the province's or the department's name: the title block takes them from the regulation's
 * dated profile on each document's date (Sở KH&CN from 1/3/2025).
 */
export async function runInit(
  context: Context,
  dir: string | undefined,
  yearText: string | undefined,
  fromText: string | undefined,
): Promise<void> {
  const year = parseYear(yearText);
  const from = fromText === undefined ? undefined : parseYear(fromText);
  const root = dir === undefined ? context.workspace : resolve(context.console.cwd, dir);
  const { config: existing, policy } = await loadSettings({ ...runRequest(context), workspace: root }, year);
  const block = titleBlock(policy, existing, year);
  const folder = String(year);

  const kept: string[] = [];
  const files: OutputFile[] = [];
  /** An input of the year is made only when no file of its stem is there, in any format. */
  const add = async (base: string, bytes: () => Promise<Buffer>, extension = '.xlsx') => {
    const found = await findInput(root, folder, base);
    if (found !== undefined) {
      kept.push('display' in found ? found.display : `${folder}/${base}`);
      return;
    }
    files.push({ path: join(root, folder, `${base}${extension}`), bytes: await bytes() });
  };

  const carried = from === undefined ? undefined : await carriedUnits(root, from);
  if (carried === undefined) await add('units', () => blankUnits(block, policy));
  else await add('units', () => readFile(carried), extname(carried));
  await add('scores', () => blankScores(block, policy));
  await add('assessment', () => assessmentTemplate(block, [], new Map(), policy));
  await add('follow-up', () => blankFollowUp(block, policy));
  const configPath = join(root, CONFIG_FILE);
  if (!(await exists(configPath))) {
    files.push({ path: configPath, bytes: `${JSON.stringify({ out: 'out', policy: {} }, null, 2)}\n` });
  } else kept.push(CONFIG_FILE);

  await writeOutputs(files, { force: false, protectedPaths: [], display: (p) => p });
  await mkdir(join(root, folder, 'self-reports'), { recursive: true });
  context.summary(summary(context, root, year, files, kept, carried === undefined ? undefined : from));
}

/** Y0's units file, to carry over; a usage error when Y0 has none. */
async function carriedUnits(root: string, from: number): Promise<string> {
  const found = await findInput(root, String(from), 'units');
  if (found === undefined || !('path' in found)) {
    throw new UserError(
      {
        vi: `--from ${from}: không có tệp ${from}/units.xlsx (hay units.csv) dùng được trong ${root} để chuyển sang.`,
        en: `--from ${from}: no usable ${from}/units.xlsx (or units.csv) in ${root} to carry over.`,
      },
      EXIT.usage,
    );
  }
  return found.path;
}

function summary(
  context: Context,
  root: string,
  year: number,
  files: readonly OutputFile[],
  kept: readonly string[],
  from: number | undefined,
): string {
  const rel = (path: string) => path.slice(root.length + 1).replaceAll('\\', '/');
  const made = files.map((f) => rel(f.path));
  if (context.lang === 'en') {
    return `ict-eval: workspace ${root}, year ${year}: created ${made.length === 0 ? 'nothing' : made.join(', ')}${kept.length === 0 ? '' : `; kept as they are: ${kept.join(', ')}`}${from === undefined ? '' : `; the units were carried over from ${from}: check the heads, deputies, dates and assignments`}. Next: fill units, then run "ict-eval template --year ${year}".`;
  }
  return `ict-eval: không gian làm việc ${root}, năm ${year}: đã tạo ${made.length === 0 ? 'không tệp nào' : made.join(', ')}${kept.length === 0 ? '' : `; giữ nguyên các tệp đã có: ${kept.join(', ')}`}${from === undefined ? '' : `; danh sách đơn vị được chuyển từ năm ${from}: hãy kiểm tra lại người đứng đầu, cấp phó, ngày và văn bản phân công`}. Bước tiếp: điền units rồi chạy "ict-eval template --year ${year}".`;
}
