import type { Config } from '../../config.js';
import type { Policy } from '../../rules/policy.js';
import { nameOn } from '../../rules/regulation.js';
import type { TitleBlock } from './document.js';

/**
 * The date a year's documents carry: 31 December of the year (the workbooks' fixed date, so that the
 * same inputs give the same bytes; src/report/render/workbook.ts stamps the same day).
 */
export function documentDay(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/**
 * The one title block of every document: the province and the department that exist on the document's
 * date, from the regulation's dated profile (Sở TT&TT until 28/2/2025, Sở KH&CN from 1/3/2025), unless
 * the configuration names them.
 */
export function titleBlock(
  policy: Pick<Policy, 'regulation'>,
  config: Pick<Config, 'province' | 'department'>,
  year: number,
): TitleBlock {
  const day = documentDay(year);
  const { issuers } = policy.regulation;
  return {
    province: config.province ?? nameOn(issuers.province, day),
    department: config.department ?? nameOn(issuers.department, day),
    year,
  };
}

/** The department's short name in running text (`Sở TT&TT`, `Sở KH&CN`) on the document's date. */
export function departmentShortName(policy: Pick<Policy, 'regulation'>, year: number): string {
  return nameOn(policy.regulation.issuers.departmentShort, documentDay(year));
}
