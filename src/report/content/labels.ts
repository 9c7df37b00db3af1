import type { ItemStatus, Role } from '../../domain.js';
import { formatCitation } from '../../rules/citation.js';
import type { Policy } from '../../rules/policy.js';
import type { RankScope } from '../../rules/ranking.js';
import type { Rating, RatingReason } from '../../rules/rating.js';
import type { Reward } from '../../rules/rewards.js';
import type { Sanction, SanctionReason } from '../../rules/sanctions.js';
import type { SectionStatus } from '../../rules/sections.js';

/** The languages of what users read: Vietnamese by default, English with `--lang en`. */
export type Lang = 'vi' | 'en';

type Labels<K extends string> = Record<K, { readonly vi: string; readonly en: string }>;

export const RATING_LABELS: Labels<Rating> = {
  'xuat-sac': { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  'hoan-thanh': { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  'khong-hoan-thanh': { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
  'thieu-du-lieu': { vi: 'Chưa xếp loại (thiếu dữ liệu)', en: 'Not rated (missing data)' },
};

/** A share as a percentage in the language: `20%`, `12,5%` (decimal comma in Vietnamese). */
/** A number as the language writes it: `88,25` in Vietnamese, `88.25` in English; nothing for no number. */
export function decimal(value: number | null, lang: Lang): string {
  if (value === null) return '';
  return lang === 'vi' ? String(value).replace('.', ',') : String(value);
}

export function percent(share: number, lang: Lang): string {
  const text = String(Math.round(share * 100 * 1e6) / 1e6);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** The top group's name from the policy's share: `20% cao nhất` / `top 20%`. */
export function topGroupName(policy: Pick<Policy, 'parameters'>, lang: Lang): string {
  const p = percent(policy.parameters.topShare, lang);
  return lang === 'vi' ? `${p} cao nhất` : `top ${p}`;
}

/** The bottom group's name from the policy's share: `15% thấp nhất` / `bottom 15%`. */
export function bottomGroupName(policy: Pick<Policy, 'parameters'>, lang: Lang): string {
  const p = percent(policy.parameters.bottomShare, lang);
  return lang === 'vi' ? `${p} thấp nhất` : `bottom ${p}`;
}

/** Why a person got their rating, with the section count and the group's share of the run. */
export function ratingReasonLabel(
  reason: RatingReason,
  policy: Pick<Policy, 'parameters' | 'regulation' | 'index'>,
  lang: Lang,
): string {
  const index = policy.index.name;
  const vi = lang === 'vi';
  const top = topGroupName(policy, lang);
  switch (reason) {
    case 'violated-sections':
      return vi ? 'vi phạm mục được giao trách nhiệm' : 'a section the person answers for is violated';
    case 'no-report': {
      const article = formatCitation(policy.regulation.citations.reporting, lang);
      return vi
        ? `đơn vị chưa báo cáo theo ${article} và Sở chưa đánh giá: chưa có căn cứ để xếp loại`
        : `the unit did not report under ${article} and the department has not assessed it: nothing to rate on`;
    }
    case 'missing-items':
      return vi ? 'có tiêu chí chưa được Sở đánh giá' : 'some items have not been assessed by the department';
    case 'no-score':
      return vi
        ? `không vi phạm, nhưng chưa có điểm ${index} năm nay nên chưa xác định thuộc nhóm ${top} hay không`
        : `no violation, but no ${index} score yet: the ${top} group cannot be settled`;
    case 'not-in-index':
      return vi
        ? `không vi phạm; đơn vị không được xếp hạng ${index} nên chỉ xét theo các mục`
        : `no violation; the unit is not ranked in the ${index}, so it is rated on its sections alone`;
    case 'top-group':
      return vi ? `không vi phạm và thuộc nhóm ${top}` : `no violation, in the ${top} group`;
    case 'not-top-group':
      return vi ? `không vi phạm, không thuộc nhóm ${top}` : `no violation, not in the ${top} group`;
    case 'deputy-unit-violated':
      return vi
        ? `${deputyDefault(policy, lang)}: các mục được phân công không vi phạm, nhưng đơn vị vi phạm mục khác`
        : `${deputyDefault(policy, lang)}: the assigned sections were met, but the unit broke another section`;
    case 'deputy-unit-open':
      return vi
        ? `${deputyDefault(policy, lang)}: các mục được phân công không vi phạm, nhưng mục khác của đơn vị chưa đủ dữ liệu`
        : `${deputyDefault(policy, lang)}: the assigned sections were met, but another section of the unit is not settled`;
  }
}

/** The mark of the default reading for a deputy assigned part of the sections (rules.md v3). */
function deputyDefault(policy: Pick<Policy, 'regulation'>, lang: Lang): string {
  const article = formatCitation(policy.regulation.citations.rating, lang);
  return lang === 'vi'
    ? `${article} không quy định cấp phó được phân công một phần; mặc định: hoàn thành nhiệm vụ`
    : `${article} is silent on a deputy assigned part of the sections; default: completed`;
}

/** Why a case goes to Sở Nội vụ for review, or is flagged there; the point of a flag is named. */
export function reviewReasonLabel(reason: string, policy: Pick<Policy, 'regulation'>, lang: Lang): string {
  const vi = lang === 'vi';
  const flagged = policy.regulation.sanctionRules.find((r) => r.flag?.id === reason);
  if (flagged !== undefined) {
    const point = formatCitation(flagged.citation, lang);
    return vi ? `cấp trên yêu cầu kiểm điểm — xem ${point}` : `review demanded by the superior body — see ${point}`;
  }
  switch (reason) {
    case 'uncovered':
      return vi ? 'trường hợp quy định chưa nêu rõ' : 'a case the regulation does not settle';
    case 'part-year':
      return vi ? 'chỉ giữ chức một phần của năm' : 'held the post for part of the year only';
    case 'head-changed':
      return vi
        ? 'hình thức dựa vào nhóm thấp nhất hai năm liền, nhưng năm trước người này chưa đứng đầu đơn vị'
        : 'the form rests on the bottom group two years running, but the person did not head the unit last year';
    case 'no-report': {
      const article = formatCitation(policy.regulation.citations.reporting, lang);
      return vi ? `đơn vị chưa gửi báo cáo theo ${article}` : `the unit did not report under ${article}`;
    }
    case 'no-indicator': {
      const opening = formatCitation(policy.regulation.citations.sanctionsOpening, lang);
      return vi
        ? `đề xuất dựa vào mục vi phạm mà tiêu chí không đạt chưa gắn chỉ tiêu của QĐ 15/2011 (${opening} lấy chỉ tiêu cụ thể từ quy định này)`
        : `the proposal rests on a violated section whose failed items are linked to no indicator of QĐ 15/2011 (${opening} takes the indicators from it)`;
    }
    case 'previous-year-unsettled':
      return vi
        ? 'không xác định được nhóm thấp nhất của năm trước (mã năm trước không có trong bảng điểm, hoặc đơn vị hợp nhất)'
        : "last year's bottom group cannot be settled (a previous code not in last year's scores, or a merger)";
    case 'unit-part-year':
      return vi
        ? 'đơn vị chỉ hoạt động một phần của năm: nêu xếp loại, không đề nghị khen thưởng, không đề xuất hình thức xử lý'
        : 'the unit existed for part of the year only: the rating is shown, with no reward and no sanction proposed';
    default:
      return reason;
  }
}

/** What a note beside an outcome says (a default reading, a proposal or reward kept under a policy's `note` choice). */
export function noteLabel(note: string, policy: Pick<Policy, 'regulation'>, lang: Lang): string {
  const vi = lang === 'vi';
  switch (note) {
    case 'deputy-excellence':
      return deputyDefault(policy, lang);
    case 'no-indicator':
      return vi
        ? 'đề xuất giữ nguyên dù mục vi phạm chưa gắn chỉ tiêu của QĐ 15/2011 (tham số chính sách)'
        : 'the proposal stands although the section is linked to no indicator of QĐ 15/2011 (policy)';
    case 'no-report-reward':
      return vi
        ? 'đề nghị khen thưởng dù đơn vị chưa gửi báo cáo (tham số chính sách)'
        : 'proposed for a reward although the unit sent no report (policy)';
    default:
      return note;
  }
}

export const REWARD_LABELS: Labels<Reward> = {
  'khen-thuong': { vi: 'Đề nghị xem xét khen thưởng', en: 'Proposed for reward consideration' },
  'thuong-dot-xuat': { vi: 'Đề nghị thưởng đột xuất', en: 'Proposed for an ad-hoc reward' },
};

export const SANCTION_LABELS: Labels<Sanction> = {
  'canh-cao': { vi: 'Cảnh cáo', en: 'Warning' },
  'khien-trach': { vi: 'Khiển trách', en: 'Reprimand' },
  'phe-binh': { vi: 'Phê bình', en: 'Criticism' },
  'can-xem-xet': { vi: 'Cần xem xét', en: 'Needs review' },
  'thieu-du-lieu': { vi: 'Chưa đề xuất (thiếu dữ liệu)', en: 'No proposal (missing data)' },
};

/** A proposed form in the sanction sheet's "Hình thức đề xuất" column, and in what reads it back: `Đề xuất phê bình`. */
export function proposedFormText(sanction: Sanction): string {
  return `Đề xuất ${SANCTION_LABELS[sanction].vi.toLowerCase()}`;
}

/** Why a sanction was (or was not) proposed; the uncovered case names the regulation's sanctions clause. */
export function sanctionReasonLabel(reason: SanctionReason, policy: Pick<Policy, 'regulation'>, lang: Lang): string {
  const vi = lang === 'vi';
  switch (reason) {
    case 'not-applicable':
      return vi
        ? 'không xử lý: không thuộc trường hợp không hoàn thành nhiệm vụ'
        : 'no sanction: the duty was completed';
    case 'not-rated':
      return vi ? 'chưa xếp loại nên chưa xét xử lý' : 'not rated, so no sanction is considered';
    case 'clause':
      return vi ? 'đủ điều kiện của điểm được áp dụng' : 'the conditions of the applied point hold';
    case 'uncovered': {
      const clause = formatCitation(policy.regulation.citations.sanctions);
      return vi ? `trường hợp ${clause} chưa quy định cụ thể` : `a case ${clause} does not spell out`;
    }
    case 'uncertain':
      return vi
        ? 'thiếu dữ liệu nên chưa xác định được số mục vi phạm'
        : 'missing data leaves the number of violated sections open';
    case 'previous-year-unsettled':
      return vi
        ? 'hình thức phụ thuộc nhóm thấp nhất năm trước, chưa xác định được'
        : "the form depends on last year's bottom group, which cannot be settled";
  }
}

export const STATUS_LABELS: Labels<ItemStatus> = {
  dat: { vi: 'Đạt', en: 'Met' },
  'khong-dat': { vi: 'Không đạt', en: 'Not met' },
  'khong-ap-dung': { vi: 'Không áp dụng', en: 'Not applicable' },
};

export const SECTION_STATUS_LABELS: Labels<SectionStatus> = {
  met: { vi: 'Đạt', en: 'Met' },
  violated: { vi: 'Vi phạm', en: 'Violated' },
  undetermined: { vi: 'Thiếu dữ liệu', en: 'Missing data' },
};

export const ROLE_LABELS: Labels<Role> = {
  head: { vi: 'Người đứng đầu', en: 'Head' },
  'acting-head': { vi: 'Quyền / phụ trách', en: 'Acting head' },
  deputy: { vi: 'Cấp phó được phân công', en: 'Assigned deputy' },
};

/** dd/mm/yyyy from an ISO date. */
export function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** A person's role as a cell reads it: with the period when part of the year, and a deputy's sections. */
export function roleText(
  row: { role: Role; period: { from: string; to: string } | null; assignedSections: readonly number[] | null },
  lang: Lang,
): string {
  const vi = lang === 'vi';
  let text = label(ROLE_LABELS, row.role, lang);
  if (row.assignedSections !== null) text += ` (${vi ? 'Mục' : 'sections'} ${row.assignedSections.join(', ')})`;
  if (row.period !== null) text += ` (${dmy(row.period.from)}–${dmy(row.period.to)})`;
  return text;
}

/** A block's name (or "all units" for `rankScope: all`), from the run's blocks; an unknown code as written. */
export function blockLabel(policy: Pick<Policy, 'blocks'>, scope: RankScope, lang: Lang): string {
  if (scope === 'all') return lang === 'vi' ? 'Tất cả đơn vị' : 'All units';
  const def = policy.blocks.find((b) => b.code === scope);
  return def === undefined ? scope : def[lang];
}

/** A label in the chosen language. */
export function label<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}

export function yesNo(value: boolean, lang: Lang): string {
  if (lang === 'en') return value ? 'Yes' : 'No';
  return value ? 'Có' : 'Không';
}
