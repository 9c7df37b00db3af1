import { EXIT, UserError } from '../errors.js';
import { matchKey, normalizeUnitCode } from '../io/normalize.js';
import { explainUnit } from '../report/content/explain.js';
import { personJson } from '../report/render/json.js';
import { type YearRun, runYear } from './year.js';
import { type Problem, named } from '../problems.js';
import { type Context, parseYear, runRequest } from './context.js';
import { printJson, requireNoErrors } from './print.js';

/** Warnings about the whole year's inputs, which concern every unit (no assessment file, no previous year, …). */
const YEAR_WIDE = new Set([
  'no-assessment',
  'no-follow-up',
  'no-self-reports',
  'no-previous-year',
  'regulation-partial-year',
]);

/** The warnings that concern one unit: marked with its code, found in its self-report, or about the whole year. */
function unitWarnings(run: YearRun, code: string): Problem[] {
  const files = new Set(run.selfReports.filesByUnit.get(code) ?? []);
  return run.warnings.filter(
    (w) =>
      w.unit === code ||
      w.units?.includes(code) === true ||
      (w.where !== undefined && files.has(w.where.file)) ||
      (w.unit === undefined && YEAR_WIDE.has(w.code)),
  );
}

/** A name's words as typed, with their marks, in lower case: "Sở Tư pháp" → ["sở", "tư", "pháp"]. */
const markedWords = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** Whether `part`'s words stand one after the other among `words`. */
function hasWords(words: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0) return false;
  for (let at = 0; at + part.length <= words.length; at++)
    if (part.every((word, i) => words[at + i] === word)) return true;
  return false;
}

/** `ict-eval explain <unit> --year Y`: the whole derivation for one unit and its persons. */
export async function runExplain(context: Context, unitText: string, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const prepared = await runYear(runRequest(context), year);
  requireNoErrors(context, prepared);
  const units = prepared.evaluation.units;
  // By code, else by name without case, diacritics or spacing ("Sở Y tế", "so y te"), else by a part
  // of the name that only one unit has ("Tư pháp").
  const key = matchKey(unitText);
  const byCode = units.filter((u) => u.unit.code === normalizeUnitCode(unitText));
  const byName = units.filter((u) => matchKey(u.unit.name) === key);
  // A part is whole words of the name, with their marks when typed with them ("Sở" is not in "Từ Sơn", nor "so" in "son").
  const marked = units.filter((u) => hasWords(markedWords(u.unit.name), markedWords(unitText)));
  const byPart = key === '' ? [] : units.filter((u) => hasWords(matchKey(u.unit.name).split(' '), key.split(' ')));
  const found = [byCode, byName, marked, byPart].find((list) => list.length > 0) ?? [];
  // A national year has 10 000 units: a message names the first of them, and where the whole list is.
  const unitsFile = prepared.loaded.files.find((f) => f.role === 'units')?.path ?? 'units';
  const whole = { vi: `đủ danh sách: ${unitsFile}`, en: `the whole list: ${unitsFile}` };
  if (found.length > 1) {
    const names = named(
      found.map((u) => `${u.unit.code} (${u.unit.name})`),
      whole,
    );
    throw new UserError(
      {
        vi: `"${unitText}" khớp với nhiều đơn vị: ${names.vi}. Hãy ghi mã hoặc tên đầy đủ.`,
        en: `"${unitText}" matches several units: ${names.en}. Give the code or the full name.`,
      },
      EXIT.usage,
    );
  }
  const unit = found[0];
  if (unit === undefined) {
    const known = named(
      units.map((u) => u.unit.code),
      whole,
    );
    throw new UserError(
      {
        vi: `không có đơn vị "${unitText}" (theo mã hoặc tên) trong danh sách năm ${year}. Các mã có: ${known.vi}.`,
        en: `no unit "${unitText}" (by code or name) in the units of ${year}. The codes are: ${known.en}.`,
      },
      EXIT.usage,
    );
  }
  const code = unit.unit.code;
  const rows = prepared.rows.filter((r) => r.unitCode === code);
  if (context.options.json === true) {
    printJson(context, { year, unitCode: code, persons: rows.map(personJson) });
    return;
  }
  const run = {
    year,
    policy: prepared.policy,
    departmentShort: prepared.info.block.departmentShort,
    documentDate: prepared.legal.documentDate,
  };
  const text = explainUnit(unit, rows, run, context.lang, unitWarnings(prepared, code));
  context.console.stdout(context.wrap(text, 'stdout'));
}
