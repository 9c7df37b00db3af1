import { EXIT, UserError } from '../errors.js';
import { normalizeUnitCode } from '../io/normalize.js';
import { explainUnit } from '../report/explain.js';
import { personJson } from '../report/json.js';
import { type Context, parseYear, prepareYear } from './context.js';

/** `ict-eval explain <unit> --year Y`: the whole derivation for one unit and its persons. */
export async function runExplain(context: Context, unitText: string, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const code = normalizeUnitCode(unitText);
  const prepared = await prepareYear(context, year);
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
  context.console.stdout(explainUnit(unit, rows, prepared, context.lang));
}
