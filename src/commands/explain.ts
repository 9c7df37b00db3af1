import { EXIT, UserError } from '../errors.js';
import { normalizeUnitCode } from '../io/normalize.js';
import { explainUnit } from '../report/content/explain.js';
import { personJson } from '../report/render/json.js';
import { runYear } from '../pipeline/year.js';
import { departmentShortName } from '../report/content/title.js';
import { type Context, parseYear, requireNoErrors, runRequest } from './context.js';

/** `ict-eval explain <unit> --year Y`: the whole derivation for one unit and its persons. */
export async function runExplain(context: Context, unitText: string, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const code = normalizeUnitCode(unitText);
  const prepared = await runYear(runRequest(context), year);
  requireNoErrors(context, prepared);
  const unit = prepared.evaluation.units.find((u) => u.unit.code === code);
  if (unit === undefined) {
    const known = prepared.evaluation.units.map((u) => u.unit.code).join(', ');
    throw new UserError(`không có đơn vị "${unitText}" trong danh sách năm ${year}. Các mã có: ${known}.`, EXIT.usage);
  }
  const rows = prepared.rows.filter((r) => r.unitCode === code);
  if (context.options.json === true) {
    context.console.stdout(`${JSON.stringify({ year, unitCode: code, persons: rows.map(personJson) }, null, 2)}\n`);
    return;
  }
  const run = { year, policy: prepared.policy, departmentShort: departmentShortName(prepared.policy, year) };
  context.console.stdout(explainUnit(unit, rows, run, context.lang));
}
