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
  config: Pick<Config, 'province' | 'department' | 'attachment'>,
  year: number,
): TitleBlock {
  const day = documentDay(year);
  const { issuers } = policy.regulation;
  const province = config.province ?? nameOn(issuers.province, day);
  const frame = config.attachment ?? {};
  return {
    province,
    department: config.department ?? nameOn(issuers.department, day),
    year,
    place: frame.place ?? placeOf(province),
    ...(frame.report === undefined ? {} : { attachedTo: frame.report }),
    signature: {
      ...(frame.preparer === undefined ? {} : { preparer: frame.preparer }),
      signerTitle: frame.signerTitle ?? 'GIÁM ĐỐC',
      ...(frame.signer === undefined ? {} : { signer: frame.signer }),
    },
    font: frame.font ?? 'Times New Roman',
  };
}

/** The place of a province's documents from its name: "UBND TỈNH BẮC NINH" → "Bắc Ninh". */
export function placeOf(province: string): string {
  const name = province
    .replace(/^\s*(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+/iu, '')
    .replace(/^(TỈNH|THÀNH PHỐ)\s+/iu, '')
    .trim()
    .toLocaleLowerCase('vi');
  return name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase('vi'));
}

/** The department's short name in running text (`Sở TT&TT`, `Sở KH&CN`) on the document's date. */
export function departmentShortName(policy: Pick<Policy, 'regulation'>, year: number): string {
  return nameOn(policy.regulation.issuers.departmentShort, documentDay(year));
}
