import type { Gap } from '../../rules/evaluate.js';
import { type Problem, aboutUnit, warning } from '../../io/problems.js';
import type { Policy } from '../../rules/policy.js';
import { STATUS_LABELS, blockLabel, bottomGroupName } from './labels.js';

/**
 * A data gap the rules found, as a warning a civil servant reads: units by name (with their code),
 * what is missing, and what the tool did about it.
 */
export function gapProblem(
  gap: Gap,
  policy: Pick<Policy, 'parameters' | 'blocks'>,
  names: ReadonlyMap<string, string> = new Map(),
): Problem {
  return aboutUnit(gapWarning(gap, policy, names), 'unitCode' in gap ? gap.unitCode : undefined);
}

function gapWarning(
  gap: Gap,
  policy: Pick<Policy, 'parameters' | 'blocks'>,
  names: ReadonlyMap<string, string>,
): Problem {
  const bottom = bottomGroupName(policy, 'vi');
  const unit = (code: string) => {
    const name = names.get(code);
    return name === undefined ? `Đơn vị ${code}` : `${name} (${code})`;
  };
  switch (gap.kind) {
    case 'no-report':
      return warning(
        'no-report',
        `${unit(gap.unitCode)} chưa gửi báo cáo tự đánh giá và Sở chưa đánh giá: người đứng đầu chưa được xếp loại; trường hợp được đưa vào danh sách cần xem xét.`,
      );
    case 'report-missing':
      return warning(
        'report-missing',
        `${unit(gap.unitCode)} chưa gửi báo cáo tự đánh giá; kết quả dựa trên đánh giá của Sở.`,
      );
    case 'not-assessed':
      return warning(
        'not-assessed',
        `${unit(gap.unitCode)}: Sở chưa đánh giá ${gap.itemCodes.length} tiêu chí (${gap.itemCodes.join(', ')}); các tiêu chí này được coi là thiếu dữ liệu.`,
      );
    case 'self-report-accepted':
      return warning(
        'self-report-accepted',
        `${unit(gap.unitCode)}: ${gap.itemCodes.length} tiêu chí (${gap.itemCodes.join(', ')}) chưa được Sở đánh giá, lấy theo tự đánh giá của đơn vị (tham số "Tiêu chí Sở chưa đánh giá: theo tự đánh giá").`,
      );
    case 'not-applicable-without-note':
      return warning(
        'not-applicable-without-note',
        `${unit(gap.unitCode)}, tiêu chí ${gap.itemCode}: "Không áp dụng" nhưng không có ghi chú lý do${gap.accepted ? ' (vẫn chấp nhận theo tham số chính sách)' : '; coi là thiếu dữ liệu'}.`,
        gap.source,
      );
    case 'not-applicable-by-rule':
      return warning(
        'not-applicable-by-rule',
        `${unit(gap.unitCode)}, tiêu chí ${gap.itemCode}: ghi "${STATUS_LABELS[gap.entered].vi}" nhưng điều khoản của tiêu chí này không áp dụng cho loại đơn vị này; tính là "Không áp dụng".`,
        gap.source,
      );
    case 'no-score':
      return warning(
        'no-score',
        `${unit(gap.unitCode)} chưa có điểm ICT Index năm nay: chưa xếp hạng; người không vi phạm chưa được xếp loại (có thể là hoàn thành xuất sắc hoặc hoàn thành).`,
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
        `${unit(gap.unitCode)} không có điểm năm ${gap.year} (đơn vị mới): coi như không thuộc nhóm ${bottom} năm đó.`,
      );
    case 'previous-unsettled':
      return warning(
        'previous-unsettled',
        `${unit(gap.unitCode)}: không xác định được nhóm ${bottom} năm ${gap.year} theo mã năm trước ${gap.codes.join(', ')} (mã không có trong bảng điểm năm trước, hoặc các đơn vị hợp nhất không cùng thuộc nhóm).`,
      );
    case 'official-rank-differs':
      return warning(
        'official-rank-differs',
        gap.used === 'official'
          ? `${unit(gap.unitCode)}: hạng chính thức là ${gap.officialRank}, hạng tính từ điểm là ${gap.rank}; công cụ dùng hạng chính thức.`
          : `${unit(gap.unitCode)}: hạng ghi trong tệp là ${gap.officialRank}, hạng tính từ điểm là ${gap.rank}; công cụ dùng hạng tính từ điểm.`,
      );
    case 'regulation-partial-year':
      return warning(
        'regulation-partial-year',
        `${gap.decision} có hiệu lực từ ${gap.effective.split('-').reverse().join('/')}: năm ${gap.year} chỉ chịu quy định này từ ngày đó; kết quả cả năm cần được xem xét với phần thời gian trước ngày có hiệu lực.`,
      );
    case 'official-ranks':
      return warning(
        'official-ranks',
        gap.issue === 'incomplete'
          ? `khối ${blockLabel(policy, gap.scope, 'vi')}: cột Hạng chỉ có ở một số đơn vị; công cụ xếp hạng theo điểm.`
          : `khối ${blockLabel(policy, gap.scope, 'vi')}: cột Hạng không phải một thứ hạng hợp lệ (ví dụ 1, 2, 2, 4); công cụ xếp hạng theo điểm.`,
      );
  }
}
