import type { PersonRow } from './model.js';
import {
  type Lang,
  RATING_LABELS,
  SANCTION_LABELS,
  bottomGroupName,
  label,
  ratingReasonLabel,
  topGroupName,
} from './labels.js';
import { formatCitation } from '../../rules/citation.js';
import type { Policy } from '../../rules/policy.js';

/** The top/bottom group of a person's unit this year, as a cell reads it. */
export function groupText(row: PersonRow, policy: Pick<Policy, 'parameters' | 'index'>, lang: Lang): string {
  if (!row.evaluation.unit.unit.inIndex)
    return lang === 'vi' ? `Không xếp hạng ${policy.index.name}` : 'Not ranked in the index';
  if (row.rank === null) return lang === 'vi' ? 'Chưa có điểm' : 'No score yet';
  const parts: string[] = [];
  if (row.top) parts.push(topGroupName(policy, lang));
  if (row.bottom) parts.push(bottomGroupName(policy, lang));
  return parts.length > 0 ? parts.join(lang === 'vi' ? ' và ' : ' and ') : '—';
}

/** "Có (2023: Có; 2024: Có)": in the bottom group in both years, with each year's fact. */
export function bottomTwoYearsText(row: PersonRow, year: number, lang: Lang): string {
  const yes = lang === 'vi' ? 'Có' : 'Yes';
  const no = lang === 'vi' ? 'Không' : 'No';
  const missing = lang === 'vi' ? 'không có dữ liệu' : 'no data';
  const unsettled = lang === 'vi' ? 'chưa xác định' : 'unsettled';
  const status = row.evaluation.unit.previous.status;
  const previous =
    status === 'unsettled' ? unsettled : row.bottomPrevious === null ? missing : row.bottomPrevious ? yes : no;
  const current = row.bottom === null ? missing : row.bottom ? yes : no;
  const both = row.bottomTwoYears === null ? unsettled : row.bottomTwoYears ? yes : no;
  return `${both} (${year - 1}: ${previous}; ${year}: ${current})`;
}

/** Why a sanction case was left to Sở Nội vụ, with its facts (the regulation words the uncovered cases). */
export function uncoveredText(row: PersonRow, policy: Pick<Policy, 'regulation'>, lang: Lang): string {
  const sanction = row.evaluation.sanction;
  const v = row.violatedSections.length;
  if (sanction.reason === 'uncertain') {
    const open = row.evaluation.rating.facts.undeterminedSections;
    const highest = Math.min(policy.regulation.sections.length, v + open.length);
    const outcomes = sanction.possibleOutcomes
      .map((o) => label(SANCTION_LABELS, o, lang))
      .join(lang === 'vi' ? ' hoặc ' : ' or ');
    return lang === 'vi'
      ? `Thiếu dữ liệu ở Mục ${open.join(', ')}: số mục vi phạm có thể từ ${v} đến ${highest}, tương ứng: ${outcomes}.`
      : `Missing data in section(s) ${open.join(', ')}: between ${v} and ${highest} sections may be violated, giving: ${outcomes}.`;
  }
  const kase = policy.regulation.uncoveredCases.find((c) => c.id === sanction.uncoveredCase);
  if (kase === undefined) return '';
  return lang === 'vi' ? kase.explainVi(v) : kase.explainEn(v);
}

/**
 * `khoản 1 Điều 2; khoản 1 Điều 15: không vi phạm và thuộc nhóm 20% cao nhất`. A person not rated
 * cites no rating clause: the missing facts and the possible ratings are stated instead.
 */
export function ratingBasis(
  row: PersonRow,
  policy: Pick<Policy, 'parameters' | 'regulation' | 'index'>,
  lang: Lang,
): string {
  const citations = [row.evaluation.roleCitation, ...row.evaluation.rating.citations]
    .map((c) => formatCitation(c, lang))
    .join('; ');
  const reason = ratingReasonLabel(row.ratingReason, policy, lang);
  if (row.rating !== 'thieu-du-lieu') return `${citations}: ${reason}`;
  const missing = row.ratingReason === 'missing-items' ? row.evaluation.rating.facts.missingItems : [];
  const items = missing.length > 0 ? ` (${lang === 'vi' ? 'tiêu chí' : 'items'} ${missing.join(', ')})` : '';
  const possible = row.possibleRatings
    .map((r) => label(RATING_LABELS, r, lang))
    .join(lang === 'vi' ? ' hoặc ' : ' or ');
  return `${citations}: ${reason}${items}. ${lang === 'vi' ? 'Có thể là' : 'Could be'}: ${possible}.`;
}

export function citationsWithDecision(citations: readonly string[], decision: string): string {
  return citations.length === 0 ? '' : `${citations.join('; ')}, ${decision}`;
}
