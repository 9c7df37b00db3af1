import type { Gap } from '../../rules/evaluate.js';
import { type Problem, warning } from '../../io/problems.js';
import type { Policy } from '../../rules/policy.js';
import { bottomGroupName } from './labels.js';

/** A data gap the rules found, as a warning a civil servant reads. */
export function gapProblem(gap: Gap, policy: Pick<Policy, 'parameters'>): Problem {
  const bottom = bottomGroupName(policy, 'vi');
  switch (gap.kind) {
    case 'no-report':
      return warning(
        'no-report',
        `đơn vị ${gap.unitCode} không có báo cáo tự đánh giá: người đứng đầu chưa được xếp loại (thiếu dữ liệu).`,
      );
    case 'missing-item':
      return warning(
        'missing-item',
        gap.reason === 'no-row'
          ? `đơn vị ${gap.unitCode} không báo cáo tiêu chí ${gap.itemCode}.`
          : `đơn vị ${gap.unitCode}, tiêu chí ${gap.itemCode}: chưa có Tự đánh giá hay Thẩm định.`,
        gap.source,
      );
    case 'not-applicable-without-note':
      return warning(
        'not-applicable-without-note',
        `đơn vị ${gap.unitCode}, tiêu chí ${gap.itemCode}: "Không áp dụng" nhưng không có ghi chú lý do${gap.accepted ? ' (vẫn chấp nhận theo tham số notApplicableWithoutNote)' : '; coi là thiếu dữ liệu'}.`,
        gap.source,
      );
    case 'no-score':
      return warning(
        'no-score',
        `đơn vị ${gap.unitCode} không có điểm ICT Index năm nay: không xếp hạng, không thuộc nhóm nào.`,
      );
    case 'no-previous-year':
      return warning(
        'no-previous-year',
        `không có bảng điểm năm ${gap.year}: không ai được coi là thuộc nhóm ${bottom} hai năm liền.`,
        { file: `${gap.year}/` },
      );
    case 'no-previous-score':
      return warning(
        'no-previous-score',
        `đơn vị ${gap.unitCode} không có điểm năm ${gap.year}: coi như không thuộc nhóm ${bottom} năm đó.`,
      );
    case 'official-rank-differs':
      return warning(
        'official-rank-differs',
        `đơn vị ${gap.unitCode}: hạng ghi trong tệp là ${gap.officialRank}, hạng tính từ điểm là ${gap.rank}; công cụ dùng hạng tính từ điểm.`,
      );
  }
}
