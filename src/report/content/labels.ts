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
  policy: Pick<Policy, 'parameters' | 'regulation'>,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  const sections = policy.regulation.sections.length;
  const top = topGroupName(policy, lang);
  switch (reason) {
    case 'violated-sections':
      return vi ? `vi phạm ít nhất một trong ${sections} mục` : `violates at least one of the ${sections} sections`;
    case 'no-report':
      return vi ? 'không có báo cáo tự đánh giá' : 'no self-report';
    case 'missing-items':
      return vi ? 'có tiêu chí chưa có trạng thái' : 'some items have no status';
    case 'top-group':
      return vi ? `không vi phạm và thuộc nhóm ${top}` : `no violation, in the ${top} group`;
    case 'not-top-group':
      return vi ? `không vi phạm, không thuộc nhóm ${top}` : `no violation, not in the ${top} group`;
    case 'unranked':
      return vi
        ? `không vi phạm; không có điểm ICT Index nên không xét nhóm ${percent(policy.parameters.topShare, lang)}`
        : 'no violation; no ICT Index score, so not in the top group';
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
  'can-xem-xet': { vi: 'Cần xem xét (quy định chưa nêu rõ)', en: 'Needs review (not settled by the regulation)' },
  'thieu-du-lieu': { vi: 'Chưa đề xuất (thiếu dữ liệu)', en: 'No proposal (missing data)' },
};

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
  deputy: { vi: 'Cấp phó được phân công', en: 'Assigned deputy' },
};

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
