import type { PersonRow } from './model.js';
import { type Lang, RATING_REASON_LABELS, SANCTION_LABELS, label } from './labels.js';
import { formatCitation } from '../rules/citation.js';

/** The top/bottom group of a person's unit this year, as a cell reads it. */
export function groupText(row: PersonRow, lang: Lang): string {
  if (row.rank === null) return lang === 'vi' ? 'Không xếp hạng (không có điểm)' : 'Unranked (no score)';
  const parts: string[] = [];
  if (row.top) parts.push(lang === 'vi' ? '20% cao nhất' : 'top 20%');
  if (row.bottom) parts.push(lang === 'vi' ? '15% thấp nhất' : 'bottom 15%');
  return parts.length > 0 ? parts.join(lang === 'vi' ? ' và ' : ' and ') : '—';
}

/** "Có (2023: Có; 2024: Có)": bottom 15% in both years, with each year's fact. */
export function bottomTwoYearsText(row: PersonRow, year: number, lang: Lang): string {
  const yes = lang === 'vi' ? 'Có' : 'Yes';
  const no = lang === 'vi' ? 'Không' : 'No';
  const missing = lang === 'vi' ? 'không có dữ liệu' : 'no data';
  const previous = row.bottomPrevious === null ? missing : row.bottomPrevious ? yes : no;
  const current = row.rank === null ? missing : row.bottom ? yes : no;
  return `${row.bottomTwoYears ? yes : no} (${year - 1}: ${previous}; ${year}: ${current})`;
}

/** Why a sanction case was left to Sở Nội vụ, with its facts. */
export function uncoveredText(row: PersonRow, lang: Lang): string {
  const sanction = row.evaluation.unit.sanction;
  const v = row.violatedSections.length;
  if (sanction.reason === 'uncertain') {
    const open = row.evaluation.unit.assessment.undeterminedSections;
    const outcomes = sanction.possibleOutcomes.map((o) => label(SANCTION_LABELS, o, lang)).join(lang === 'vi' ? ' hoặc ' : ' or ');
    return lang === 'vi'
      ? `Thiếu dữ liệu ở Mục ${open.join(', ')}: số mục vi phạm có thể từ ${v} đến ${Math.min(4, v + open.length)}, tương ứng: ${outcomes}.`
      : `Missing data in section(s) ${open.join(', ')}: between ${v} and ${Math.min(4, v + open.length)} sections may be violated, giving: ${outcomes}.`;
  }
  switch (sanction.uncoveredCase) {
    case 'v1-2-not-slow':
      return lang === 'vi'
        ? `Vi phạm ${v} mục nhưng không chậm triển khai kết luận của UBND tỉnh: điểm a và b đều đòi hỏi có chậm triển khai.`
        : `${v} section(s) violated but not slow on the conclusions: points a and b both require slowness.`;
    case 'v3':
      return lang === 'vi'
        ? 'Vi phạm 3 mục: Điều 17 khoản 1 chỉ quy định trường hợp vi phạm một hoặc hai mục (điểm a, b) và cả 4 mục (điểm c).'
        : '3 sections violated: Điều 17 khoản 1 covers one or two sections (points a, b) and all four (point c) only.';
    case 'v4-no-review':
      return lang === 'vi'
        ? 'Vi phạm cả 4 mục nhưng cơ quan quản lý cấp trên chưa yêu cầu kiểm điểm (điều kiện của điểm c).'
        : 'All 4 sections violated, but the superior body has not demanded a review (the condition of point c).';
    case null:
      return '';
  }
}

/** `Điều 15 khoản 1, QĐ 358/2013/QĐ-UBND: không vi phạm và thuộc nhóm 20% cao nhất`. */
export function ratingBasis(row: PersonRow, decision: string, lang: Lang): string {
  return `${[formatCitation(row.evaluation.roleCitation), ...row.ratingCitations].join('; ')}, ${decision}: ${label(RATING_REASON_LABELS, row.ratingReason, lang)}`;
}

export function citationsWithDecision(citations: readonly string[], decision: string): string {
  return citations.length === 0 ? '' : `${citations.join('; ')}, ${decision}`;
}
