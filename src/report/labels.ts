import type { Block, ItemStatus, Role } from '../domain.js';
import type { Rating, RatingReason } from '../rules/rating.js';
import type { Reward } from '../rules/rewards.js';
import type { Sanction, SanctionReason } from '../rules/sanctions.js';
import type { SectionStatus } from '../rules/sections.js';

/** The languages of what users read: Vietnamese by default, English with `--lang en`. */
export type Lang = 'vi' | 'en';

type Labels<K extends string> = Record<K, { readonly vi: string; readonly en: string }>;

export const RATING_LABELS: Labels<Rating> = {
  'xuat-sac': { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  'hoan-thanh': { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  'khong-hoan-thanh': { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
  'thieu-du-lieu': { vi: 'Chưa xếp loại (thiếu dữ liệu)', en: 'Not rated (missing data)' },
};

export const RATING_REASON_LABELS: Labels<RatingReason> = {
  'violated-sections': { vi: 'vi phạm ít nhất một trong 4 mục', en: 'violates at least one of the 4 sections' },
  'no-report': { vi: 'không có báo cáo tự đánh giá', en: 'no self-report' },
  'missing-items': { vi: 'có tiêu chí chưa có trạng thái', en: 'some items have no status' },
  'top-group': { vi: 'không vi phạm và thuộc nhóm 20% cao nhất', en: 'no violation, in the top 20% group' },
  'not-top-group': { vi: 'không vi phạm, không thuộc nhóm 20% cao nhất', en: 'no violation, not in the top 20% group' },
  unranked: { vi: 'không vi phạm; không có điểm ICT Index nên không xét nhóm 20%', en: 'no violation; no ICT Index score, so not in the top group' },
};

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

export const SANCTION_REASON_LABELS: Labels<SanctionReason> = {
  'not-applicable': { vi: 'không xử lý: không thuộc trường hợp không hoàn thành nhiệm vụ', en: 'no sanction: the duty was completed' },
  'not-rated': { vi: 'chưa xếp loại nên chưa xét xử lý', en: 'not rated, so no sanction is considered' },
  clause: { vi: 'đủ điều kiện của điểm được áp dụng', en: 'the conditions of the applied point hold' },
  uncovered: { vi: 'trường hợp Điều 17 khoản 1 chưa quy định cụ thể', en: 'a case Điều 17 khoản 1 does not spell out' },
  uncertain: { vi: 'thiếu dữ liệu nên chưa xác định được số mục vi phạm', en: 'missing data leaves the number of violated sections open' },
};

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

export const BLOCK_LABELS: Labels<Block | 'all'> = {
  SBN: { vi: 'Sở, ban, ngành', en: 'Departments' },
  HUYEN: { vi: 'Huyện, thị xã, thành phố', en: 'Districts' },
  all: { vi: 'Tất cả đơn vị', en: 'All units' },
};

/** A label in the chosen language. */
export function label<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}

export function yesNo(value: boolean, lang: Lang): string {
  if (lang === 'en') return value ? 'Yes' : 'No';
  return value ? 'Có' : 'Không';
}
