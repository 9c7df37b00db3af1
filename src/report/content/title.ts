import { type Config, documentDate, documentDay } from '../../config.js';
import type { Policy } from '../../rules/policy.js';
import { issuerOn, provinceOn } from '../../rules/legal.js';
import type { TitleBlock } from './document.js';

/**
 * The date a year's documents carry: 31 December of the year (the workbooks' fixed date, so that the
 * same inputs give the same bytes; src/report/render/workbook.ts stamps the same day).
 */

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
  const frame = config.attachment ?? {};
  // The issuing body is the one that signs: on the day of signing when known, else on 31 December of the year. The
  // same body speaks in the text (its name and short name come with the heading, never from another date).
  const day = documentDate(config, year);
  const issuer = issuerOn(policy.regulation, day, config.department);
  const province = config.province ?? provinceOn(policy.regulation, day);
  return {
    province,
    department: issuer.heading,
    departmentName: issuer.name,
    departmentShort: issuer.short,
    departmentSpeaks: issuer.speaks,
    symbol: frame.symbol ?? symbolOf(issuer.heading),
    ...(frame.unitSymbol === undefined ? {} : { unitSymbol: frame.unitSymbol }),
    year,
    place: frame.place ?? placeOf(province),
    ...(frame.signedOn === undefined ? {} : { signedOn: frame.signedOn }),
    ...(frame.report === undefined ? {} : { attachedTo: frame.report }),
    signature: {
      ...(frame.preparer === undefined ? {} : { preparer: frame.preparer }),
      signerTitle: frame.signerTitle ?? 'GIÁM ĐỐC',
      ...(frame.signer === undefined ? {} : { signer: frame.signer }),
    },
    font: frame.font ?? 'Times New Roman',
  };
}

/**
 * An office's abbreviation from its name, as offices write it in number lines: the initials of its words but "và", in
 * capitals without tone marks, Đ kept (SỞ KHOA HỌC VÀ CÔNG NGHỆ → SKHCN, SỞ THÔNG TIN VÀ TRUYỀN THÔNG → STTTT). The
 * configuration's `attachment.symbol` replaces it where the office writes it otherwise.
 */
export function symbolOf(name: string): string {
  return name
    .toLocaleUpperCase('vi')
    .split(/\s+/u)
    .filter((word) => word !== '' && word !== 'VÀ' && word !== '-' && word !== '&')
    .map((word) => {
      const first = word.charAt(0);
      return first === 'Đ' ? 'Đ' : first.normalize('NFD').replace(/\p{M}/gu, '');
    })
    .join('');
}

/**
 * "(Kèm theo Báo cáo số …/BC-SKHCN ngày … tháng … năm … của Sở Khoa học và Công nghệ)", as Nghị định 30/2020/NĐ-CP
 * writes an attachment's line, with the number and the date blank to fill (the date given when the day of signing is).
 */
export function attachedLine(
  block: Pick<TitleBlock, 'signedOn' | 'departmentName'>,
  kind: string,
  number: string,
): string {
  const day = placeAndDate({ place: '', signedOn: block.signedOn }).replace(/^, /u, '');
  return `${kind} số ${number} ${day} của ${block.departmentName}`;
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

/**
 * The place-and-date line: "Bắc Ninh, ngày 15 tháng 5 năm 2025", or with blanks to fill. Nghị định 30/2020/NĐ-CP,
 * Phụ lục I: a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02"), other months do not.
 */
export function placeAndDate(block: { readonly place: string; readonly signedOn?: string | undefined }): string {
  if (block.signedOn === undefined) return `${block.place}, ngày …… tháng …… năm ……`;
  const [y = 0, m = 0, d = 0] = block.signedOn.split('-').map(Number);
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${block.place}, ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${String(y)}`;
}

/**
 * A line for the terminal when the workbooks name an issuing body that no longer exists (a 2024 report names Sở
 * TT&TT, merged into Sở KH&CN on 1/3/2025) and the configuration says neither the department nor the day of
 * signing; undefined otherwise.
 */
export function issuerNotice(
  policy: Pick<Policy, 'regulation'>,
  config: Pick<Config, 'department' | 'attachment'>,
  year: number,
): { vi: string; en: string } | undefined {
  if (config.department !== undefined || config.attachment?.signedOn !== undefined) return undefined;
  const holders = policy.regulation.context.assessor.holders;
  const then = issuerOn(policy.regulation, documentDay(year)).heading;
  const newest = holders.at(-1);
  if (newest === undefined || newest.value.heading === then || newest.from === null) return undefined;
  const since = holders.find((h) => h.from !== null && h.from > documentDay(year) && h.value.heading !== then)?.from;
  if (since === undefined || since === null) return undefined;
  const name = issuerOn(policy.regulation, since).heading;
  return {
    vi: `các bảng ghi cơ quan ban hành "${then}" (tên ngày 31/12/${year}); từ ${since.split('-').reverse().join('/')} là "${name}". Nếu ký từ ngày đó, ghi ngày ký vào ict-eval.config.json: { "attachment": { "signedOn": "yyyy-mm-dd" } }.`,
    en: `the workbooks name the issuing body "${then}" (its name on 31/12/${year}); since ${since.split('-').reverse().join('/')} it is "${name}". If they are signed since then, give the day of signing in ict-eval.config.json: { "attachment": { "signedOn": "yyyy-mm-dd" } }.`,
  };
}
