import { join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CONFIG_FILE } from '../config.js';
import { EXIT, UserError } from '../errors.js';
import { exists } from '../io/fs.js';
import { type OutputFile, writeOutputs } from '../io/output.js';
import { findInput } from '../io/workspace.js';
import { errorsOf } from '../problems.js';
import { DEFAULT_LIMITS } from '../io/limits.js';
import { InputProblemsError } from '../problems.js';
import { readUnitsFile } from '../io/readers/index.js';
import type { Policy } from '../rules/policy.js';
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

  const carried = from === undefined ? undefined : { from, ...(await carryUnits(root, from, year, policy)) };
  await add('units', () => blankUnits(block, policy, carried?.rows ?? []));
  await add('scores', () => blankScores(block, policy));
  await add('assessment', () => assessmentTemplate(block, [], new Map(), policy));
  await add('follow-up', () => blankFollowUp(block, policy));
  const configPath = join(root, CONFIG_FILE);
  if (!(await exists(configPath))) {
    files.push({ path: configPath, bytes: `${JSON.stringify({ out: 'out', policy: {} }, null, 2)}\n` });
  } else kept.push(CONFIG_FILE);

  await writeOutputs(files, { force: false, protectedPaths: [], display: (p) => p });
  await mkdir(join(root, folder, 'self-reports'), { recursive: true });
  context.summary(summary(context, root, year, files, kept, carried));
}

/** What `--from` carried over: the rows of the new year's units file, and what it left out, with why. */
interface Carried {
  readonly rows: readonly (readonly string[])[];
  readonly leftPersons: readonly string[];
  readonly leftUnits: readonly string[];
  readonly ending: readonly string[];
}

/**
 * Y0's units, as they stand on 1 January of year Y (rules.md v3, "The next year"): a unit that ceased before then is
 * left out, and so is a person whose period ended before then; a unit of a block that ends during Y gets that day as
 * its "Hoạt động đến ngày" (districts: 30/06/2025); `Mã đơn vị năm trước` and "Hoạt động từ ngày" are cleared (the
 * unit's code of Y0 is its previous code); a person who held the post until 31/12 of Y0 holds it from 1/1 of Y. Y0's
 * file must be readable: its malformed data is listed (exit 1) rather than carried.
 */
async function carryUnits(root: string, from: number, year: number, policy: Policy): Promise<Carried> {
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
  const read = await readUnitsFile(found.path, found.display, DEFAULT_LIMITS, {
    blocks: policy.blocks,
    regulation: policy.regulation,
    year: from,
  });
  const errors = errorsOf(read.problems);
  if (errors.length > 0) throw new InputProblemsError(errors);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  const lastDay = `${from}-12-31`;
  // Units that did not exist in Y0 itself were set aside by the reader: they are not carried either.
  const leftUnits: string[] = read.problems.filter((p) => p.code === 'unit-not-active').flatMap((p) => p.units ?? []);
  const leftPersons: string[] = [];
  const ending: string[] = [];
  const rows: string[][] = [];
  const kindName = (code: string) => policy.regulation.unitKinds.find((k) => k.code === code)?.vi ?? code;
  const roleName = { head: 'Người đứng đầu', 'acting-head': 'Quyền / phụ trách', deputy: 'Cấp phó được phân công' };
  for (const unit of read.units) {
    const unitEnd = unit.period?.to ?? lastDay;
    const block = policy.blocks.find((b) => b.code === unit.block);
    if (unitEnd < lastDay || (block?.until !== undefined && block.until.date < start)) {
      leftUnits.push(`${unit.code} (${unit.name})`);
      continue;
    }
    const until = block?.until !== undefined && block.until.date <= end ? block.until.date : '';
    if (until !== '') ending.push(`${unit.code} (${dmy(until)})`);
    for (const person of read.persons.filter((p) => p.unitCode === unit.code)) {
      if (person.period !== null && person.period.to < unitEnd) {
        leftPersons.push(`${person.name}, ${unit.code} (${dmy(person.period.to)})`);
        continue;
      }
      rows.push([
        unit.code,
        unit.name,
        unit.block,
        kindName(unit.kind),
        person.name,
        person.position,
        roleName[person.role],
        '',
        '',
        person.assignedSections?.join(', ') ?? '',
        person.assignmentDocument,
        unit.inIndex ? 'Có' : 'Không',
        '',
        '',
        until === '' ? '' : dmy(until),
        unit.territory ?? '',
      ]);
    }
  }
  return { rows, leftPersons, leftUnits, ending };
}

function summary(
  context: Context,
  root: string,
  year: number,
  files: readonly OutputFile[],
  kept: readonly string[],
  carried: (Carried & { from: number }) | undefined,
): string {
  const rel = (path: string) => path.slice(root.length + 1).replaceAll('\\', '/');
  const made = files.map((f) => rel(f.path));
  const list = (items: readonly string[]) => items.join(', ');
  if (context.lang === 'en') {
    const carriedText =
      carried === undefined
        ? ''
        : `; the units were carried over from ${carried.from} as they stand on 01/01/${year} (previous codes cleared${carried.leftUnits.length === 0 ? '' : `; units that ceased, left out: ${list(carried.leftUnits)}`}${carried.leftPersons.length === 0 ? '' : `; persons whose period ended, left out: ${list(carried.leftPersons)}`}${carried.ending.length === 0 ? '' : `; units whose block ends in ${year}, with their last day: ${list(carried.ending)}`}): check the heads, deputies, dates and assignments`;
    return `ict-eval: workspace ${root}, year ${year}: created ${made.length === 0 ? 'nothing' : made.join(', ')}${kept.length === 0 ? '' : `; kept as they are: ${kept.join(', ')}`}${carriedText}. Next: fill units, then run "ict-eval template --year ${year}".`;
  }
  const carriedText =
    carried === undefined
      ? ''
      : `; danh sách đơn vị được chuyển từ năm ${carried.from} theo tình trạng ngày 01/01/${year} (đã xoá Mã đơn vị năm trước${carried.leftUnits.length === 0 ? '' : `; bỏ đơn vị đã kết thúc hoạt động: ${list(carried.leftUnits)}`}${carried.leftPersons.length === 0 ? '' : `; bỏ người đã hết thời gian giữ chức: ${list(carried.leftPersons)}`}${carried.ending.length === 0 ? '' : `; đơn vị có khối kết thúc trong năm ${year}, đã ghi ngày kết thúc: ${list(carried.ending)}`}): hãy kiểm tra lại người đứng đầu, cấp phó, ngày và văn bản phân công`;
  return `ict-eval: không gian làm việc ${root}, năm ${year}: đã tạo ${made.length === 0 ? 'không tệp nào' : made.join(', ')}${kept.length === 0 ? '' : `; giữ nguyên các tệp đã có: ${kept.join(', ')}`}${carriedText}. Bước tiếp: điền units rồi chạy "ict-eval template --year ${year}".`;
}
